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
        // Read the files in order and queue one job per trace: the job parses its trace and replays it, so traces
        // are parsed in parallel and no parsed trace is held beyond its replay (holding the parsed corpus, ~1 GB,
        // cost seconds of garbage collection). Files are reported in order, each once all its traces are parsed:
        // a file with a malformed trace is one bad input and none of its traces is reported (as before, when the
        // whole file was parsed first). At most WINDOW traces per job are queued or unreported, files whole.
        java.util.ArrayDeque<FileJob> queued = new java.util.ArrayDeque<>();
        int window = WINDOW * Math.max(1, jobs), inFlight = 0;
        try {
            for (Path f : files) {
                List<ReplayInput.Part> parts;
                try {
                    parts = ReplayInput.split(f);
                } catch (TraceFormatException e) {
                    queued.add(new FileJob(f, List.of(), e.getMessage()));
                    continue;
                } catch (IOException e) {
                    queued.add(new FileJob(f, List.of(), f + ":1: cannot read: " + e.getMessage()));
                    continue;
                }
                List<java.util.concurrent.Future<Result>> results = new ArrayList<>(parts.size());
                for (int i = 0; i < parts.size(); i++) {
                    ReplayInput.Part part = parts.set(i, null); // the job holds it now
                    java.util.concurrent.FutureTask<Result> ft = new java.util.concurrent.FutureTask<>(() -> job(f, part));
                    if (pool == null) ft.run();
                    else pool.execute(ft);
                    results.add(ft);
                }
                queued.add(new FileJob(f, results, null));
                inFlight += results.size();
                while (inFlight > window && queued.size() > 1) {
                    FileJob done = queued.removeFirst();
                    inFlight -= done.results().size();
                    if (!reportFile(sum, done, out, err)) return sum;
                }
            }
            while (!queued.isEmpty()) {
                if (!reportFile(sum, queued.removeFirst(), out, err)) return sum;
            }
        } finally {
            if (pool != null) pool.shutdownNow();
        }
        sum.wallNanos = System.nanoTime() - wall0;
        return sum;
    }

    /** Traces queued per job ahead of the file reported next (bounds memory; enough to keep every job busy). */
    private static final int WINDOW = 64;

    /** A file's traces queued for replay, in order (or a file that could not be read: {@code badInput}). */
    private record FileJob(Path file, List<java.util.concurrent.Future<Result>> results, String badInput) {}

    /**
     * What a job found for one trace: {@code badTrace}, the trace could not be read (the file is bad input);
     * else {@code r} (an outcome, a spec without a driver, or the replay's own bad-input exception), the trace's
     * bug switches and its first line.
     */
    private record Result(String badTrace, Object r, List<String> bugs, int firstLine) {}

    /** Parses one trace and replays it (a job). */
    private Result job(Path f, ReplayInput.Part part) {
        ReplayInput.Located lt;
        try {
            lt = ReplayInput.parse(part, specDir);
        } catch (TraceFormatException e) {
            return new Result(e.getMessage(), null, null, part.firstLine());
        } catch (IOException e) {
            return new Result(f + ":1: cannot read: " + e.getMessage(), null, null, part.firstLine());
        }
        Trace t = lt.trace();
        String spec = t.header().spec();
        List<String> bugs = ReplayDriver.bugs(t);
        if (!ReplayDriver.SPECS.contains(spec) && JavaActions.BY_SPEC.containsKey(spec)) {
            return new Result(null, spec, bugs, lt.firstLine());
        }
        try {
            return new Result(null, ReplayDriver.replay(f, t, lt.firstLine()), bugs, lt.firstLine());
        } catch (TraceFormatException e) {
            return new Result(null, e, bugs, lt.firstLine());
        }
    }

    /** Waits for a file's jobs and reports them in order; false when interrupted. */
    private static boolean reportFile(Summary sum, FileJob j, PrintWriter out, PrintWriter err) {
        if (j.badInput() != null) {
            sum.traces++;
            bad(sum, err, j.badInput());
            return true;
        }
        List<Result> rs = new ArrayList<>(j.results().size());
        for (java.util.concurrent.Future<Result> fr : j.results()) {
            Result r;
            try {
                r = fr.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
            if (r.badTrace() != null) {
                // The first malformed trace makes the file one bad input (the rest of it is not reported).
                sum.traces++;
                bad(sum, err, r.badTrace());
                return true;
            }
            rs.add(r);
        }
        for (Result r : rs) report(sum, j.file(), r, out, err);
        return true;
    }

    private static void report(Summary sum, Path f, Result res, PrintWriter out, PrintWriter err) {
        sum.traces++;
        Object r = res.r();
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
        List<String> bugs = res.bugs();
        if (!bugs.isEmpty()) {
            // A bug switch's behaviour: the correct Java must part from it (docs/REPLAY.md, teeth).
            sum.bugTraces++;
            if (o.ok()) {
                sum.diverged++;
                String msg = "NO TEETH " + f + ":" + res.firstLine() + ": the Java follows every step of this"
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
