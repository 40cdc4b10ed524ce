package sched.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import sched.runtime.Go;
import sched.runtime.WaitGroup;

/** timers: n goroutines, each sleeps a pseudo-random duration and adds it to a total. */
final class Timers {
    private Timers() {}

    /** splitmix64 of (seed, i): the same durations as bench/go (sleepMicros), 1..maxus microseconds. */
    static long sleepMicros(long seed, long i, long maxus) {
        long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return 1 + Long.remainderUnsigned(z, maxus);
    }

    static long expected(Params p) {
        long n = p.get("n"), maxus = p.get("maxus"), seed = p.get("seed");
        long sum = 0;
        for (long i = 0; i < n; i++) sum += sleepMicros(seed, i, maxus);
        return sum;
    }

    static long run(Peer peer, Params p, int procs) throws Exception {
        int n = p.getInt("n");
        long maxus = p.get("maxus"), seed = p.get("seed");
        AtomicLong total = new AtomicLong();
        switch (peer) {
            case GORT -> OnRuntime.run(procs, () -> {
                WaitGroup wg = new WaitGroup();
                wg.add(n);
                for (int i = 0; i < n; i++) {
                    long us = sleepMicros(seed, i, maxus);
                    Go.go(() -> {
                        GoSleep.sleep(Duration.ofNanos(us * 1000));
                        total.addAndGet(us);
                        wg.done();
                    });
                }
                wg.await();
                return 0;
            });
            case VTHREADS -> {
                CountDownLatch latch = new CountDownLatch(n);
                for (int i = 0; i < n; i++) {
                    long us = sleepMicros(seed, i, maxus);
                    Thread.startVirtualThread(() -> {
                        try {
                            Thread.sleep(Duration.ofNanos(us * 1000));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        total.addAndGet(us);
                        latch.countDown();
                    });
                }
                latch.await();
            }
            case JUC -> {
                ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(procs);
                try {
                    CountDownLatch latch = new CountDownLatch(n);
                    for (int i = 0; i < n; i++) {
                        long us = sleepMicros(seed, i, maxus);
                        ex.schedule(() -> {
                            total.addAndGet(us);
                            latch.countDown();
                        }, us, TimeUnit.MICROSECONDS);
                    }
                    latch.await();
                } finally {
                    ex.shutdownNow();
                }
            }
            case FJP, GO -> throw new IllegalArgumentException(peer + " has no timers here");
        }
        return total.get();
    }
}
