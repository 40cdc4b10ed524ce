package sched.examples;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import sched.runtime.Go;
import sched.runtime.WaitGroup;

/** {@code n} goroutines each sleep a random 0–10ms; returns how many woke early (must be 0). */
public final class Timers {
    private Timers() {}

    public static long run(int n, long seed) {
        WaitGroup wg = new WaitGroup();
        wg.add(n);
        AtomicLong early = new AtomicLong();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            long d = r.nextLong(0, 10_000_000L);
            Go.go(() -> {
                long t0 = System.nanoTime();
                Go.sleep(Duration.ofNanos(d));
                if (System.nanoTime() - t0 < d) early.incrementAndGet();
                wg.done();
            });
        }
        wg.await();
        return early.get();
    }
}
