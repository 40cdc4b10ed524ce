package sched.history.bench;

import java.util.List;
import sched.history.History;
import sched.history.Operation;
import sched.history.Pairing;
import sched.history.check.Checker;
import sched.history.model.FifoQueueModel;

/**
 * Benchmark: generates a FIFO-queue history (default 100,000 operations, i.e. 200,000 records, from 4
 * processes) and times the linearizability check. Goal: under 10 seconds. Run with
 * {@code ./sched history bench} or {@code java -cp ... sched.history.bench.FifoBench [OPS] [PROCESSES] [SEED]}.
 */
public final class FifoBench {
    private FifoBench() {}

    /** One measured run. */
    public record Run(int operations, int records, int processes, Checker.Result result, long generateMillis) {
        public String line() {
            return String.format("fifo-queue: %d operations (%d records) from %d processes: %s in %d ms"
                            + " (generated in %d ms; memo %d configurations); goal < 10 s: %s",
                    operations, records, processes, result.verdict(), result.millis(), generateMillis, result.memo(),
                    result.millis() < 10_000 ? "met" : "NOT met");
        }
    }

    public static Run run(int operations, int processes, long seed, double timeLimitSeconds) {
        long t0 = System.nanoTime();
        History h = QueueHistories.fifo(operations, processes, seed);
        List<Operation> ops = Pairing.pair(h);
        long gen = (System.nanoTime() - t0) / 1_000_000;
        Checker.Result r = Checker.check(new FifoQueueModel(List.of()), ops, timeLimitSeconds, true);
        return new Run(operations, h.size(), processes, r, gen);
    }

    public static void main(String[] args) {
        int operations = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int processes = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        Run r = run(operations, processes, seed, 60);
        System.out.println(r.line());
    }
}
