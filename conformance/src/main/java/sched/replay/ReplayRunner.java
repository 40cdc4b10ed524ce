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
        public int traces, replayed, diverged, bad;
        public long steps, nanos;
        public final Map<String, Map<String, Integer>> perSpec = new TreeMap<>();
        public final List<String> problems = new ArrayList<>();
        public final List<ReplayDriver.Outcome> outcomes = new ArrayList<>();

        /** 0 every trace replayed, 1 some diverged, 2 some input was bad (2 wins over 1). */
        public int exitCode() { return bad > 0 ? 2 : diverged > 0 ? 1 : 0; }

        public double stepsPerSecond() { return nanos == 0 ? 0 : steps * 1e9 / nanos; }
    }

    private final Path specDir;

    /** @param specDir the spec directory traces are checked against (null: no spec checks) */
    public ReplayRunner(Path specDir) {
        this.specDir = specDir;
    }

    public Summary run(List<Path> files, PrintWriter out, PrintWriter err) {
        Summary sum = new Summary();
        for (Path f : files) {
            sum.traces++;
            Trace t;
            try {
                t = ReplayInput.read(f, specDir);
                ReplayDriver.Outcome o = ReplayDriver.replay(f, t);
                sum.outcomes.add(o);
                sum.steps += o.replayed();
                sum.nanos += o.nanos();
                Map<String, Integer> cov = sum.perSpec.computeIfAbsent(o.spec(), k -> new LinkedHashMap<>());
                o.actions().forEach((a, n) -> cov.merge(a, n, Integer::sum));
                if (o.ok()) {
                    sum.replayed++;
                } else {
                    sum.diverged++;
                    String msg = "DIVERGED " + o.divergence().format(f);
                    sum.problems.add(msg);
                    err.print(msg);
                    err.flush();
                }
            } catch (TraceFormatException e) {
                sum.bad++;
                sum.problems.add(e.getMessage());
                err.println("BAD INPUT " + e.getMessage());
                err.flush();
            } catch (IOException e) {
                sum.bad++;
                sum.problems.add(f + ":1: cannot read: " + e.getMessage());
                err.println("BAD INPUT " + f + ":1: cannot read: " + e.getMessage());
                err.flush();
            }
        }
        return sum;
    }

    /** The summary lines: counts, speed, and per spec each action with its number of replayed steps. */
    public static void print(Summary s, Map<String, List<String>> specActions, PrintWriter out) {
        out.printf("traces: %d (%d replayed, %d diverged, %d bad input)%n", s.traces, s.replayed, s.diverged, s.bad);
        out.printf("steps: %d in %.2f s: %.0f steps/s (goal: 50000 steps/s on 2 cores; not asserted)%n", s.steps,
                s.nanos / 1e9, s.stepsPerSecond());
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
