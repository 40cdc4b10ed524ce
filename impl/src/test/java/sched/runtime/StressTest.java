package sched.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many goroutines, many channel handoffs, random parks and readies across Ms, with the lost-wakeup watchdog
 * sampling all along: a state where runnable work sits beside an idle P with nobody running or spinning for a
 * whole second aborts the run with a scheduler dump. The default run does a million of each (seconds on 2
 * cores); {@code -Plong} ten million, over several GOMAXPROCS.
 */
class StressTest {
    static final long SEED = 20261127L;

    @Test @Timeout(300) void stressMillion() { stress(1_000_000, 1_000_000, 4); }

    @Test @Tag("long") @Timeout(3600) void stressTenMillionOverProcCounts() {
        for (int procs : new int[] {1, 2, 3, 8}) stress(10_000_000, 10_000_000, procs);
    }

    static void stress(int goroutines, int handoffs, int procs) {
        GoRuntime rt = new GoRuntime(new Config().gomaxprocs(procs));
        AtomicReference<String> report = new AtomicReference<>();
        Watchdog dog = new Watchdog(rt, Duration.ofSeconds(1));
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                String r = dog.sample(System.nanoTime());
                if (r != null) {
                    report.set(r);
                    rt.abort(new SchedulerError(r));
                    return;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L); // sampling period, not a sync
            }
        }, "watchdog");
        watcher.setDaemon(true);
        watcher.start();
        AtomicLong spawned = new AtomicLong(), received = new AtomicLong(), readied = new AtomicLong();
        try {
            rt.run(() -> {
                // 1. goroutines: a spawn tree, fan-out 8, each leaf counted.
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> spawnTree(goroutines, wg, spawned));
                wg.await();
                // 2. handoffs: 16 producers, 16 consumers over 4 unbuffered channels; consumers sometimes yield.
                Chan<Integer>[] cs = newChans(4);
                WaitGroup done = new WaitGroup();
                int producers = 16, per = handoffs / producers;
                done.add(2 * producers);
                for (int i = 0; i < producers; i++) {
                    SplittableRandom r = new SplittableRandom(SEED + i);
                    Go.go(() -> {
                        for (int k = 0; k < per; k++) cs[r.nextInt(cs.length)].send(k);
                        done.done();
                    });
                }
                Chan<Integer> quit = new Chan<>(0);
                for (int i = 0; i < producers; i++) {
                    SplittableRandom r = new SplittableRandom(SEED * 31 + i);
                    Go.go(() -> {
                        Select sel = new Select().recv(cs[0]).recv(cs[1]).recv(cs[2]).recv(cs[3]).recv(quit);
                        while (sel.select() != 4) {
                            received.incrementAndGet();
                            if (r.nextInt(16) == 0) Go.gosched();
                        }
                        done.done();
                    });
                }
                // 3. random park/ready: 64 goroutines park on their own channel; a shuffler readies them at random.
                int parkers = 64, rounds = Math.max(1, handoffs / 200);
                Chan<Integer>[] own = newChans(parkers);
                WaitGroup parked = new WaitGroup();
                parked.add(parkers);
                for (int i = 0; i < parkers; i++) {
                    Chan<Integer> mine = own[i];
                    Go.go(() -> {
                        for (;;) {
                            Integer v = mine.recv();
                            if (v == null) break;
                            readied.incrementAndGet();
                        }
                        parked.done();
                    });
                }
                SplittableRandom r = new SplittableRandom(SEED);
                for (int k = 0; k < rounds * parkers; k++) own[r.nextInt(parkers)].send(k);
                for (Chan<Integer> c : own) c.close();
                parked.await();
                // stop the consumers once the producers are done
                while (received.get() < (long) per * producers) Go.gosched();
                for (int i = 0; i < producers; i++) quit.send(0);
                done.await();
            });
        } finally {
            watcher.interrupt();
        }
        assertNull(report.get(), report.get());
        assertEquals(goroutines, spawned.get(), "every spawned goroutine ran");
        assertEquals((long) (handoffs / 16) * 16, received.get(), "every handoff arrived");
        assertEquals((long) Math.max(1, handoffs / 200) * 64, readied.get(), "every ready arrived");
    }

    @SuppressWarnings("unchecked")
    static Chan<Integer>[] newChans(int n) {
        Chan<Integer>[] cs = new Chan[n];
        for (int i = 0; i < n; i++) cs[i] = new Chan<>(0);
        return cs;
    }

    /** Spawn {@code n} goroutines as a tree with fan-out 8; each counts itself; wg.done when all are counted. */
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

    // ------------------------------------------------------------------------------------ the watchdog's teeth

    @Test void watchdogReportsAStateThatPersistsForTheWholeWindow() {
        GoRuntime rt = new GoRuntime(new Config().gomaxprocs(2));
        rt.sched.init(2);
        Watchdog dog = new Watchdog(rt, Duration.ofSeconds(1));
        long t = 1_000;
        assertNull(dog.sample(t, () -> true));
        assertNull(dog.sample(t + 500_000_000L, () -> true), "half a window is not yet a lost wakeup");
        String r = dog.sample(t + 1_000_000_000L, () -> true);
        assertNotNull(r);
        assertTrue(r.startsWith("lost wakeup: runnable work beside an idle P"), r);
        assertTrue(r.contains("SCHED") && r.contains("P0") && r.contains("P1"), "the report carries a dump: " + r);
    }

    @Test void watchdogForgetsAStateThatClears() {
        GoRuntime rt = new GoRuntime(new Config().gomaxprocs(2));
        rt.sched.init(2);
        Watchdog dog = new Watchdog(rt, Duration.ofSeconds(1));
        assertNull(dog.sample(1, () -> true));
        assertNull(dog.sample(900_000_000L, () -> false));
        assertNull(dog.sample(1_500_000_000L, () -> true));
        assertNull(dog.sample(2_400_000_000L, () -> true));
        assertNotNull(dog.sample(2_500_000_001L, () -> true));
    }

    @Test void suspiciousSeesQueuedWorkBesideAnIdlePWithNobodyLooking() {
        GoRuntime rt = new GoRuntime(new Config().gomaxprocs(2));
        Sched s = rt.sched;
        s.init(2);
        assertFalse(Watchdog.suspicious(s), "no work: nothing lost");
        // Take P0 as if an M held it, queue a G on it, and leave P1 idle with no M anywhere: a lost wakeup.
        s.lock.lock();
        P p0 = s.pidleget();
        s.lock.unlock();
        G g = new G(s);
        g.casgstatus(G.IDLE, G.RUNNABLE);
        p0.runqput(g, false);
        assertTrue(Watchdog.suspicious(s));
        s.casNmspinning(0, 1);
        assertFalse(Watchdog.suspicious(s), "a spinning M will find it");
    }
}
