package sched.props;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The choice sequence of one test case (Hypothesis's idea): every random decision a scenario or an interleaving
 * makes is {@link #draw}n from here, and recorded. A case is replayed exactly by giving its recorded list as the
 * prefix; the shrinker edits that list (deletes spans, lowers values) and replays. Once the prefix is used up,
 * draws are 0 (the simplest choice), so a shortened list is still a complete, deterministic case.
 */
public final class Choices {
    /** Thrown when a case draws more than the limit: it is discarded (an invalid case), not a failure. */
    public static final class Overrun extends RuntimeException {
        Overrun() { super("the case drew more than its limit of choices", null, false, false); }
    }

    private final int[] prefix;
    private final SplittableRandom random;
    private int[] drawn = new int[64];
    private int n;
    private final int limit;

    private Choices(int[] prefix, SplittableRandom random, int limit) {
        this.prefix = prefix;
        this.random = random;
        this.limit = limit;
    }

    /** A fresh random case. */
    public static Choices random(long seed, int limit) {
        return new Choices(new int[0], new SplittableRandom(seed), limit);
    }

    /** The case with exactly these choices (then zeros). */
    public static Choices replay(int[] choices, int limit) {
        return new Choices(choices.clone(), null, limit);
    }

    /** A value in {@code [0, bound)}; {@code bound} must be positive. */
    public int draw(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound " + bound);
        if (n >= limit) throw new Overrun();
        int v;
        if (n < prefix.length) {
            int p = prefix[n];
            v = p < bound ? p : p % bound;
        } else if (random != null) {
            v = random.nextInt(bound);
        } else {
            v = 0;
        }
        if (n == drawn.length) drawn = Arrays.copyOf(drawn, n * 2);
        drawn[n++] = v;
        return v;
    }

    /** {@code true} with probability about {@code percent}%. */
    public boolean chance(int percent) { return draw(100) < percent; }

    /** The choices drawn so far. */
    public int[] recorded() { return Arrays.copyOf(drawn, n); }

    public int count() { return n; }
}
