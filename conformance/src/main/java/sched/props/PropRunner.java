package sched.props;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import sched.trace.Trace;
import sched.trace.TraceWriter;

/**
 * Runs a property over many cases from one seed; on the first failure, shrinks its choice list and writes the
 * shrunk behaviour as a trace file. The report prints the seed, the case, both choice lists and the trace's path:
 * everything needed to replay the failure exactly ({@link #replay}).
 */
public final class PropRunner {
    /** The limit of choices one case may draw. */
    public static final int CHOICE_LIMIT = 20_000;

    /**
     * @param shrunk    the shrunk choices (null when nothing failed)
     * @param traceFile the shrunk behaviour as a trace (null when nothing failed or no directory was given)
     */
    public record Report(String property, long seed, int cases, int failedCase, SpinningExplorer.Failure failure,
                         int[] choices, int[] shrunk, SpinningExplorer.Result shrunkResult, Path traceFile,
                         int shrinkAttempts) {
        public boolean ok() { return failure == null; }

        @Override public String toString() {
            if (ok()) return property + ": " + cases + " cases from seed " + seed + " passed";
            return property + " failed: seed " + seed + ", case " + failedCase + ": " + failure.property() + ": "
                    + failure.message()
                    + "\n  choices (" + choices.length + "): " + Arrays.toString(choices)
                    + "\n  shrunk after " + shrinkAttempts + " attempts (" + shrunk.length + " choices, "
                    + shrunkResult.steps() + " steps; " + shrunkResult.shape() + "): " + Arrays.toString(shrunk)
                    + "\n  shrunk failure: " + shrunkResult.failure().property() + ": " + shrunkResult.failure().message()
                    + (traceFile == null ? "" : "\n  trace: " + traceFile + " (./sched replay " + traceFile + ")")
                    + "\n  replay exactly: PropRunner.replay(new int[] " + Arrays.toString(shrunk).replace('[', '{')
                    .replace(']', '}') + ", options)";
        }
    }

    private PropRunner() {}

    /** The seed of case {@code i} of a run seeded {@code seed}. */
    public static long caseSeed(long seed, int i) {
        return new SplittableRandom(seed).split().nextLong() + 0x9E3779B97F4A7C15L * i;
    }

    public static Report check(String property, long seed, int cases, SpinningExplorer.Options o, int shrinkBudget,
                               Path traceDir) {
        for (int i = 0; i < cases; i++) {
            Choices c = Choices.random(caseSeed(seed, i), CHOICE_LIMIT);
            SpinningExplorer.Result r;
            try {
                r = SpinningExplorer.run(c, o);
            } catch (Choices.Overrun e) {
                continue;
            }
            if (r.failure() == null) continue;
            int[] choices = c.recorded();
            String kind = r.failure().property();
            Shrinker sh = new Shrinker(cand -> {
                SpinningExplorer.Result x = replay(cand, o);
                return x != null && x.failure() != null && x.failure().property().equals(kind);
            }, shrinkBudget);
            int[] shrunk = sh.shrink(choices);
            SpinningExplorer.Result sr = replay(shrunk, o);
            Path file = null;
            if (traceDir != null && sr != null) {
                file = traceDir.resolve("prop-" + property + "-" + kind + "-seed" + seed + ".ndjson");
                try {
                    Trace t = sr.trace();
                    TraceWriter.write(file, new Trace(t.header().withExtra("choices",
                            sched.trace.Json.array(Arrays.stream(shrunk).mapToObj(v -> sched.trace.Json.of(v)).toList()))
                            .withExtra("violation", sched.trace.Json.object().put("property", kind)
                                    .put("kind", "invariant").build()), t.steps()));
                } catch (IOException e) {
                    file = null;
                }
            }
            return new Report(property, seed, cases, i, r.failure(), choices, shrunk, sr, file, sh.attempts());
        }
        return new Report(property, seed, cases, -1, null, null, null, null, null, 0);
    }

    /** Runs the case with exactly these choices (null when it overruns the choice limit). */
    public static SpinningExplorer.Result replay(int[] choices, SpinningExplorer.Options o) {
        try {
            return SpinningExplorer.run(Choices.replay(choices, CHOICE_LIMIT), o);
        } catch (Choices.Overrun e) {
            return null;
        }
    }
}
