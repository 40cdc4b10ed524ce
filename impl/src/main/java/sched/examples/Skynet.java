package sched.examples;

import sched.runtime.Chan;
import sched.runtime.Go;

/**
 * skynet: a tree of goroutines, fan-out 10, whose leaves send their number and whose inner nodes sum their
 * children's results over channels. For {@code size} leaves (a power of 10) the sum is size*(size-1)/2.
 */
public final class Skynet {
    private Skynet() {}

    /** Run inside a goroutine; returns the sum. */
    public static long run(long size) { return run(size, 10); }

    /** Run inside a goroutine with fan-out {@code div} ({@code size} a power of it); returns the sum. */
    public static long run(long size, int div) {
        Chan<Long> c = new Chan<>(1);
        Go.go(() -> skynet(c, 0, size, div));
        return c.recv();
    }

    static void skynet(Chan<Long> c, long num, long size, int div) {
        if (size == 1) {
            c.send(num);
            return;
        }
        Chan<Long> rc = new Chan<>(div);
        long sub = size / div;
        for (int i = 0; i < div; i++) {
            long subNum = num + i * sub;
            Go.go(() -> skynet(rc, subNum, sub, div));
        }
        long sum = 0;
        for (int i = 0; i < div; i++) sum += rc.recv();
        c.send(sum);
    }
}
