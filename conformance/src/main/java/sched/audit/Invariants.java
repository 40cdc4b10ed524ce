package sched.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The invariants the audit reports on: for each, one sentence of meaning and where the Java checks it. Where it
 * is defined in TLA+ is looked up in the spec ({@code Name ==} at the start of a line), so the report always
 * points at the current line. An invariant a config checks that is not listed here still gets a row, with its
 * meaning taken from the comment above its definition.
 */
final class Invariants {
    private Invariants() {}

    record Info(String meaning, String java) {}

    static final Map<String, Info> KNOWN = new LinkedHashMap<>();

    static {
        put("TypeOK", "Every variable has a value of the type the module declares.",
                "sched.runtime.Snapshot (shape checked on every replayed step)");
        put("NoLostWakeup", "When every M is at rest, no runnable G waits in a queue while a P is idle.",
                "sched.runtime.Watchdog#suspicious; Sched.checkdead; property tests");
        put("SpinAccounting", "nmspinning equals the spinning Ms plus the wakeups in flight.",
                "Sched.addNmspinning (never negative); replay snapshot comparison");
        put("IdleAccounting", "npidle equals the idle-P list, and an idle P has an empty queue and no M.",
                "Sched.pidleput (throws on a non-empty queue); replay snapshot comparison");
        put("MPAgree", "Every M's P pointer agrees with that P's owner.", "Sched.acquirep/releasep checks; replay");
        put("Conservation", "No G is lost or duplicated by put, putslow, get or steal.",
                "RunQueueTest; history checker (runq model); stress counts");
        put("RunnableEventuallyRuns", "Under weak fairness of M steps, every runnable G is eventually executed.",
                "StressTest (every goroutine ran); Part2Test");
        put("BoundedStarvation", "A G that becomes runnable runs within B scheduling rounds (B stated in the spec).",
                "property tests (bounded starvation); Part2Test#pingPongHog");
        put("Refinement", "The fine-grained ring refines an abstract atomic queue.", "history checker (runq model), Lincheck");
    }

    private static void put(String name, String meaning, String java) { KNOWN.put(name, new Info(meaning, java)); }

    /** "Spinning.tla:123" for the definition of {@code name}, or "" when the spec does not define it. */
    static String locate(Path spec, String name) {
        try {
            List<String> lines = Files.readAllLines(spec);
            Pattern p = Pattern.compile("^" + Pattern.quote(name) + "\\s*(\\(.*\\))?\\s*==");
            for (int i = 0; i < lines.size(); i++) {
                if (p.matcher(lines.get(i)).find()) return spec.getFileName() + ":" + (i + 1);
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }

    /** The comment lines right above the definition of {@code name}, joined, or "". */
    static String commentAbove(Path spec, String name) {
        try {
            List<String> lines = Files.readAllLines(spec);
            Pattern p = Pattern.compile("^" + Pattern.quote(name) + "\\s*(\\(.*\\))?\\s*==");
            for (int i = 0; i < lines.size(); i++) {
                if (!p.matcher(lines.get(i)).find()) continue;
                StringBuilder sb = new StringBuilder();
                for (int k = i - 1; k >= 0 && lines.get(k).strip().startsWith("\\*"); k--) {
                    sb.insert(0, lines.get(k).strip().replaceFirst("^\\\\\\*+\\s?", "") + " ");
                }
                String s = sb.toString().strip();
                int dot = s.indexOf(". ");
                return dot > 0 ? s.substring(0, dot + 1) : s;
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }
}
