package sched.tlc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import sched.tlc.value.TlaValue;
import sched.tlc.value.TlaValueParser;

/**
 * Turns the output of one TLC run (messages, unframed text, our probe's progress lines, the exit status) into a
 * {@link TlcResult}. It is fed incrementally from the threads that read the child's output, and reports progress
 * as it goes.
 */
public final class TlcRunCollector {
    /** The prefix of the progress lines {@link TlcChild} prints on stderr. */
    public static final String PROBE_PREFIX = "#sched-progress ";

    private static final Pattern PROGRESS = Pattern.compile(
            "Progress\\((\\d+)\\).*?: ([\\d,]+) states generated.*?, ([\\d,]+) distinct states found.*?, ([\\d,]+) states left on queue");
    private static final Pattern STATS = Pattern.compile(
            "([\\d,]+) states generated, ([\\d,]+) distinct states found, ([\\d,]+) states left on queue");
    private static final Pattern DEPTH = Pattern.compile("depth of the complete state graph search is (\\d+)");
    private static final Pattern STATE_HEADER = Pattern.compile(
            "^(\\d+): (?:<(.+?)(?: line (\\d+), col \\d+ to line \\d+, col \\d+ of module (\\w+))?>|(Stuttering))\\s*$");
    private static final Pattern BACK_TO = Pattern.compile(
            "^(\\d+): Back to state: <(.+?)(?: line (\\d+), col \\d+ to line \\d+, col \\d+ of module (\\w+))?>");
    private static final Pattern NAMED_VIOLATION = Pattern.compile(
            "^(Invariant|Action property|Property|Temporal property) (.+?) is violated");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_!]*");
    private static final Pattern POSITION = Pattern.compile(
            "(?m)^\\s*\\d+\\. Line (\\d+), column (\\d+) to line \\d+, column \\d+ in (\\w+)");
    private static final Pattern SEM_LOCATION = Pattern.compile(
            "line (\\d+), col (\\d+) to line \\d+, col \\d+ of module (\\w+)");
    private static final Pattern CONFIG_LINE = Pattern.compile("configuration file at line (\\d+)");
    private static final Pattern CONFIG_NAMED = Pattern.compile(
            "(?:The|the) [\\w -]*?(?:invariant|property|operator|constant|constraint|action constraint|symmetry|view|init|next|specification|parameter|alias|postcondition)s? (\\w+)\\b[^\\n]*(?:configuration file|config)",
            Pattern.CASE_INSENSITIVE);

    private final SpecFiles files;
    private final TlcProgress.Listener listener;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final TlcOutputParser parser;

    private String phase = "starting";
    private long distinct;
    private long generated;
    private long queue;
    private int depth;
    private long lastRateNanos;
    private long lastRateGenerated;
    private double rate;
    private boolean success;
    private Violation violation;
    private final List<TraceState> trace = new ArrayList<>();
    private int loopBackTo = -1;
    private boolean stuttering;
    private String version = "";
    private final List<TlcMessage> errorMessages = new ArrayList<>();
    private final List<String> nestedPositions = new ArrayList<>();
    private final List<String> stderrTail = new ArrayList<>();

    public TlcRunCollector(SpecFiles files, TlcProgress.Listener listener, LongSupplier nanoTime) {
        this.files = files;
        this.listener = listener == null ? TlcProgress.Listener.NONE : listener;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        this.lastRateNanos = startNanos;
        this.parser = new TlcOutputParser(this::message, this::unframedLine);
    }

    /** A line of the child's standard output. */
    public synchronized void stdoutLine(String line) {
        parser.line(line);
    }

    /** A line of the child's standard error: our probe's progress, or something to keep for error reports. */
    public synchronized void stderrLine(String line) {
        if (line.startsWith(PROBE_PREFIX)) {
            String[] f = line.substring(PROBE_PREFIX.length()).trim().split("\\s+");
            if (f.length >= 4) {
                try {
                    long d = Long.parseLong(f[0]);
                    long g = Long.parseLong(f[1]);
                    long q = Long.parseLong(f[2]);
                    int dep = Integer.parseInt(f[3]);
                    if (g > 0 || d > 0) {
                        if (phase.equals("initial states") || phase.equals("starting")) phase = "exploring";
                        update(d, g, q, dep);
                    }
                } catch (NumberFormatException ignored) {
                    // not one of ours after all
                }
            }
            return;
        }
        if (stderrTail.size() >= 40) stderrTail.removeFirst();
        stderrTail.add(line);
    }

    private void unframedLine(String line) {
        if (line.startsWith("Parsing file ")) {
            phase = "parsing";
            files.parsedFile(line.substring("Parsing file ".length()));
        }
    }

    private void update(long d, long g, long q, int dep) {
        long now = nanoTime.getAsLong();
        if (now - lastRateNanos >= 500_000_000L && g >= lastRateGenerated) {
            rate = (g - lastRateGenerated) / ((now - lastRateNanos) / 1e9);
            lastRateNanos = now;
            lastRateGenerated = g;
        }
        distinct = Math.max(distinct, d);
        generated = Math.max(generated, g);
        queue = q;
        depth = Math.max(depth, dep);
        report();
    }

    private void report() {
        listener.progress(new TlcProgress(phase, distinct, generated, queue, depth, rate,
                Duration.ofNanos(nanoTime.getAsLong() - startNanos)));
    }

    private static long num(String s) {
        return Long.parseLong(s.replace(",", ""));
    }

    private void message(TlcMessage m) {
        String body = m.body();
        switch (m.code()) {
            case TlcMessage.VERSION -> version = body.replaceFirst("(?s).*?Version (\\S+).*", "$1");
            case 2220 -> { phase = "parsing"; report(); }
            case TlcMessage.STARTING -> { phase = "starting"; report(); }
            case 2189 -> { phase = "initial states"; report(); }
            case TlcMessage.INIT_GENERATED -> { phase = "exploring"; report(); }
            case 2192 -> { phase = "liveness"; report(); }
            case TlcMessage.DISTRIBUTED_SERVER_RUNNING -> { phase = "waiting for workers"; report(); }
            case TlcMessage.DISTRIBUTED_WORKER_REGISTERED -> { phase = "exploring"; report(); }
            case TlcMessage.PROGRESS_STATS -> {
                Matcher pm = PROGRESS.matcher(body);
                if (pm.find()) update(num(pm.group(3)), num(pm.group(2)), num(pm.group(4)), Integer.parseInt(pm.group(1)));
            }
            case TlcMessage.STATS -> {
                Matcher sm = STATS.matcher(body);
                if (sm.find()) {
                    generated = num(sm.group(1));
                    distinct = num(sm.group(2));
                    queue = num(sm.group(3));
                }
            }
            case TlcMessage.SEARCH_DEPTH -> {
                Matcher dm = DEPTH.matcher(body);
                if (dm.find()) depth = Integer.parseInt(dm.group(1));
            }
            case TlcMessage.SUCCESS -> success = true;
            case TlcMessage.INVARIANT_VIOLATED_BEHAVIOR, TlcMessage.ACTION_PROPERTY_VIOLATED_BEHAVIOR,
                 TlcMessage.INVARIANT_VIOLATED_INITIAL, TlcMessage.PROPERTY_VIOLATED_INITIAL -> namedViolation(m);
            case TlcMessage.DEADLOCK_REACHED -> setViolation(new Violation(Violation.Kind.DEADLOCK, "Deadlock", "deadlock reached"));
            case TlcMessage.TEMPORAL_PROPERTY_VIOLATED ->
                    setViolation(new Violation(Violation.Kind.TEMPORAL, null, "temporal properties were violated"));
            case TlcMessage.ASSERT_FAILED -> setViolation(new Violation(Violation.Kind.ASSERT, "Assert",
                    body.replaceFirst("(?s)^.*?second argument was:\\s*", "").strip()));
            case TlcMessage.ASSUMPTION_FALSE -> setViolation(new Violation(Violation.Kind.ASSUMPTION, "ASSUME", oneLine(body)));
            case TlcMessage.STATE_PRINT, TlcMessage.STUTTER_STATE -> traceState(body);
            case TlcMessage.BACK_TO_STATE -> backTo(body);
            case TlcMessage.NESTED_EXPRESSION -> nestedPositions.add(body);
            case TlcMessage.BEHAVIOR_UP_TO_THIS_POINT, TlcMessage.COUNTER_EXAMPLE, TlcMessage.SANY_FAILED -> { }
            default -> {
                if (m.isError()) errorMessages.add(m);
            }
        }
    }

    private void setViolation(Violation v) {
        if (violation == null) violation = v;
    }

    private void namedViolation(TlcMessage m) {
        String first = m.body().lines().findFirst().orElse("");
        Matcher vm = NAMED_VIOLATION.matcher(first);
        String name = null;
        String kindWord = "Invariant";
        if (vm.find()) {
            kindWord = vm.group(1);
            name = vm.group(2);
            if (!IDENT.matcher(name).matches()) name = null; // TLC named a sub-formula by its location
        }
        Violation.Kind kind = switch (kindWord) {
            case "Invariant" -> Violation.Kind.INVARIANT;
            case "Action property" -> Violation.Kind.ACTION_PROPERTY;
            default -> Violation.Kind.TEMPORAL;
        };
        setViolation(new Violation(kind, name, oneLine(first)));
        if (m.code() == TlcMessage.INVARIANT_VIOLATED_INITIAL || m.code() == TlcMessage.PROPERTY_VIOLATED_INITIAL) {
            // The violating initial state is printed in the message itself.
            String rest = m.body().contains("\n") ? m.body().substring(m.body().indexOf('\n') + 1) : "";
            if (trace.isEmpty() && !rest.isBlank()) {
                try {
                    trace.add(new TraceState(1, "Init", null, 0, TlaValueParser.parseState(rest)));
                } catch (TlaValueParser.ParseException ignored) {
                    // leave the counterexample empty
                }
            }
        }
    }

    private void traceState(String body) {
        int nl = body.indexOf('\n');
        String head = nl < 0 ? body : body.substring(0, nl);
        String rest = nl < 0 ? "" : body.substring(nl + 1);
        Matcher hm = STATE_HEADER.matcher(head.strip());
        if (!hm.matches()) return;
        if (hm.group(5) != null) {
            stuttering = true;
            return;
        }
        int number = Integer.parseInt(hm.group(1));
        String label = hm.group(2);
        String action = label.equals("Initial predicate") ? "Init" : label.strip();
        int line = hm.group(3) == null ? 0 : Integer.parseInt(hm.group(3));
        LinkedHashMap<String, TlaValue> vars;
        try {
            vars = TlaValueParser.parseState(rest);
        } catch (TlaValueParser.ParseException e) {
            vars = new LinkedHashMap<>();
        }
        trace.add(new TraceState(number, action, hm.group(4), line, vars));
    }

    private void backTo(String body) {
        Matcher bm = BACK_TO.matcher(body.strip());
        if (!bm.find()) return;
        int target = Integer.parseInt(bm.group(1)) - 1;
        if (target < 0 || target >= trace.size()) return;
        loopBackTo = target;
        int line = bm.group(3) == null ? 0 : Integer.parseInt(bm.group(3));
        trace.add(new TraceState(trace.size() + 1, bm.group(2).strip(), bm.group(4), line, trace.get(target).vars()));
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\n\\s*", " ");
    }

    /** Builds the result once the child has exited (or was stopped). */
    public synchronized TlcResult finish(int exitCode, boolean timedOut, Path workDir) {
        parser.finish();
        Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - startNanos);
        List<TlcError> errors = new ArrayList<>();
        TlcResult.Status status;
        if (violation == null && !trace.isEmpty() && errorMessages.isEmpty() && nestedPositions.isEmpty() && !success) {
            violation = new Violation(Violation.Kind.UNKNOWN, null,
                    "TLC printed an error trace without naming the violated property");
        }
        if (violation != null) {
            status = TlcResult.Status.VIOLATION;
        } else if (timedOut) {
            status = TlcResult.Status.TIMEOUT;
        } else {
            errors.addAll(locateErrors(exitCode));
            if (errors.isEmpty() && success && exitCode == 0) {
                status = TlcResult.Status.OK;
            } else {
                status = TlcResult.Status.ERROR;
                if (errors.isEmpty()) {
                    String tail = stderrTail.isEmpty() ? "" : ": " + String.join(" | ", stderrTail.subList(
                            Math.max(0, stderrTail.size() - 5), stderrTail.size()));
                    errors.add(new TlcError(files.originalConfig(), 0, 0,
                            "TLC exited with status " + exitCode + " without a result" + tail));
                }
            }
        }
        if (status == TlcResult.Status.VIOLATION && depth == 0) depth = trace.size();
        return new TlcResult(status, violation, errors, distinct, generated, depth, elapsed, trace, loopBackTo,
                stuttering, exitCode, version, workDir);
    }

    private List<TlcError> locateErrors(int exitCode) {
        LinkedHashSet<TlcError> out = new LinkedHashSet<>(SanyErrors.extract(parser.unframedText(), files));
        if (!errorMessages.isEmpty()) {
            // The innermost message comes first (a nested message is delivered before the one around it).
            TlcMessage primary = errorMessages.getFirst();
            String msg = cleanMessage(primary.body());
            TlcError located = locateMessage(primary, msg);
            if (located == null) {
                for (TlcMessage m : errorMessages) {
                    located = locateMessage(m, msg);
                    if (located != null) break;
                }
            }
            if (located == null && !nestedPositions.isEmpty()) {
                // An evaluation error: the innermost of the nested expressions TLC was evaluating.
                Matcher pm = POSITION.matcher(nestedPositions.getLast());
                TlcError last = null;
                while (pm.find()) {
                    last = new TlcError(files.moduleFile(pm.group(3)), Integer.parseInt(pm.group(1)),
                            Integer.parseInt(pm.group(2)), msg);
                }
                located = last;
            }
            if (located == null && out.isEmpty()) {
                located = new TlcError(files.originalConfig(), 0, 0, msg);
            }
            if (located != null) out.add(located);
        } else if (out.isEmpty() && exitCode >= 150 && exitCode <= 153 && !parser.unframedText().isBlank()) {
            out.add(new TlcError(files.originalConfig(), 0, 0, lastLines(parser.unframedText())));
        }
        return new ArrayList<>(out);
    }

    private TlcError locateMessage(TlcMessage m, String msg) {
        String body = m.body();
        Matcher cl = CONFIG_LINE.matcher(body);
        if (cl.find()) return new TlcError(files.originalConfig(), Integer.parseInt(cl.group(1)), 0, msg);
        Matcher sl = SEM_LOCATION.matcher(body);
        if (sl.find()) {
            return new TlcError(files.moduleFile(sl.group(3)), Integer.parseInt(sl.group(1)),
                    Integer.parseInt(sl.group(2)), msg);
        }
        Matcher constant = Pattern.compile("constant parameter (\\w+) is not assigned").matcher(body);
        if (constant.find()) {
            SpecFiles.Location loc = files.constantDeclaration(constant.group(1));
            if (loc != null) return new TlcError(loc.file(), loc.line(), 0, msg);
        }
        Matcher named = CONFIG_NAMED.matcher(body);
        if (named.find()) {
            int line = files.configLineOf(named.group(1));
            if (line > 0) return new TlcError(files.originalConfig(), line, 0, msg);
        }
        return null;
    }

    private static String cleanMessage(String body) {
        String s = body;
        int at = s.indexOf("The exception was a ");
        if (at >= 0) {
            // "TLC threw an unexpected exception ... The exception was a X\n: <nested message>"
            int colon = s.indexOf("\n:", at);
            s = colon >= 0 ? s.substring(colon + 2) : s.substring(at);
        }
        return oneLine(s);
    }

    private static String lastLines(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return String.join(" ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
}
