package sched.props;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Shrinks a failing choice list: repeatedly tries smaller lists (fewer choices first, then smaller values, in
 * shortlex order) and keeps any that still fails, until no edit helps or the budget of attempts is spent.
 * Edits, as Hypothesis does: delete a span of 8, 4, 2 or 1 choices; set a choice to 0; halve it; decrement it;
 * and zero a span of 4 or 2. Every candidate is a complete case (a short list ends in zeros, see {@link Choices}).
 */
public final class Shrinker {
    private final Predicate<int[]> fails;
    private final int budget;
    private int attempts;

    /** @param fails runs the case with these choices; true when it fails the same way */
    public Shrinker(Predicate<int[]> fails, int budget) {
        this.fails = fails;
        this.budget = budget;
    }

    public int attempts() { return attempts; }

    public int[] shrink(int[] failing) {
        int[] best = trimZeros(failing);
        boolean progress = true;
        while (progress && attempts < budget) {
            progress = false;
            for (int k : new int[] {8, 4, 2, 1}) {
                for (int i = 0; i + k <= best.length && attempts < budget; ) {
                    int[] c = new int[best.length - k];
                    System.arraycopy(best, 0, c, 0, i);
                    System.arraycopy(best, i + k, c, i, best.length - i - k);
                    if (tryIt(c)) {
                        best = trimZeros(c);
                        progress = true;
                    } else {
                        i++;
                    }
                }
            }
            for (int k : new int[] {4, 2}) {
                for (int i = 0; i + k <= best.length && attempts < budget; i++) {
                    boolean allZero = true;
                    for (int j = i; j < i + k; j++) allZero &= best[j] == 0;
                    if (allZero) continue;
                    int[] c = best.clone();
                    Arrays.fill(c, i, i + k, 0);
                    if (tryIt(c)) {
                        best = trimZeros(c);
                        progress = true;
                    }
                }
            }
            for (int i = 0; i < best.length && attempts < budget; i++) {
                for (int v : new int[] {0, best[i] / 2, best[i] - 1}) {
                    if (i >= best.length || v < 0 || v >= best[i]) continue;
                    int[] c = best.clone();
                    c[i] = v;
                    if (tryIt(c)) {
                        best = trimZeros(c);
                        progress = true;
                        break;
                    }
                }
            }
        }
        return best;
    }

    private boolean tryIt(int[] c) {
        attempts++;
        return fails.test(c);
    }

    /** Trailing zeros change nothing (a used-up prefix draws zeros): drop them. */
    static int[] trimZeros(int[] c) {
        int n = c.length;
        while (n > 0 && c[n - 1] == 0) n--;
        return Arrays.copyOf(c, n);
    }
}
