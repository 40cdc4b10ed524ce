package sched.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sched.replay.ReplayDriver;
import sched.replay.ReplayInput;
import sched.replay.ReplayRunner;
import sched.replay.SpecActions;
import sched.runtime.Probes;
import sched.tlc.TlcRunner;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay traces against the Java scheduler, step by step, comparing the abstract state after",
                "every step (docs/REPLAY.md). Without TRACE arguments: every trace under traces/."},
        footer = {"", "Exit status: 0 every trace replayed; 1 some trace diverged (the step and a diff are printed);",
                "2 bad input (malformed trace, unknown action, missing or extra variables, another spec version).",
                "", "Examples:", "  ./sched replay", "  ./sched replay traces/Spinning/bug-NoRecheck.ndjson"})
public final class ReplayCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "TRACE", arity = "0..*", description = "trace files or directories (default: traces/)")
    List<Path> traces = new ArrayList<>();

    @Option(names = "--spec-dir", description = "the specs traces are checked against (default: spec/ of the project)")
    Path specDir;

    @Option(names = {"--jobs", "-j"}, description = "traces replayed at a time (default: the number of processors)")
    Integer jobs;

    @Override public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Probes.ENABLED) return relaunch(out, err);
        Path root = TlcRunner.projectRoot();
        Path specs = specDir != null ? specDir : root.resolve("spec");
        if (!Files.isDirectory(specs)) {
            if (specDir != null) throw new UserError("--spec-dir " + specDir + ": no such directory");
            specs = null;
        }
        List<Path> roots = traces;
        if (roots.isEmpty()) {
            Path corpus = root.resolve("traces");
            if (!Files.isDirectory(corpus)) {
                throw new UserError("no traces to replay: " + corpus + " does not exist (give trace files)");
            }
            roots = List.of(corpus);
        }
        for (Path p : roots) if (!Files.exists(p)) throw new UserError(p + ":1: no such trace file or directory");
        List<Path> files = ReplayInput.files(roots);
        if (files.isEmpty()) throw new UserError("no trace files (*.ndjson) under " + roots);
        int j = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        if (j < 1) throw new UserError("--jobs must be at least 1, got " + j);
        ReplayRunner.Summary s = new ReplayRunner(specs).run(files, out, err, j);
        Map<String, List<String>> actions = new LinkedHashMap<>();
        for (String sp : ReplayDriver.SPECS) {
            if (specs != null && Files.isRegularFile(specs.resolve(sp + ".tla"))) {
                actions.put(sp, SpecActions.of(specs.resolve(sp + ".tla")));
            }
        }
        ReplayRunner.print(s, actions, out);
        return s.exitCode();
    }

    /** Replay needs probes, a static final switch: run the command again in a JVM started with them on. */
    private int relaunch(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(TlcRunner.javaExecutable()));
        cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-Dsched.probes=true");
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(spec.commandLine().getParseResult().originalArgs());
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        return p.waitFor();
    }
}
