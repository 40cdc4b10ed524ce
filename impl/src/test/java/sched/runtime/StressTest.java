package sched.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
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
        sched.examples.Stress.Result r = sched.examples.Stress.run(goroutines, handoffs, procs, SEED, Duration.ofSeconds(1));
        assertNull(r.watchdogReport(), r.watchdogReport());
        assertEquals(goroutines, r.spawned(), "every spawned goroutine ran");
        assertEquals(r.expectedReceived(), r.received(), "every handoff arrived");
        assertEquals(r.expectedReadied(), r.readied(), "every ready arrived");
        assertTrue(r.ok());
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
