package sched.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sched.audit.Audit;
import sched.audit.Report;
import sched.tlc.ConsoleProgress;
import sched.tlc.TlcRunner;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Run every check every way and write audit/report.html and audit/report.md.",
                "Phases: TLC on every spec's ci config and every bug switch; the trace corpus regenerates; replay of"
                        + " the corpus against the Java; random interleavings; Java traces validated by TLC;"
                        + " linearizability of recorded histories; a stress run under the lost-wakeup watchdog;"
                        + " PIT's mutation score (last recorded).",
                "Exit status: 0 when every phase passed (or was skipped), 1 when any failed (named on stderr)."})
public final class AuditCommand implements Callable<Integer> {
    @Option(names = "--deep", description = "deep TLC configs and longer explorations")
    boolean deep;

    @Option(names = "--seed", description = "seed for random explorations (default ${DEFAULT-VALUE})", defaultValue = "20261127")
    long seed;

    @Option(names = {"-o", "--out"}, description = "output folder (default: audit/)")
    Path out;

    @Override public Integer call() throws Exception {
        if (!sched.runtime.Probes.ENABLED) {
            throw new UserError("the audit needs the scheduler's probes: run it as ./sched audit (or add -Dsched.probes=true)");
        }
        Path root = TlcRunner.projectRoot();
        Path dir = out != null ? out : root.resolve("audit");
        PrintWriter pw = new PrintWriter(System.out, true);
        Report r = new Audit(Audit.defaultPhases()).run(root, dir, deep, seed, pw, ConsoleProgress.isInteractive());
        pw.println();
        pw.println("report: " + dir.resolve("report.html") + " (and report.md)");
        if (r.failed()) {
            System.err.println("sched audit: FAILED: " + r.phases.stream().filter(p -> p.status() == Report.Status.FAIL)
                    .map(Report.Phase::name).collect(Collectors.joining(", ")));
            return 1;
        }
        return 0;
    }
}
