package sched.tlc;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import sched.trace.SpecHash;
import sched.trace.Trace;
import sched.trace.TraceWriter;

/**
 * One manifest entry checked end to end: run TLC, name the violated property when TLC did not, turn a
 * counterexample into a trace file, and judge the result against the entry's expectation.
 */
public final class TlcChecks {
    private TlcChecks() {}

    /**
     * How to run the checks.
     *
     * @param workers            TLC worker threads (per worker process when distributed)
     * @param deep               deep-run settings ({@link TlcRunner#deep})
     * @param distributedWorkers 0, or the number of TLCWorker processes on loopback
     * @param maxHeap            the child's -Xmx, or null
     * @param timeout            per-run time limit, or null
     * @param workRoot           where run directories go, or null for {@code <root>/target/tlc}
     * @param traceDir           where counterexample traces are written
     */
    public record Settings(int workers, boolean deep, int distributedWorkers, String maxHeap, Duration timeout,
                           boolean keepStates, Path workRoot, Path traceDir) {
        public static Settings defaults(Path root) {
            return new Settings(1, false, 0, null, null, false, null, root.resolve("target").resolve("tlc").resolve("traces"));
        }
    }

    public enum Verdict { PASS, FAIL, ERROR, TIMEOUT }

    /**
     * @param detail    one line for the summary ("ok", "violated X", "not caught", the first error, ...)
     * @param trace     the counterexample as a trace, or null
     * @param traceFile where it was written, or null
     */
    public record Outcome(SpecManifest.Entry entry, TlcResult result, Verdict verdict, String detail, Trace trace,
                          Path traceFile) {}

    public static TlcRunner runner(SpecManifest.Entry e, Settings s) {
        TlcRunner r = new TlcRunner(e.specFile(), e.configFile())
                .workers(s.workers())
                .deep(s.deep())
                .distributed(s.distributedWorkers())
                .keepStates(s.keepStates());
        if (s.maxHeap() != null) r.maxHeap(s.maxHeap());
        if (s.timeout() != null) r.timeout(s.timeout());
        if (s.workRoot() != null) r.workRoot(s.workRoot());
        return r;
    }

    public static Outcome check(SpecManifest.Entry e, Settings s, TlcProgress.Listener listener)
            throws IOException, InterruptedException {
        TlcResult r = runner(e, s).listener(listener).run();
        TlcConfigFile cfg = TlcConfigFile.read(e.configFile());
        if (r.status() == TlcResult.Status.VIOLATION) r = resolveProperty(r, e, s, cfg);
        Trace trace = null;
        Path traceFile = null;
        if (r.status() == TlcResult.Status.VIOLATION && !r.counterexample().isEmpty()) {
            TraceDeriver.Derived d = TraceDeriver.derive(r, e.spec(), e.configFile().getFileName().toString());
            trace = Counterexamples.toTrace(r, d, e.spec(), SpecHash.of(e.specFile()), e.configName(), cfg);
            traceFile = s.traceDir().resolve(e.spec() + "-" + e.configName() + ".ndjson");
            TraceWriter.write(traceFile, trace);
        }
        return judge(e, r, trace, traceFile);
    }

    static Outcome judge(SpecManifest.Entry e, TlcResult r, Trace trace, Path traceFile) {
        String violated = r.violation() == null ? null
                : r.violation().property() == null ? "an unnamed " + r.violation().kind().lower() + " property"
                : r.violation().property();
        return switch (r.status()) {
            case ERROR -> new Outcome(e, r, Verdict.ERROR, r.errors().isEmpty() ? "error" : r.errors().getFirst().message(), trace, traceFile);
            case TIMEOUT -> new Outcome(e, r, Verdict.TIMEOUT, "time limit reached", trace, traceFile);
            case OK -> e.expectsViolation()
                    ? new Outcome(e, r, Verdict.FAIL, "NOT CAUGHT: every property held", trace, traceFile)
                    : new Outcome(e, r, Verdict.PASS, "ok", trace, traceFile);
            case VIOLATION -> {
                if (!e.expectsViolation()) {
                    yield new Outcome(e, r, Verdict.FAIL, "violated " + violated, trace, traceFile);
                }
                boolean match = e.expectedProperty().equals("*")
                        || e.expectedProperty().equals(r.violation().property());
                yield match
                        ? new Outcome(e, r, Verdict.PASS, "violated " + violated + " (expected)", trace, traceFile)
                        : new Outcome(e, r, Verdict.FAIL, "NOT CAUGHT: violated " + violated + ", expected "
                                + e.expectedProperty(), trace, traceFile);
            }
        };
    }

    /**
     * Names the violated property when TLC did not (a temporal property, or an action property it names by a
     * location): the config's only PROPERTY, or else the first one that is violated when checked alone. A
     * violation that distributed TLC did not name is checked again without distribution, and that run's result
     * (with its complete counterexample) is returned.
     */
    public static TlcResult resolveProperty(TlcResult r, SpecManifest.Entry e, Settings s, TlcConfigFile cfg)
            throws IOException, InterruptedException {
        Violation v = r.violation();
        if (v == null || v.property() != null) return r;
        if (v.kind() == Violation.Kind.UNKNOWN && s.distributedWorkers() > 0) {
            // Distributed TLC 2.18 names no property and prints only the end of the trace: check again on one
            // machine for the property's name and a complete counterexample.
            Settings local = new Settings(Math.max(1, s.workers()), s.deep(), 0, s.maxHeap(), s.timeout(),
                    s.keepStates(), s.workRoot(), s.traceDir());
            TlcResult again = runner(e, local).run();
            if (again.status() != TlcResult.Status.VIOLATION) return r;
            return resolveProperty(again, e, local, cfg);
        }
        if (v.kind() != Violation.Kind.TEMPORAL && v.kind() != Violation.Kind.ACTION_PROPERTY) return r;
        List<String> props = cfg.properties();
        if (props.size() == 1) return r.withViolation(v.withProperty(props.getFirst()));
        for (String p : props) {
            TlcResult alone = runner(e, s).configText(cfg.onlyProperty(p)).run();
            if (alone.status() == TlcResult.Status.VIOLATION) return r.withViolation(v.withProperty(p));
        }
        return r;
    }

    /** The errors of a result, one per line, files shown relative to {@code base}. */
    public static String formatErrors(TlcResult r, Path base) {
        return r.errors().stream().map(x -> x.format(base)).collect(Collectors.joining("\n"));
    }
}
