package sched.replay;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import sched.trace.Trace;
import sched.trace.TraceFormatException;

/** Replays many traces and sums up: traces, steps, steps per second, per-action coverage, divergences. */
public final class ReplayRunner {
    /** What a run of many traces found. */
    public static final class Summary {
        public int traces, replayed, diverged, bad, bugTraces, bugCaught;
        public long steps, nanos, wallNanos;
        public int jobs = 1;
        public final Map<String, Map<String, Integer>> perSpec = new TreeMap<>();
        public final List<String> problems = new ArrayList<>();
        public final List<ReplayDriver.Outcome> outcomes = new ArrayList<>();
        /** Traces of specs that have no replay driver yet, per spec. */
        public final Map<String, Integer> skipped = new TreeMap<>();

        /** 0 every trace replayed, 1 some diverged, 2 some input was bad (2 wins over 1). */
        public int exitCode() { return bad > 0 ? 2 : diverged > 0 ? 1 : 0; }

        /** Replayed steps per second of wall time (reading the files included). */
        public double stepsPerSecond() { return wallNanos == 0 ? 0 : steps * 1e9 / wallNanos; }
    }

    private final Path specDir;

    /** @param specDir the spec directory traces are checked against (null: no spec checks) */
    public ReplayRunner(Path specDir) {
        this.specDir = specDir;
    }

    public Summary run(List<Path> files, PrintWriter out, PrintWriter err) {
        return run(files, out, err, 1);
    }

    /**
     * Replays every trace of {@code files}, {@code jobs} traces at a time (each replay keeps one thread busy at a
     * time, so one job per core uses the machine); results are reported in file order whatever the jobs.
     */
    public Summary run(List<Path> files, PrintWriter out, PrintWriter err, int jobs) {
        Summary sum = new Summary();
        sum.jobs = jobs;
        java.util.concurrent.ExecutorService pool = jobs > 1
                ? java.util.concurrent.Executors.newFixedThreadPool(jobs, r -> {
                    Thread t = new Thread(r, "sched-replay-job");
                    t.setDaemon(true);
                    return t;
                })
                : null;
        long wall0 = System.nanoTime();
        // Read the files in order, queue their traces, and report in that order as results come. At most WINDOW
        // traces per job are queued or unreported at a time: a reported trace is dropped (holding the whole
        // parsed corpus made the garbage collector copy ~1 GB over and over, a third of the run's time).
        java.util.ArrayDeque<Job> queued = new java.util.ArrayDeque<>();
        int window = WINDOW * Math.max(1, jobs);
        try {
            for (Path f : files) {
                List<ReplayInput.Located> traces;
                try {
                    traces = ReplayInput.readAll(f, specDir);
                } catch (TraceFormatException e) {
                    queued.add(new Job(f, null, null, e.getMessage()));
                    continue;
                } catch (IOException e) {
                    queued.add(new Job(f, null, null, f + ":1: cannot read: " + e.getMessage()));
                    continue;
                }
                for (int i = 0; i < traces.size(); i++) {
                    ReplayInput.Located lt = traces.set(i, null); // the job holds it now, until reported
                    java.util.concurrent.Callable<Object> task = () -> {
                        String spec = lt.trace().header().spec();
                        if (!ReplayDriver.SPECS.contains(spec) && JavaActions.BY_SPEC.containsKey(spec)) return spec;
                        try {
                            return ReplayDriver.replay(f, lt.trace(), lt.firstLine());
                        } catch (TraceFormatException e) {
                            return e;
                        }
                    };
                    java.util.concurrent.FutureTask<Object> ft = new java.util.concurrent.FutureTask<>(task);
                    if (pool == null) ft.run();
                    else pool.execute(ft);
                    queued.add(new Job(f, lt, ft, null));
                    while (queued.size() > window) {
                        if (!reportNext(sum, queued, out, err)) return sum;
                    }
                }
            }
            while (!queued.isEmpty()) {
                if (!reportNext(sum, queued, out, err)) return sum;
            }
        } finally {
            if (pool != null) pool.shutdownNow();
        }
        sum.wallNanos = System.nanoTime() - wall0;
        return sum;
    }

    /** Traces queued per job ahead of the one reported next (bounds memory; enough to keep every job busy). */
    private static final int WINDOW = 64;

    /** A trace queued for replay (or a file that could not be read: {@code badInput}). */
    private record Job(Path file, ReplayInput.Located trace, java.util.concurrent.Future<Object> result,
                       String badInput) {}

    /** Waits for the oldest queued job and reports it; false when interrupted. */
    private static boolean reportNext(Summary sum, java.util.ArrayDeque<Job> queued, PrintWriter out,
                                      PrintWriter err) {
        Job j = queued.removeFirst();
        if (j.badInput() != null) {
            sum.traces++;
            bad(sum, err, j.badInput());
            return true;
        }
        Object r;
        try {
            r = j.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        report(sum, j.file(), j.trace(), r, out, err);
        return true;
    }

    private static void report(Summary sum, Path f, ReplayInput.Located lt, Object r, PrintWriter out, PrintWriter err) {
        sum.traces++;
        Trace t = lt.trace();
        if (r instanceof String spec) {
            // One of the project's specs without a replay driver yet (docs/REPLAY.md): said, not hidden.
            sum.skipped.merge(spec, 1, Integer::sum);
            return;
        }
        if (r instanceof TraceFormatException e) {
            bad(sum, err, e.getMessage());
            return;
        }
        ReplayDriver.Outcome o = (ReplayDriver.Outcome) r;
        sum.outcomes.add(o);
        sum.steps += o.replayed();
        sum.nanos += o.nanos();
        Map<String, Integer> cov = sum.perSpec.computeIfAbsent(o.spec(), k -> new LinkedHashMap<>());
        o.actions().forEach((a, n) -> cov.merge(a, n, Integer::sum));
        List<String> bugs = ReplayDriver.bugs(t);
        if (!bugs.isEmpty()) {
            // A bug switch's behaviour: the correct Java must part from it (docs/REPLAY.md, teeth).
            sum.bugTraces++;
            if (o.ok()) {
                sum.diverged++;
                String msg = "NO TEETH " + f + ":" + lt.firstLine() + ": the Java follows every step of this"
                        + " trace of bug switch " + String.join(", ", bugs) + " (it should part where the bug acts)\n";
                sum.problems.add(msg);
                err.print(msg);
            } else {
                sum.bugCaught++;
                out.print("bug " + String.join(", ", bugs) + ": diverged as expected: "
                        + o.divergence().format(f).lines().findFirst().orElse("") + "\n");
            }
        } else if (o.ok()) {
            sum.replayed++;
        } else {
            sum.diverged++;
            String msg = "DIVERGED " + o.divergence().format(f);
            sum.problems.add(msg);
            err.print(msg);
        }
        err.flush();
        out.flush();
    }

    private static void bad(Summary sum, PrintWriter err, String msg) {
        sum.bad++;
        sum.problems.add(msg);
        err.println("BAD INPUT " + msg);
        err.flush();
    }

    /** The summary lines: counts, speed, and per spec each action with its number of replayed steps. */
    public static void print(Summary s, Map<String, List<String>> specActions, PrintWriter out) {
        out.printf("traces: %d (%d replayed, %d diverged, %d bad input; %d of %d bug-switch traces diverged as they"
                + " should)%n", s.traces, s.replayed, s.diverged, s.bad, s.bugCaught, s.bugTraces);
        s.skipped.forEach((spec, n) -> out.printf("skipped: %d trace(s) of %s (no replay driver for that spec yet;"
                + " docs/REPLAY.md)%n", n, spec));
        out.printf("steps: %d in %.2f s: %.0f steps/s with %d job(s) (goal: 50000 steps/s on 2 cores; not asserted)%n",
                s.steps, s.wallNanos / 1e9, s.stepsPerSecond(), s.jobs);
        for (var e : s.perSpec.entrySet()) {
            Map<String, Integer> cov = new LinkedHashMap<>();
            for (String a : specActions.getOrDefault(e.getKey(), List.of())) cov.put(a, 0);
            e.getValue().forEach((a, n) -> cov.merge(a, n, Integer::sum));
            long covered = cov.values().stream().filter(n -> n > 0).count();
            out.printf("coverage %s: %d of %d actions%n", e.getKey(), covered, cov.size());
            StringBuilder line = new StringBuilder("  ");
            for (var c : cov.entrySet()) {
                String cell = c.getKey() + " " + c.getValue();
                if (line.length() + cell.length() > 110) {
                    out.println(line.toString().stripTrailing());
                    line = new StringBuilder("  ");
                }
                line.append(cell).append("   ");
            }
            if (line.length() > 2) out.println(line.toString().stripTrailing());
        }
        out.flush();
    }
}
