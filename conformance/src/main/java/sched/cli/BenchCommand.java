package sched.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sched.bench.Harness;
import sched.bench.Jmh;
import sched.bench.Workload;

/** {@code ./sched bench}: the workloads side by side (sched.bench.Harness), or the JMH micro-benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks against virtual threads, java.util.concurrent, ForkJoinPool and Go.",
                "Each run is a fresh child process; prints a table per workload and writes"
                        + " bench/results/<timestamp>.json, latest.json and latest.svg.",
                "Workloads: skynet, pingpong, spawn, fanout, idle-wakeup, timers (default: all)."})
public final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "WORKLOAD", arity = "0..*", description = "Workloads to run (default: all).")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--quick", description = "Small sizes and 1 run per peer (CI; a minute or two).")
    boolean quick;

    @Option(names = "--runs", paramLabel = "N", description = "Measured runs per peer (default 3; 1 with --quick).")
    Integer runs;

    @Option(names = "--warmup", paramLabel = "N",
            description = "In-process warm-up iterations in each child before the measured one (default 1).")
    Integer warmup;

    @Option(names = "--procs", paramLabel = "LIST", split = ",",
            description = "GOMAXPROCS values for the scaling of skynet and fanout (default 1,2,4.. up to the"
                    + " cores); the other workloads run at the largest.")
    List<Integer> procs;

    @Option(names = "--peers", paramLabel = "LIST", split = ",",
            description = "Peers to run: go-rt, vthreads, juc, fjp, go (default: all).")
    List<String> peers = new ArrayList<>();

    @Option(names = "--no-go", description = "Leave the Go peer out even when go is on the PATH.")
    boolean noGo;

    @Option(names = "--jvm-arg", paramLabel = "FLAG",
            description = "Extra flag for every Java child (repeatable), e.g."
                    + " --jvm-arg=-XX:StartFlightRecording=filename=/tmp/run.jfr")
    List<String> jvmArgs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the results (default bench/results).")
    Path out;

    @Option(names = "--jmh", arity = "0..1", paramLabel = "REGEX", fallbackValue = "",
            description = "Run the JMH micro-benchmarks instead (those matching REGEX; default all);"
                    + " with --quick, shorter iterations.")
    String jmh;

    @Option(names = "--render", paramLabel = "JSON",
            description = "Only re-render latest.md and latest.svg beside a saved results JSON.")
    Path render;

    @Override public Integer call() throws Exception {
        Path root = Path.of(System.getProperty("sched.root", ".")).toAbsolutePath().normalize();
        if (render != null) {
            if (!java.nio.file.Files.isRegularFile(render)) throw new UserError("no such file: " + render);
            Harness.render(render, System.out);
            return 0;
        }
        if (jmh != null) return Jmh.run(jmh, quick, root);
        Harness.Options o = new Harness.Options();
        for (String w : workloads) {
            try {
                Workload.byId(w);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage() + " (workloads: skynet, pingpong, spawn, fanout, idle-wakeup,"
                        + " timers)");
            }
        }
        o.workloads = workloads;
        o.peers = peers;
        o.quick = quick;
        o.runs = runs;
        o.warmup = warmup;
        o.procs = procs;
        o.noGo = noGo;
        o.jvmArgs = jvmArgs;
        o.outDir = out;
        o.root = root;
        StringBuilder cmd = new StringBuilder("./sched bench");
        for (String w : workloads) cmd.append(' ').append(w);
        if (quick) cmd.append(" --quick");
        if (runs != null) cmd.append(" --runs ").append(runs);
        if (warmup != null) cmd.append(" --warmup ").append(warmup);
        if (procs != null) cmd.append(" --procs ").append(String.join(",", procs.stream().map(String::valueOf)
                .toList()));
        if (!peers.isEmpty()) cmd.append(" --peers ").append(String.join(",", peers));
        if (noGo) cmd.append(" --no-go");
        for (String j : jvmArgs) cmd.append(" --jvm-arg=").append(j);
        o.commandLine = cmd.toString();
        try {
            return new Harness(o).run();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
