package sched.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sched.tlc.SpecManifest;
import sched.tlc.TlcRunner;
import sched.traces.CorpusVerifier;
import sched.traces.TraceGenerator;
import sched.traces.TraceValidator;

/** {@code ./sched traces}: generate, verify and validate traces. See docs/TRACES-CORPUS.md. */
@Command(name = "traces", mixinStandardHelpOptions = true,
        description = {
                "Generate behaviours of the specs with TLC into traces/ (the committed corpus), check that the corpus "
                        + "regenerates, or check that given traces are behaviours of their spec.",
                "",
                "  ./sched traces [--spec S]... [--count N] [--depth D] [--seed X] [--out DIR]",
                "      for each ci config of spec/MANIFEST.tsv: N seeded random walks, N/10 coverage walks, one "
                        + "aimed walk per action not yet taken, and every bug config's counterexample; "
                        + "writes DIR/<Spec>/ and DIR/MANIFEST.json",
                "  ./sched traces --verify [--sample N] [--bugs]",
                "      regenerate the corpus (or the first N traces of each file) from the manifest's seeds "
                        + "and compare it with the committed files",
                "  ./sched traces --summary",
                "      the manifest's counts and per-action coverage as Markdown tables",
                "  ./sched traces --validate FILE|DIR...",
                "      ask TLC whether each trace is a behaviour of its spec (property 4: traces recorded from the Java)",
                "",
                "Exit status: 0 done (every action covered, every bug caught; every trace valid; the corpus "
                        + "regenerates identically); 1 an action uncovered or a bug not caught, a trace that is not a "
                        + "behaviour, or a corpus that differs; 2 usage error or bad input (file:line: message).",
                ""},
        sortOptions = false)
public final class TracesCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--spec", paramLabel = "S", split = ",",
            description = "Only these specs (module names; repeat or separate with commas). Default: every spec of the manifest.")
    List<String> specs = new ArrayList<>();

    @Option(names = "--count", paramLabel = "N", defaultValue = "" + TraceGenerator.DEFAULT_COUNT,
            description = "Random walks per ci config. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--coverage-count", paramLabel = "N",
            description = "Coverage walks per ci config (prefer actions the walk has not taken). Default: count/10.")
    Integer coverageCount;

    @Option(names = "--depth", paramLabel = "D", defaultValue = "" + TraceGenerator.DEFAULT_DEPTH,
            description = "Steps per walk at most (a walk also ends in a state without successors). Default: ${DEFAULT-VALUE}.")
    int depth;

    @Option(names = "--seed", paramLabel = "X", defaultValue = "" + TraceGenerator.DEFAULT_SEED,
            description = "Base seed; each walk's own seed is derived from it and stored in its header. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "The corpus directory (default: traces/).")
    Path outDir;

    @Option(names = "--no-bugs", description = "Do not run the bug configs (no counterexample traces).")
    boolean noBugs;

    @Option(names = "--verify", description = "Regenerate the corpus from its manifest and compare it with the files.")
    boolean verify;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "0",
            description = "With --verify: only the first N traces of each walk file (0: all). Default: ${DEFAULT-VALUE}.")
    int sample;

    @Option(names = "--bugs", description = "With --verify: also re-run TLC on the bug configs and compare their counterexamples.")
    boolean verifyBugs;

    @Option(names = "--summary", description = "Print the corpus manifest's counts and per-action coverage as Markdown tables.")
    boolean summary;

    @Option(names = "--validate", description = "Check that the given traces (files, bundles, directories) are behaviours of their spec.")
    boolean validate;

    @Option(names = "--spec-dir", paramLabel = "DIR", description = "Where the specs are (default: spec/).")
    Path specDir;

    @Option(names = "--manifest", paramLabel = "FILE", description = "The spec manifest (default: <spec-dir>/MANIFEST.tsv).")
    Path manifest;

    @Option(names = "--heap", paramLabel = "SIZE", description = "Maximum heap of each child JVM, e.g. 2g (default: the JVM's default).")
    String heap;

    @Option(names = "--max-states", paramLabel = "N", defaultValue = "" + TraceGenerator.DEFAULT_MAX_STATES,
            description = "Breadth-first search budget of an aimed walk, in states. Default: ${DEFAULT-VALUE}.")
    int maxStates;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where the child JVMs work (default: target/traces-work).")
    Path workDir;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "With --validate: the trace files or directories.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path root = TlcRunner.projectRoot();
        Path sdir = (specDir != null ? specDir : root.resolve("spec")).toAbsolutePath().normalize();
        Path mfile = manifest != null ? manifest.toAbsolutePath().normalize() : sdir.resolve("MANIFEST.tsv");
        Path odir = (outDir != null ? outDir : root.resolve("traces")).toAbsolutePath().normalize();
        Path work = (workDir != null ? workDir : root.resolve("target").resolve("traces-work")).toAbsolutePath().normalize();
        if ((validate ? 1 : 0) + (verify ? 1 : 0) + (summary ? 1 : 0) > 1) {
            throw new UserError("--validate, --verify and --summary do not go together");
        }
        if (!validate && !files.isEmpty()) {
            throw new UserError("unexpected argument " + files.getFirst() + " (trace files are for --validate)");
        }
        try {
            return run(out, err, root, sdir, mfile, odir, work);
        } catch (sched.traces.SpecChild.ChildFailure e) {
            throw new UserError(e.getMessage());
        }
    }

    private int run(PrintWriter out, PrintWriter err, Path root, Path sdir, Path mfile, Path odir, Path work)
            throws IOException, InterruptedException {
        if (validate) return validate(out, sdir, work);
        if (summary) {
            Path mf = odir.resolve(sched.traces.CorpusManifest.FILE);
            if (!Files.isRegularFile(mf)) throw new UserError("no corpus manifest " + mf);
            out.print(sched.traces.CorpusSummary.markdown(sched.traces.CorpusManifest.read(mf)));
            out.flush();
            return 0;
        }
        if (!Files.isDirectory(sdir)) throw new UserError("no spec directory " + sdir);
        if (manifest != null && !Files.isRegularFile(mfile)) throw new UserError("no manifest " + mfile);
        PrintStream log = new PrintStream(new WriterOutputStream(err), true, StandardCharsets.UTF_8);
        try {
            if (verify) return verify(out, odir, sdir, mfile, work, log);
            return generate(out, root, sdir, mfile, odir, work, log);
        } catch (SpecManifest.ManifestException e) {
            throw new UserError(e.getMessage());
        }
    }

    private int generate(PrintWriter out, Path root, Path sdir, Path mfile, Path odir, Path work, PrintStream log)
            throws IOException, InterruptedException, SpecManifest.ManifestException {
        if (count < 0) throw new UserError("--count must not be negative");
        if (depth < 1) throw new UserError("--depth must be at least 1");
        if (coverageCount != null && coverageCount < 0) throw new UserError("--coverage-count must not be negative");
        if (sample != 0 || verifyBugs) throw new UserError("--sample and --bugs go with --verify");
        int cov = coverageCount != null ? coverageCount : count / 10;
        TraceGenerator.Options o = new TraceGenerator.Options(sdir, mfile, specs, count, cov, depth, seed, odir, !noBugs,
                work, heap, maxStates, commandLine(root, odir), log);
        TraceGenerator.Result r;
        try {
            r = TraceGenerator.generate(o);
        } catch (TraceGenerator.GenerationException e) {
            throw new UserError(e.getMessage());
        }
        out.printf("%d traces, %d steps written to %s (manifest %s)%n", r.traces(), r.steps(), show(root, odir),
                show(root, odir.resolve("MANIFEST.json")));
        for (String p : r.problems()) out.println("incomplete: " + p);
        out.flush();
        return r.problems().isEmpty() ? 0 : 1;
    }

    /** The command that regenerates this corpus, as recorded in the manifest (only the options that differ from the defaults). */
    private String commandLine(Path root, Path odir) {
        StringBuilder sb = new StringBuilder("./sched traces");
        if (!specs.isEmpty()) sb.append(" --spec ").append(String.join(",", specs));
        if (count != TraceGenerator.DEFAULT_COUNT) sb.append(" --count ").append(count);
        if (coverageCount != null && coverageCount != count / 10) sb.append(" --coverage-count ").append(coverageCount);
        if (depth != TraceGenerator.DEFAULT_DEPTH) sb.append(" --depth ").append(depth);
        if (seed != TraceGenerator.DEFAULT_SEED) sb.append(" --seed ").append(seed);
        if (noBugs) sb.append(" --no-bugs");
        if (maxStates != TraceGenerator.DEFAULT_MAX_STATES) sb.append(" --max-states ").append(maxStates);
        if (!odir.equals(root.resolve("traces"))) sb.append(" --out ").append(show(root, odir));
        return sb.toString();
    }

    private int verify(PrintWriter out, Path odir, Path sdir, Path mfile, Path work, PrintStream log)
            throws IOException, InterruptedException, SpecManifest.ManifestException {
        if (sample < 0) throw new UserError("--sample must not be negative");
        if (!Files.isRegularFile(odir.resolve("MANIFEST.json"))) throw new UserError("no corpus manifest " + odir.resolve("MANIFEST.json"));
        CorpusVerifier.Report r = CorpusVerifier.verify(new CorpusVerifier.Options(odir, sdir, mfile, sample,
                verifyBugs, work, heap, log));
        r.mismatches().forEach(out::println);
        out.printf("%d traces regenerated and compared%s: %s%n", r.compared(),
                sample > 0 ? " (the first " + sample + " of each file)" : "",
                r.ok() ? "identical" : r.mismatches().size() + " difference(s)");
        out.flush();
        return r.ok() ? 0 : 1;
    }

    private int validate(PrintWriter out, Path sdir, Path work) throws IOException, InterruptedException {
        if (files.isEmpty()) throw new UserError("--validate needs trace files or directories");
        for (Path f : files) {
            if (!Files.exists(f)) throw new UserError(f + ": no such file");
        }
        List<TraceValidator.Result> rs = TraceValidator.validate(files, new TraceValidator.Options(sdir, work, heap));
        if (rs.isEmpty()) throw new UserError("no trace files in " + files);
        int valid = 0;
        int invalid = 0;
        List<TraceValidator.Result> badInput = new ArrayList<>();
        for (TraceValidator.Result r : rs) {
            switch (r.status()) {
                case VALID -> valid++;
                case NOT_A_BEHAVIOUR -> {
                    invalid++;
                    out.println(r.format());
                }
                case BAD_INPUT -> badInput.add(r);
            }
        }
        if (rs.size() <= 20) rs.stream().filter(r -> r.status() == TraceValidator.Status.VALID).forEach(r -> out.println(r.format()));
        out.printf("%d trace(s): %d valid, %d not a behaviour of the spec, %d unreadable%n", rs.size(), valid, invalid, badInput.size());
        out.flush();
        if (!badInput.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            for (int i = 0; i + 1 < badInput.size(); i++) err.println("sched traces: " + badInput.get(i).format());
            err.flush();
            throw new UserError(badInput.getLast().format());
        }
        return invalid > 0 ? 1 : 0;
    }

    private static String show(Path root, Path p) {
        Path a = p.toAbsolutePath().normalize();
        return a.startsWith(root) ? root.relativize(a).toString() : a.toString();
    }

    /** Lets the generator's progress lines go to picocli's error writer. */
    private static final class WriterOutputStream extends java.io.OutputStream {
        private final PrintWriter w;
        private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();

        WriterOutputStream(PrintWriter w) { this.w = w; }

        @Override public void write(int b) {
            buf.write(b);
            if (b == '\n') flush();
        }

        @Override public void flush() {
            w.print(buf.toString(StandardCharsets.UTF_8));
            w.flush();
            buf.reset();
        }
    }
}
