package sched.runtime;

/**
 * The order in which findRunnable visits the other Ps: from a random start, in steps of a random increment
 * coprime with the number of Ps, so every P is visited exactly once per round and different Ms walk different
 * orders. The random draw comes from the seam, so a driver can choose the order.
 */
public final class StealOrder {
    private volatile int count;
    private volatile int[] coprimes = {1};

    /** Recompute the increments for {@code count} Ps (procresize). */
    public void reset(int count) {
        int[] c = new int[count];
        int n = 0;
        for (int i = 1; i <= count; i++) if (gcd(i, count) == 1) c[n++] = i;
        coprimes = java.util.Arrays.copyOf(c, n);
        this.count = count;
    }

    /** Where a round starts for random draw {@code r} over {@code n} Ps. */
    public int start(int r, int n) { return Integer.remainderUnsigned(r, n); }

    /** The increment of a round for random draw {@code r} over {@code n} Ps. */
    public int inc(int r, int n) {
        int[] c = coprimes;
        if (n != count) throw new SchedulerError("stealOrder: reset for " + count + " Ps, used with " + n);
        return c[Integer.remainderUnsigned(Integer.divideUnsigned(r, n), c.length)];
    }

    /** The draw that makes a round start at {@code pos} with the {@code k}-th increment (for drivers). */
    public int drawFor(int pos, int k, int n) {
        return (k % coprimes.length) * n + pos;
    }

    public int[] coprimes() { return coprimes.clone(); }

    static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
