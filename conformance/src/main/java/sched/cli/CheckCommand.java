package sched.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sched.tlc.ConsoleProgress;
import sched.tlc.Counterexamples;
import sched.tlc.SpecManifest;
import sched.tlc.Tables;
import sched.tlc.TlcChecks;
import sched.tlc.TlcResult;
import sched.tlc.TlcRunner;

/**
 * {@code ./sched check}: model-checks the specs' configs listed in {@code spec/MANIFEST.tsv} with TLC and reports
 * a summary. See docs/TLC.md.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {
                "Model-check the TLA+ specs with TLC (ci or deep configs, bug switches).",
                "",
                "Runs the configs listed in spec/MANIFEST.tsv: by default each selected spec's ci and liveness "
                        + "configs; with --deep its deep configs; with --mutants also every bug-switch config, each "
                        + "of which must violate exactly the property the manifest names. A counterexample to a "
                        + "property that should hold is printed step by step and written as a trace file under "
                        + "target/tlc/traces/.",
                "",
                "Exit status: 0 everything held and every switch was caught; 1 a property was violated "
                        + "unexpectedly or a switch was not caught; 2 usage error, or an error in a spec or config "
                        + "(shown as file:line: message); 3 a time limit was reached.",
                ""},
        sortOptions = false)
public final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "SPEC", description = "Specs to check (module names, e.g. Spinning); default: all.")
    List<String> specs = new ArrayList<>();

    @Option(names = "--deep", description = "Run the deep configs (larger constants; disk-backed fingerprint set and queue) instead of ci.")
    boolean deep;

    @Option(names = "--mutants", description = "Also run every bug-switch config and check that each is caught.")
    boolean mutants;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1",
            description = "TLC worker threads (with --distributed: the number of TLCWorker processes). Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--distributed", description = "Use TLC's distributed mode: a TLCServer and N TLCWorker processes on 127.0.0.1.")
    boolean distributed;

    @Option(names = "--manifest", paramLabel = "FILE", description = "The manifest to read (default: spec/MANIFEST.tsv).")
    Path manifest;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Stop each TLC run after this many seconds (exit status 3).")
    Long timeLimit;

    @Option(names = "--heap", paramLabel = "SIZE", description = "Maximum heap of each TLC JVM, e.g. 4g (default: the JVM's default).")
    String heap;

    @Option(names = "--keep-states", description = "Keep TLC's state directories under target/tlc/ after the runs.")
    boolean keepStates;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where run directories and counterexample traces go (default: target/tlc).")
    Path workDir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (workers < 1) throw new UserError("--workers must be at least 1");
        if (timeLimit != null && timeLimit < 1) throw new UserError("--time-limit must be at least 1 second");
        Path root = TlcRunner.projectRoot();
        SpecManifest m = loadManifest(root);
        List<SpecManifest.Entry> selected = select(m);

        Path work = workDir != null ? workDir.toAbsolutePath().normalize() : root.resolve("target").resolve("tlc");
        TlcChecks.Settings settings = new TlcChecks.Settings(distributed ? 1 : workers, deep,
                distributed ? workers : 0, heap, timeLimit == null ? null : Duration.ofSeconds(timeLimit),
                keepStates, work, work.resolve("traces"));
        boolean interactive = ConsoleProgress.isInteractive();
        List<TlcChecks.Outcome> outcomes = new ArrayList<>();
        for (SpecManifest.Entry e : selected) {
            String label = "[" + e.spec() + " " + e.configName() + "]";
            ConsoleProgress progress = new ConsoleProgress(err, interactive, label, Duration.ofSeconds(10));
            if (!interactive) err.println(label + " checking " + show(root, e.configFile()));
            TlcChecks.Outcome o;
            try {
                o = TlcChecks.check(e, settings, progress);
            } finally {
                progress.done();
            }
            outcomes.add(o);
            err.println(label + " " + oneLine(o));
            report(o, root, out, err);
            out.flush();
            err.flush();
        }
        out.println();
        out.print(summary(outcomes));
        List<TlcChecks.Outcome> bugs = outcomes.stream().filter(o -> o.entry().kind() == SpecManifest.Kind.BUG).toList();
        if (!bugs.isEmpty()) {
            out.println();
            out.print(mutantTable(bugs));
        }
        int code = exitCode(outcomes, out);
        out.flush();
        return code;
    }

    private SpecManifest loadManifest(Path root) throws IOException {
        try {
            if (manifest != null) {
                if (!Files.isRegularFile(manifest)) throw new UserError("no such manifest: " + manifest);
                return SpecManifest.read(manifest);
            }
            Path def = root.resolve("spec").resolve("MANIFEST.tsv");
            if (Files.isRegularFile(def)) return SpecManifest.read(def);
            Path dir = root.resolve("spec");
            if (Files.isDirectory(dir)) {
                SpecManifest d = SpecManifest.discover(dir);
                if (!d.entries().isEmpty()) return d;
            }
            throw new UserError("no spec/MANIFEST.tsv and no spec/X.ci.cfg files under " + root);
        } catch (SpecManifest.ManifestException ex) {
            throw new UserError(ex.getMessage());
        }
    }

    private List<SpecManifest.Entry> select(SpecManifest m) {
        Set<String> known = new LinkedHashSet<>();
        m.entries().forEach(e -> known.add(e.spec()));
        for (String s : specs) {
            String name = s.replaceFirst("\\.tla$", "").replaceFirst("^.*/", "");
            if (!known.contains(name)) {
                throw new UserError("unknown spec '" + s + "' (known: " + String.join(", ", known) + ")");
            }
        }
        Set<String> wanted = new LinkedHashSet<>();
        specs.forEach(s -> wanted.add(s.replaceFirst("\\.tla$", "").replaceFirst("^.*/", "")));
        EnumSet<SpecManifest.Kind> kinds = deep ? EnumSet.of(SpecManifest.Kind.DEEP)
                : EnumSet.of(SpecManifest.Kind.CI, SpecManifest.Kind.LIVENESS);
        if (mutants) kinds.add(SpecManifest.Kind.BUG);
        List<SpecManifest.Entry> out = m.entries().stream()
                .filter(e -> wanted.isEmpty() || wanted.contains(e.spec()))
                .filter(e -> kinds.contains(e.kind()))
                .toList();
        if (out.isEmpty()) {
            throw new UserError("nothing to check: no " + kinds.toString().toLowerCase(java.util.Locale.ROOT)
                    + " configs" + (wanted.isEmpty() ? "" : " for " + String.join(", ", wanted)));
        }
        return out;
    }

    private static void report(TlcChecks.Outcome o, Path root, PrintWriter out, PrintWriter err) {
        String label = o.entry().spec() + " " + o.entry().configName();
        TlcResult r = o.result();
        switch (o.verdict()) {
            case ERROR -> {
                err.println(label + ": error in the spec or config:");
                r.errors().forEach(x -> err.println("  " + x.format(root)));
                err.println("  (TLC output: " + show(root, r.workDir().resolve("tlc.out")) + ")");
            }
            case FAIL -> {
                out.println(label + ": " + o.detail());
                boolean unexpected = !o.entry().expectsViolation() && r.status() == TlcResult.Status.VIOLATION;
                if (unexpected && o.trace() != null) {
                    out.println("Counterexample (" + o.trace().length() + " steps):");
                    out.print(Counterexamples.stepTable(o.trace()));
                }
                if (o.traceFile() != null) out.println("Trace written to " + show(root, o.traceFile()));
            }
            case TIMEOUT -> out.println(label + ": time limit reached after " + ConsoleProgress.clock(r.elapsed()));
            case PASS -> {
                if (o.traceFile() != null && !o.entry().expectsViolation()) {
                    out.println("Trace written to " + show(root, o.traceFile()));
                }
            }
        }
    }

    private static String oneLine(TlcChecks.Outcome o) {
        TlcResult r = o.result();
        String what = switch (o.verdict()) {
            case PASS -> o.entry().expectsViolation() ? "caught: " + o.detail() : "ok";
            case FAIL -> "FAIL: " + o.detail();
            case ERROR -> "ERROR";
            case TIMEOUT -> "time limit reached";
        };
        return String.format("%s (%,d distinct states, depth %d, %s)", what, r.distinctStates(), r.depth(),
                ConsoleProgress.clock(r.elapsed()));
    }

    /** A path relative to the project root when it lies under it, else absolute. */
    static String show(Path root, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }

    static String summary(List<TlcChecks.Outcome> outcomes) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"spec", "config", "result", "distinct states", "depth", "time"});
        for (TlcChecks.Outcome o : outcomes) {
            TlcResult r = o.result();
            String result = switch (o.verdict()) {
                case PASS -> o.entry().expectsViolation() ? "caught: " + o.detail() : "ok";
                case FAIL -> "FAIL: " + o.detail();
                case ERROR -> "ERROR: " + o.detail();
                case TIMEOUT -> "TIME LIMIT";
            };
            rows.add(new String[] {o.entry().spec(), o.entry().configName(), result,
                    String.format("%,d", r.distinctStates()), Integer.toString(r.depth()),
                    ConsoleProgress.clock(r.elapsed())});
        }
        return Tables.render(rows, true);
    }

    static String mutantTable(List<TlcChecks.Outcome> bugs) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"switch", "spec", "expected", "violated", "counterexample", "status"});
        for (TlcChecks.Outcome o : bugs) {
            TlcResult r = o.result();
            String violated = r.violation() == null ? "-"
                    : r.violation().property() == null ? "(" + r.violation().kind().lower() + ")" : r.violation().property();
            String len = r.counterexample().isEmpty() ? "-" : (r.counterexample().size() - 1) + " steps";
            String status = switch (o.verdict()) {
                case PASS -> "caught";
                case FAIL -> "NOT CAUGHT";
                case ERROR -> "ERROR";
                case TIMEOUT -> "TIME LIMIT";
            };
            String sw = o.entry().bug() == null ? o.entry().configName() : o.entry().bug();
            rows.add(new String[] {sw, o.entry().spec(), o.entry().expectedProperty(), violated, len, status});
        }
        return Tables.render(rows, false);
    }

    static int exitCode(List<TlcChecks.Outcome> outcomes, PrintWriter out) {
        long errors = outcomes.stream().filter(o -> o.verdict() == TlcChecks.Verdict.ERROR).count();
        long fails = outcomes.stream().filter(o -> o.verdict() == TlcChecks.Verdict.FAIL).count();
        long timeouts = outcomes.stream().filter(o -> o.verdict() == TlcChecks.Verdict.TIMEOUT).count();
        out.println();
        if (errors > 0) {
            out.println(errors + " run(s) failed with an error in a spec or config.");
            return 2;
        }
        if (fails > 0) {
            out.println(fails + " run(s) failed: a property was violated unexpectedly or a switch was not caught.");
            return 1;
        }
        if (timeouts > 0) {
            out.println(timeouts + " run(s) reached the time limit; undecided.");
            return 3;
        }
        out.println("All " + outcomes.size() + " run(s) as expected.");
        return 0;
    }
}
