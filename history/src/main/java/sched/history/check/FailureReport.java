package sched.history.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import sched.history.Op;
import sched.history.Operation;
import sched.history.edn.EdnWriter;

/**
 * Explains a non-linearizable verdict with a small window of the history around the point of failure.
 *
 * <p>The point of failure is the completed operation F that the search could never linearize: every
 * completed operation that returned before F (the longest linearizable prefix) could be placed, F could not,
 * whatever the order. The window shows F, the operations concurrent with it (their intervals overlap F's),
 * the last few operations that completed before F began (they set the state F saw), and the most recent open
 * operations that might have taken effect meanwhile; with the states the model could be in when F had to take
 * effect. The report also names the shortest failing prefix: the history cut right after F returned is itself
 * not linearizable, where operations still running at the cut may or may not have taken effect but keep the
 * results they later returned; {@link #shortestPrefix} re-checks it.
 *
 * <p>The text form is a timeline in the spirit of Knossos's report: one row per process, each operation a bar
 * {@code [f value]} from the column of its invocation to that of its completion, columns being the history
 * indices of the window's events; the failing operation is marked {@code *}.
 */
public final class FailureReport {
    private final Checker.Failure failure;
    private final List<Operation> window;
    private final Boolean prefixFails; // null: not checked or undecided

    private FailureReport(Checker.Failure failure, List<Operation> window, Boolean prefixFails) {
        this.failure = failure;
        this.window = window;
        this.prefixFails = prefixFails;
    }

    /** A report with a window of at most {@code maxOps} operations; the prefix re-check gets {@code prefixSeconds}. */
    public static FailureReport of(Checker.Failure failure, int maxOps, double prefixSeconds) {
        return new FailureReport(failure, window(failure, maxOps), prefixSeconds > 0 ? shortestPrefix(failure, prefixSeconds) : null);
    }

    public List<Operation> window() { return window; }

    public Checker.Failure failure() { return failure; }

    /** True when the prefix ending at F's completion was re-checked and is not linearizable. */
    public Boolean prefixFails() { return prefixFails; }

    static List<Operation> window(Checker.Failure f, int maxOps) {
        Operation bad = f.op();
        int c = bad.call(), r = bad.ret();
        List<Operation> concurrent = new ArrayList<>(), before = new ArrayList<>(), open = new ArrayList<>();
        for (Operation o : f.ops()) {
            if (o == bad) continue;
            if (o.call() < r && o.ret() > c) {
                if (o.open()) open.add(o);
                else concurrent.add(o);
            } else if (!o.open() && o.ret() < c) {
                before.add(o);
            }
        }
        LinkedHashSet<Operation> chosen = new LinkedHashSet<>();
        chosen.add(bad);
        // closest to F first
        concurrent.sort(Comparator.comparingInt((Operation o) -> Math.abs(o.call() - c)));
        before.sort(Comparator.comparingInt(Operation::ret).reversed());
        open.sort(Comparator.comparingInt(Operation::call).reversed());
        for (Operation o : concurrent) if (chosen.size() < maxOps) chosen.add(o);
        for (int i = 0; i < Math.min(3, before.size()); i++) if (chosen.size() < maxOps) chosen.add(before.get(i));
        for (int i = 0; i < Math.min(8, open.size()); i++) if (chosen.size() < maxOps) chosen.add(open.get(i));
        List<Operation> out = new ArrayList<>(chosen);
        out.sort(Comparator.comparingInt(Operation::call));
        return out;
    }

    /**
     * Re-checks the part's history cut right after the failing operation's completion: operations invoked by
     * then are kept, and those that completed later become optional (no return entry) with their known results.
     * Returns true when that prefix is not linearizable, false when it is, null when undecided in {@code seconds}.
     */
    public static Boolean shortestPrefix(Checker.Failure f, double seconds) {
        int end = f.op().ret();
        List<Operation> prefix = new ArrayList<>();
        for (Operation o : f.ops()) {
            if (o.call() > end) continue;
            if (o.ret() > end && !o.open()) {
                // still running at the cut: it may or may not have taken effect by then, but if it did, it had
                // the result it returned later; so keep its outcome and value, and drop only its return entry
                o = new Operation(o.id(), o.process(), o.f(), o.value(), o.outcome(), o.call(), Operation.OPEN, o.invoke(), o.complete());
            }
            prefix.add(o);
        }
        Checker.Result r = Checker.check(f.model(), prefix, seconds, false);
        return switch (r.verdict()) {
            case NOT_LINEARIZABLE -> true;
            case LINEARIZABLE -> false;
            case UNKNOWN -> null;
        };
    }

    private static String label(Operation o) {
        String v = o.value() == null ? "" : " " + EdnWriter.write(o.value());
        return EdnWriter.write(o.f()) + v;
    }

    private static String outcome(Operation o) {
        return switch (o.outcome()) {
            case OK -> "ok";
            case FAIL -> "fail";
            case INFO -> "info (open)";
            case PENDING -> "no completion (open)";
        };
    }

    private static String lines(Operation o) {
        int a = o.invoke() != null ? o.invoke().line() : 0;
        int b = o.complete() != null ? o.complete().line() : 0;
        if (a <= 0) return "";
        return b > 0 ? ", lines " + a + "-" + b : ", line " + a;
    }

    /** The text report: headline, states, timeline, legend. */
    public String text() {
        Operation bad = failure.op();
        StringBuilder sb = new StringBuilder();
        sb.append("Point of failure").append(failure.part().equals("whole history") ? "" : " (" + failure.part() + ")")
                .append(": process ").append(EdnWriter.write(bad.process())).append(' ').append(label(bad))
                .append(" (history indices ").append(bad.call()).append("..").append(bad.ret()).append(lines(bad))
                .append(") cannot be linearized.\n");
        sb.append("All ").append(failure.linearized()).append(" completed operation(s) that returned before it can be"
                + " linearized, but no order of them fits this one as well.\n");
        List<String> states = new ArrayList<>();
        for (Object s : failure.states()) states.add(failure.model().showState(s));
        sb.append("Model states possible just before it (").append(failure.model().describe()).append("): ")
                .append(states.isEmpty() ? "(none)" : String.join(", ", states))
                .append(failure.states().size() >= 16 ? ", ..." : "").append('\n');
        if (prefixFails != null) {
            sb.append(prefixFails ? "Shortest failing prefix: history indices 0.." + bad.ret() + " (re-checked: not linearizable).\n"
                    : "Note: the prefix up to index " + bad.ret() + " alone re-checks as linearizable.\n");
        }
        sb.append('\n').append(timeline());
        return sb.toString();
    }

    /** One row per process, one bar per operation, columns = history indices of the window's events. */
    public String timeline() {
        TreeSet<Integer> events = new TreeSet<>();
        for (Operation o : window) {
            events.add(o.call());
            if (!o.open()) events.add(o.ret());
        }
        Map<Integer, Integer> slot = new LinkedHashMap<>();
        for (int e : events) slot.put(e, slot.size());
        int longest = 0;
        for (int k = 0; k < window.size(); k++) longest = Math.max(longest, label(window.get(k)).length() + 5);
        final int w = Math.max(4, Math.min(Math.min(longest + 1, 14), 150 / Math.max(1, events.size())));
        int width = events.size() * w + 4;
        Map<Object, StringBuilder> rows = new LinkedHashMap<>();
        List<Operation> byProcess = new ArrayList<>(window);
        byProcess.sort(Comparator.comparing((Operation o) -> EdnWriter.write(o.process()), FailureReport::naturalOrder));
        for (Operation o : byProcess) rows.computeIfAbsent(o.process(), p -> new StringBuilder(" ".repeat(width)));
        for (int k = 0; k < window.size(); k++) {
            Operation o = window.get(k);
            StringBuilder row = rows.get(o.process());
            int from = slot.get(o.call()) * w;
            int to = o.open() ? width - 2 : slot.get(o.ret()) * w;
            if (to - from < 2) to = from + 2;
            String text = (o == failure.op() ? "*" : "") + "#" + (k + 1) + " " + label(o);
            int inner = to - from - 1;
            if (text.length() > inner) text = text.substring(0, Math.max(0, inner));
            StringBuilder bar = new StringBuilder();
            bar.append('[').append(text);
            while (bar.length() < to - from) bar.append('-');
            bar.append(o.open() ? '>' : ']');
            for (int i = 0; i < bar.length() && from + i < row.length(); i++) row.setCharAt(from + i, bar.charAt(i));
        }
        int nameWidth = 0;
        for (Object p : rows.keySet()) nameWidth = Math.max(nameWidth, EdnWriter.write(p).length() + 1);
        nameWidth = Math.max(nameWidth, 8);
        StringBuilder sb = new StringBuilder();
        StringBuilder axis = new StringBuilder(" ".repeat(width));
        for (Map.Entry<Integer, Integer> e : slot.entrySet()) {
            String s = String.valueOf(e.getKey());
            int at = e.getValue() * w;
            for (int i = 0; i < s.length() && at + i < axis.length(); i++) axis.setCharAt(at + i, s.charAt(i));
        }
        sb.append(pad("index", nameWidth)).append(axis.toString().stripTrailing()).append('\n');
        for (Map.Entry<Object, StringBuilder> e : rows.entrySet()) {
            sb.append(pad("p" + EdnWriter.write(e.getKey()), nameWidth)).append(e.getValue().toString().stripTrailing()).append('\n');
        }
        sb.append('\n');
        for (int k = 0; k < window.size(); k++) {
            Operation o = window.get(k);
            sb.append(o == failure.op() ? "*" : " ").append(String.format("#%-3d", k + 1))
                    .append(pad("p" + EdnWriter.write(o.process()), nameWidth)).append(label(o))
                    .append("  ").append(outcome(o)).append(", indices ").append(o.call()).append("..")
                    .append(o.open() ? "(open)" : String.valueOf(o.ret())).append(lines(o)).append('\n');
        }
        return sb.toString();
    }

    private static String pad(String s, int n) { return s.length() >= n ? s + " " : s + " ".repeat(n - s.length()); }

    private static int naturalOrder(String a, String b) {
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    /**
     * The report as EDN: a map with the verdict, the failing operation, the possible states, and under
     * {@code :history} the window's records in Knossos format (original indices kept), so that
     * {@code history check} can read the file back.
     */
    public String edn(String source) {
        Operation bad = failure.op();
        StringBuilder sb = new StringBuilder();
        sb.append("{:verdict :not-linearizable\n :source ").append(EdnWriter.write(source))
                .append("\n :model ").append(EdnWriter.write(failure.model().describe()))
                .append("\n :part ").append(EdnWriter.write(failure.part()))
                .append("\n :failing-op ");
        Map<Object, Object> f = new LinkedHashMap<>();
        f.put(kw("process"), bad.process());
        f.put(kw("f"), bad.f());
        f.put(kw("value"), bad.value());
        f.put(kw("invoke-index"), (long) bad.call());
        f.put(kw("complete-index"), (long) bad.ret());
        EdnWriter.write(f, sb);
        sb.append("\n :linearized-before ").append(failure.linearized());
        sb.append("\n :possible-states [");
        for (int i = 0; i < failure.states().size(); i++) {
            if (i > 0) sb.append(' ');
            sb.append(failure.model().showState(failure.states().get(i)));
        }
        sb.append(']');
        sb.append("\n :prefix-end ").append(bad.ret());
        sb.append("\n :prefix-not-linearizable ").append(prefixFails == null ? "nil" : prefixFails.toString());
        sb.append("\n :history [");
        List<Op> records = new ArrayList<>();
        for (Operation o : window) {
            if (o.invoke() != null) records.add(o.invoke());
            if (o.complete() != null) records.add(o.complete());
        }
        records.sort(Comparator.comparingInt(Op::index));
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) sb.append("\n           ");
            EdnWriter.write(records.get(i).toEdn(), sb);
        }
        sb.append("]}\n");
        return sb.toString();
    }

    private static sched.history.edn.Keyword kw(String s) { return sched.history.edn.Keyword.of(s); }
}
