package sched.examples;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import sched.runtime.Chan;
import sched.runtime.Config;
import sched.runtime.Go;
import sched.runtime.GoRuntime;
import sched.runtime.SchedulerError;
import sched.runtime.Select;
import sched.runtime.WaitGroup;
import sched.runtime.Watchdog;

/**
 * The stress workload, under the lost-wakeup watchdog: a spawn tree of {@code goroutines} goroutines, then
 * {@code handoffs} channel handoffs between 16 producers and 16 select-ing consumers (who yield at random), then
 * random park/ready of 64 goroutines. A watchdog thread samples the runtime every 10ms; a lost-wakeup state
 * that persists for {@code window} aborts the run with a scheduler dump.
 */
public final class Stress {
    private Stress() {}

    /** What happened: counts, and the watchdog's report (null if it never fired). */
    public record Result(long spawned, long received, long readied, String watchdogReport, long expectedReceived,
                         long expectedReadied, long millis) {
        public boolean ok() {
            return watchdogReport == null && received == expectedReceived && readied == expectedReadied;
        }
    }

    public static Result run(int goroutines, int handoffs, int procs, long seed, Duration window) {
        GoRuntime rt = new GoRuntime(new Config().gomaxprocs(procs));
        AtomicReference<String> report = new AtomicReference<>();
        Watchdog dog = new Watchdog(rt, window);
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                String r = dog.sample(System.nanoTime());
                if (r != null) {
                    report.set(r);
                    rt.abort(new SchedulerError(r));
                    return;
                }
                LockSupport.parkNanos(10_000_000L); // the sampling period (this is a monitor, not a synchronizer)
            }
        }, "watchdog");
        watcher.setDaemon(true);
        watcher.start();
        AtomicLong spawned = new AtomicLong(), received = new AtomicLong(), readied = new AtomicLong();
        int producers = 16, per = handoffs / producers, parkers = 64, rounds = Math.max(1, handoffs / 200);
        long t0 = System.nanoTime();
        try {
            rt.run(() -> {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> spawnTree(goroutines, wg, spawned));
                wg.await();
                Chan<Integer>[] cs = chans(4);
                WaitGroup done = new WaitGroup();
                done.add(2 * producers);
                for (int i = 0; i < producers; i++) {
                    SplittableRandom r = new SplittableRandom(seed + i);
                    Go.go(() -> {
                        for (int k = 0; k < per; k++) cs[r.nextInt(cs.length)].send(k);
                        done.done();
                    });
                }
                Chan<Integer> quit = new Chan<>(0);
                for (int i = 0; i < producers; i++) {
                    SplittableRandom r = new SplittableRandom(seed * 31 + i);
                    Go.go(() -> {
                        Select sel = new Select().recv(cs[0]).recv(cs[1]).recv(cs[2]).recv(cs[3]).recv(quit);
                        while (sel.select() != 4) {
                            received.incrementAndGet();
                            if (r.nextInt(16) == 0) Go.gosched();
                        }
                        done.done();
                    });
                }
                Chan<Integer>[] own = chans(parkers);
                WaitGroup parked = new WaitGroup();
                parked.add(parkers);
                for (int i = 0; i < parkers; i++) {
                    Chan<Integer> mine = own[i];
                    Go.go(() -> {
                        while (mine.recv() != null) readied.incrementAndGet();
                        parked.done();
                    });
                }
                SplittableRandom r = new SplittableRandom(seed);
                for (int k = 0; k < rounds * parkers; k++) own[r.nextInt(parkers)].send(k);
                for (Chan<Integer> c : own) c.close();
                parked.await();
                while (received.get() < (long) per * producers) Go.gosched();
                for (int i = 0; i < producers; i++) quit.send(0);
                done.await();
            });
        } catch (SchedulerError e) {
            if (report.get() == null) throw e;
        } finally {
            watcher.interrupt();
        }
        return new Result(spawned.get(), received.get(), readied.get(), report.get(), (long) per * producers,
                (long) rounds * parkers, (System.nanoTime() - t0) / 1_000_000);
    }

    @SuppressWarnings("unchecked")
    private static Chan<Integer>[] chans(int n) {
        Chan<Integer>[] cs = new Chan[n];
        for (int i = 0; i < n; i++) cs[i] = new Chan<>(0);
        return cs;
    }

    /** Spawn n goroutines as a tree with fan-out 8; each counts itself; wg.done when all are counted. */
    static void spawnTree(int n, WaitGroup wg, AtomicLong count) {
        count.incrementAndGet();
        int rest = n - 1;
        if (rest == 0) {
            wg.done();
            return;
        }
        WaitGroup kids = new WaitGroup();
        int fan = Math.min(8, rest);
        kids.add(fan);
        for (int i = 0; i < fan; i++) {
            int share = rest / fan + (i < rest % fan ? 1 : 0);
            Go.go(() -> spawnTree(share, kids, count));
        }
        kids.await();
        wg.done();
    }
}
