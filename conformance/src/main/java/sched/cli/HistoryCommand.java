package sched.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sched.history.History;
import sched.history.HistoryException;
import sched.history.HistoryReader;
import sched.history.Operation;
import sched.history.Pairing;
import sched.history.bench.FifoBench;
import sched.history.check.Checker;
import sched.history.check.FailureReport;
import sched.history.corpus.CorpusRunner;
import sched.history.corpus.Manifest;
import sched.history.edn.EdnException;
import sched.history.edn.EdnReader;
import sched.history.knossos.KnossosEngine;
import sched.history.model.Model;
import sched.history.model.ModelException;
import sched.history.model.Models;

/**
 * {@code ./sched history ...}: check Knossos/Porcupine histories for linearizability (see docs/HISTORIES.md).
 * Exit codes: 0 linearizable (or all corpus verdicts agree), 1 not linearizable (or a disagreement), 2 bad input,
 * 3 unknown (time limit).
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Record and check linearizability histories (Knossos EDN, Porcupine logs).",
        subcommands = {HistoryCommand.Check.class, HistoryCommand.Corpus.class, HistoryCommand.Record.class,
                HistoryCommand.Bench.class})
public final class HistoryCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Input problems become one-line user errors (exit 2). */
    static RuntimeException userError(RuntimeException e) {
        if (e instanceof EdnException || e instanceof HistoryException || e instanceof ModelException) {
            return new UserError(e.getMessage(), 2);
        }
        return e;
    }

    static UserError ioError(Path file, IOException e) {
        if (e instanceof NoSuchFileException) return new UserError(file + ": no such file", 2);
        return new UserError(file + ": cannot read: " + e.getMessage(), 2);
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check one history for linearizability against a model.",
                    "Prints 'linearizable', 'not linearizable' or 'unknown' with the operation count and time;"
                            + " exits 0, 1 or 3 (2 on bad input)."})
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The history file.")
        Path file;

        @Option(names = "--model", required = true, paramLabel = "M",
                description = "register, cas-register, etcd-register, multi-register, mutex, fifo-queue, unordered-queue,"
                        + " set, kv, kv-whole-map, runq, chan; or a MANIFEST model column such as 'cas-register init=0'.")
        String model;

        @Option(names = "--init", paramLabel = "V", description = "Initial state as EDN (overrides init= in --model).")
        String init;

        @Option(names = "--format", defaultValue = "auto", paramLabel = "F",
                description = "knossos-edn, porcupine-jepsen-log, porcupine-kv-log or auto (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--time-limit", defaultValue = "60", paramLabel = "S",
                description = "Give up with 'unknown' (exit 3) after S seconds; 0 = no limit (default: ${DEFAULT-VALUE}).")
        double timeLimit;

        @Option(names = "--window-out", paramLabel = "FILE",
                description = "On 'not linearizable', write the failing window as EDN to FILE.")
        Path windowOut;

        @Option(names = "--no-partition", description = "Check the history whole even when the model splits it by key.")
        boolean noPartition;

        @Option(names = "--engine", defaultValue = "sched", paramLabel = "E",
                description = "sched (our checker) or knossos (also run Knossos through Clojure interop; needs the"
                        + " 'knossos' Maven profile, see docs/HISTORIES.md) (default: ${DEFAULT-VALUE}).")
        String engine;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (!engine.equals("sched") && !engine.equals("knossos")) throw new UserError("--engine must be sched or knossos, not '" + engine + "'");
            if (timeLimit < 0) throw new UserError("--time-limit must be >= 0");
            try {
                Models.Spec ms = Models.parse(model);
                if (init != null) {
                    try {
                        ms = new Models.Spec(ms.name(), true, EdnReader.readOne("--init", init));
                    } catch (EdnException e) {
                        throw new UserError("bad --init '" + init + "': " + e.problem());
                    }
                }
                Model m = ms.create();
                HistoryReader.Format f;
                try {
                    f = HistoryReader.Format.of(format);
                } catch (IllegalArgumentException e) {
                    throw new UserError(e.getMessage());
                }
                History h;
                try {
                    h = HistoryReader.read(file, f);
                } catch (IOException e) {
                    throw ioError(file, e);
                }
                List<Operation> ops = Pairing.pair(h);
                Checker.Result r = Checker.check(m, ops, timeLimit, !noPartition);
                out.printf("%s%n", r.verdict().text());
                out.printf("%d operations (%d records%s) checked against %s in %d ms%n", r.operations(), h.size(),
                        r.parts() > 1 ? ", " + r.parts() + " independent parts" : "", m.describe(), r.millis());
                if (r.verdict() == Checker.Verdict.UNKNOWN) out.printf("undecided: %s%n", r.reason());
                if (r.failure() != null) {
                    FailureReport report = FailureReport.of(r.failure(), 24, Math.max(1, timeLimit / 4));
                    out.println();
                    out.print(report.text());
                    if (windowOut != null) {
                        try {
                            Files.writeString(windowOut, report.edn(file.toString()), StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new UserError(windowOut + ": cannot write: " + e.getMessage());
                        }
                        out.printf("%nfailing window written to %s%n", windowOut);
                    }
                }
                if (engine.equals("knossos")) {
                    String theirs;
                    try {
                        theirs = KnossosEngine.check(file, ms.name(), ms.hasInit(), ms.init());
                    } catch (KnossosEngine.Unavailable e) {
                        throw new UserError(e.getMessage());
                    } catch (IOException e) {
                        throw ioError(file, e);
                    }
                    out.printf("sched: %s; knossos: %s%n", r.verdict().text(), theirs);
                }
                out.flush();
                return switch (r.verdict()) {
                    case LINEARIZABLE -> 0;
                    case NOT_LINEARIZABLE -> 1;
                    case UNKNOWN -> 3;
                };
            } catch (RuntimeException e) {
                throw userError(e);
            }
        }
    }

    @Command(name = "corpus", mixinStandardHelpOptions = true,
            description = {"Check every history listed in DIR/MANIFEST.tsv against its model and expected verdict.",
                    "Prints one row per file and 'N/M verdicts agree'; exits 1 on any disagreement."})
    static final class Corpus implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "Corpus directory (with MANIFEST.tsv).")
        Path dir;

        @Option(names = "--time-limit", defaultValue = "60", paramLabel = "S",
                description = "Per-file time limit in seconds (default: ${DEFAULT-VALUE}).")
        double timeLimit;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Manifest manifest;
            try {
                manifest = Manifest.read(dir);
            } catch (IOException e) {
                throw ioError(dir.resolve("MANIFEST.tsv"), e);
            } catch (RuntimeException e) {
                throw userError(e);
            }
            int width = 20;
            for (Manifest.Row row : manifest.rows()) width = Math.max(width, row.path().length());
            String fmt = "%-" + width + "s  %-16s  %-16s  %7s%n";
            out.printf(fmt, "path", "verdict", "expected", "ms");
            long start = System.nanoTime();
            List<CorpusRunner.Outcome> outcomes = CorpusRunner.run(manifest, timeLimit, o -> {
                out.printf(fmt, o.row().path(), o.verdictText() + (o.agrees() ? "" : " !"), o.row().expected(), o.millis());
                if (o.error() != null) out.printf("    error: %s%n", o.error());
                else if (!o.agrees() && o.result().reason() != null) out.printf("    %s%n", o.result().reason());
                out.flush();
            });
            long total = (System.nanoTime() - start) / 1_000_000;
            int agree = 0;
            for (CorpusRunner.Outcome o : outcomes) if (o.agrees()) agree++;
            List<CorpusRunner.Outcome> slow = new ArrayList<>(outcomes);
            slow.sort(Comparator.comparingLong(CorpusRunner.Outcome::millis).reversed());
            out.printf("%d/%d verdicts agree (%d ms in all%s)%n", agree, outcomes.size(), total,
                    slow.isEmpty() ? "" : "; slowest " + slow.get(0).row().path() + " " + slow.get(0).millis() + " ms");
            out.flush();
            return agree == outcomes.size() ? 0 : 1;
        }
    }

    @Command(name = "record", mixinStandardHelpOptions = true,
            description = {"Run a workload on real threads and record its history as Knossos EDN.",
                    "queue-torture: one P's run queue, its owner putting and getting, thieves stealing (model runq);"
                            + " chan-torture: goroutines sending and receiving on a buffered channel (model chan).",
                    "Recorded by the runtime's own hooks (-Dsched.record): runq: every P's local run queue while the"
                            + " skynet example runs, one history keyed by P (model runq-per-p, processes = Ms); globrunq: the global run queue of a running"
                            + " scheduler, goroutines yielding beside the skynet example (model globrunq, processes = Ms);"
                            + " chan: one buffered channel under send, recv, select with and without default, trySend,"
                            + " tryRecv, close (model chan); primes: the generator's channel of the prime sieve example,"
                            + " the first ops/100 primes (model chan init=0).",
                    "Recording is on unless the JVM runs with -Dsched.history.record=false (or -Dsched.record=false for"
                            + " runq, globrunq, chan, primes): then the workload runs with its recording sites compiled away,"
                            + " and nothing is written."})
    static final class Record implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "WORKLOAD", description = "queue-torture, chan-torture, runq, globrunq, chan or primes.")
        String workload;

        @Option(names = "--ops", defaultValue = "10000", description = "Operations of the owner / producers (default: ${DEFAULT-VALUE}).")
        int ops;

        @Option(names = "--threads", defaultValue = "3", description = "Thieves (queue-torture), producer/consumer pairs (chan-torture, chan) or GOMAXPROCS (runq, globrunq) (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--steal-runnext", description = "queue-torture: thieves may take runnext (exposes the runnext race, see docs/HISTORIES.md).")
        boolean stealRunnext;

        @Option(names = "--strict-put-next", description = "runq: write each runqput(next) as one :put-next (the plain specification) instead of"
                + " the recorded :swap-next then :put; a run that hit the runnext steal window then checks not linearizable.")
        boolean strictPutNext;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the history here (default: print a summary only).")
        Path out;

        @Option(names = "--check", description = "Also check the recorded history (exit 0/1/3 as 'history check').")
        boolean check;

        @Override public Integer call() {
            // The recorder's switch is a static final read when its class initializes, which happens below.
            if (System.getProperty("sched.history.record") == null) System.setProperty("sched.history.record", "true");
            // The runtime's switch likewise (HistoryHooks.ENABLED): nothing of the runtime has run yet in this JVM.
            if (System.getProperty("sched.record") == null) System.setProperty("sched.record", "true");
            if (!sched.history.record.Workloads.NAMES.contains(workload)) {
                throw new UserError("unknown workload '" + workload + "' (known: " + String.join(", ", sched.history.record.Workloads.NAMES) + ")");
            }
            if (ops < 1 || threads < 1) throw new UserError("--ops and --threads must be positive");
            if (strictPutNext && !workload.equals("runq")) throw new UserError("--strict-put-next applies to workload runq only");
            PrintWriter o = spec.commandLine().getOut();
            sched.history.record.Workloads.Recording r = sched.history.record.Workloads.run(workload, ops, threads, seed, stealRunnext);
            boolean hooked = sched.history.record.Workloads.HOOKED.contains(workload);
            if (hooked ? !sched.runtime.HistoryHooks.ENABLED : !sched.history.record.HistoryRecorder.ENABLED) {
                o.printf("%s: recording off (%s=false): the workload ran in %d ms, nothing recorded%n",
                        workload, hooked ? "-Dsched.record" : "-Dsched.history.record", r.nanos() / 1_000_000);
                o.flush();
                return 0;
            }
            History h = r.history();
            History recorded = h;
            if (strictPutNext) h = sched.history.record.Workloads.strictPutNext(h);
            o.printf("%s: %d records (%d operations) recorded in %d ms; model %s%n", workload, h.size(), h.size() / 2,
                    r.nanos() / 1_000_000, r.model());
            if (out != null) {
                try {
                    Files.writeString(out, h.toEdn(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UserError(out + ": cannot write: " + e.getMessage());
                }
                o.printf("written to %s (check with: ./sched history check %s --model '%s')%n", out, out, r.model());
            }
            int code = 0;
            if (check && strictPutNext) {
                Checker.Result c = Checker.check(Models.parse(r.model()).create(), Pairing.pair(recorded), 60, true);
                o.printf("as recorded (:swap-next then :put): %s (%d operations checked in %d ms); with one :put-next each:%n",
                        c.verdict().text(), c.operations(), c.millis());
            }
            if (check) {
                Checker.Result c = Checker.check(Models.parse(r.model()).create(), Pairing.pair(h), 60, true);
                o.printf("%s (%d operations checked in %d ms)%n", c.verdict().text(), c.operations(), c.millis());
                if (c.failure() != null) o.print(FailureReport.of(c.failure(), 24, 15).text());
                code = switch (c.verdict()) {
                    case LINEARIZABLE -> 0;
                    case NOT_LINEARIZABLE -> 1;
                    case UNKNOWN -> 3;
                };
            }
            o.flush();
            return code;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Time the checker on a generated FIFO-queue history (goal: 100,000 operations from 4 processes in under 10 s).")
    static final class Bench implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Option(names = "--ops", defaultValue = "100000", description = "Operations (each two records) (default: ${DEFAULT-VALUE}).")
        int ops;

        @Option(names = "--processes", defaultValue = "4", description = "Processes (default: ${DEFAULT-VALUE}).")
        int processes;

        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--recording-overhead", description = "Instead: time the run-queue owner loop with and without its"
                + " recording sites (run once with -Dsched.history.record=false to see the cost of recording off).")
        boolean recordingOverhead;

        @Override public Integer call() {
            if (ops < 1 || processes < 1) throw new UserError("--ops and --processes must be positive");
            if (recordingOverhead) {
                if (System.getProperty("sched.history.record") == null) System.setProperty("sched.history.record", "false");
                long[] t = sched.history.record.Workloads.siteCost(ops, 5);
                spec.commandLine().getOut().printf("run-queue owner loop, %d operations: plain %.2f ms, with recording sites (%s) %.2f ms (%+.1f%%)%n",
                        ops, t[0] / 1e6, sched.history.record.HistoryRecorder.ENABLED ? "recording on" : "recording off",
                        t[1] / 1e6, 100.0 * (t[1] - t[0]) / t[0]);
                spec.commandLine().getOut().flush();
                return 0;
            }
            FifoBench.Run r = FifoBench.run(ops, processes, seed, 60);
            spec.commandLine().getOut().println(r.line());
            spec.commandLine().getOut().flush();
            return r.result().verdict() == Checker.Verdict.LINEARIZABLE ? 0 : 1;
        }
    }
}
