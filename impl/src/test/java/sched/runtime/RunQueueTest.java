package sched.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The local run queue, ported in spirit from Go's RunSchedLocalQueue*Test (export_test.go). */
class RunQueueTest {
    private final Sched sched = new GoRuntime(new Config().gomaxprocs(2).sysmon(false)).sched;
    private long nextId = 1;

    private G g() {
        G g = new G(sched);
        g.goid = nextId++;
        return g;
    }

    private P p() { return new P(sched, 0); }

    @Test void putThenGetKeepsFifoOrderAtEveryFillLevel() {
        P p = p();
        for (int i = 0; i < P.RUNQ_SIZE; i++) {
            assertNull(p.runqget(), "queue must be empty before round " + i);
            assertTrue(p.runqempty());
            List<G> put = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                G g = g();
                put.add(g);
                p.runqput(g, false);
            }
            assertEquals(i, p.runqsize());
            for (int j = 0; j < i; j++) {
                G got = p.runqget();
                assertSame(put.get(j), got, "round " + i + ": position " + j);
                assertFalse(p.lastInherit, "a G from the ring starts a fresh time slice");
            }
            assertNull(p.runqget());
        }
    }

    @Test void runnextGoesFirstInheritsTheSliceAndKicksTheOldOneToTheTail() {
        P p = p();
        G a = g(), b = g(), c = g();
        p.runqput(a, false);
        p.runqput(b, true);
        p.runqput(c, true); // b is kicked out of runnext to the ring tail
        assertSame(c, p.runnext());
        assertSame(c, p.runqget());
        assertTrue(p.lastInherit);
        assertSame(a, p.runqget());
        assertSame(b, p.runqget());
        assertNull(p.runqget());
    }

    @Test void stealTakesHalfRoundedUpAndLosesNothingAtEveryFillLevel() {
        for (int i = 0; i < P.RUNQ_SIZE; i++) {
            P victim = p(), thief = new P(sched, 1);
            Set<G> all = new HashSet<>();
            for (int j = 0; j < i; j++) {
                G g = g();
                all.add(g);
                victim.runqput(g, false);
            }
            Set<G> seen = new HashSet<>();
            G first = thief.runqsteal(victim, true, null);
            int stolen = 0;
            if (first != null) {
                assertTrue(seen.add(first));
                stolen++;
            }
            for (G g; (g = thief.runqget()) != null; stolen++) assertTrue(seen.add(g), "duplicate " + g);
            // Go's test: s must be i/2 or i/2+1 (our steal takes exactly the rounded-up half).
            assertTrue(stolen == i / 2 || stolen == i / 2 + 1, "fill " + i + ": stole " + stolen);
            assertEquals(i - i / 2, stolen, "fill " + i);
            for (G g; (g = victim.runqget()) != null; ) assertTrue(seen.add(g), "duplicate " + g);
            assertEquals(all, seen, "fill " + i + ": every G seen exactly once");
        }
    }

    @Test void stealTakesRunnextOnlyWhenAskedAndTheRingIsEmpty() {
        P victim = p(), thief = new P(sched, 1);
        G g = g();
        victim.runqput(g, true);
        assertNull(thief.runqsteal(victim, false, null), "runnext is not stolen before the last round");
        assertSame(g, thief.runqsteal(victim, true, null));
        assertTrue(victim.runqempty());
    }

    @Test void overflowMovesHalfPlusTheNewGToTheGlobalQueueInOrder() {
        P p = p();
        List<G> put = new ArrayList<>();
        for (int j = 0; j < P.RUNQ_SIZE; j++) {
            G g = g();
            put.add(g);
            p.runqput(g, false);
        }
        assertEquals(0, sched.globalRunqSize());
        G extra = g();
        p.runqput(extra, false);
        List<G> global = sched.globalRunqContents();
        assertEquals(P.RUNQ_SIZE / 2 + 1, global.size(), "runqputslow moves half the ring plus the new G");
        assertEquals(put.subList(0, P.RUNQ_SIZE / 2), global.subList(0, P.RUNQ_SIZE / 2), "older half first, in order");
        assertSame(extra, global.get(P.RUNQ_SIZE / 2), "the new G goes behind them");
        assertEquals(P.RUNQ_SIZE / 2, p.runqsize());
        assertSame(put.get(P.RUNQ_SIZE / 2), p.runqget());
    }

    /**
     * RunSchedLocalQueueEmptyTest: while the owner puts G1 (kicking G0 out of runnext into the ring) and takes one
     * G, a concurrent reader must never see the queue as empty: there is always at least one G in it.
     */
    @Test void runqemptyNeverFalselyReportsEmptyWhileRunnextIsSwapped() throws Exception {
        P p = p();
        int iterations = 20_000;
        CyclicBarrier start = new CyclicBarrier(2), end = new CyclicBarrier(2);
        AtomicReference<String> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                for (int i = 0; i < iterations; i++) {
                    start.await();
                    if (p.runqempty()) failure.compareAndSet(null, "queue reported empty at iteration " + i);
                    end.await();
                }
            } catch (Exception e) {
                failure.compareAndSet(null, e.toString());
            }
        });
        reader.start();
        for (int i = 0; i < iterations; i++) {
            G g0 = g(), g1 = g();
            p.runqput(g0, i % 2 == 0);
            start.await();
            p.runqput(g1, i % 3 == 0);
            p.runqget();
            end.await();
            while (p.runqget() != null) { }
        }
        reader.join();
        assertNull(failure.get());
    }

    @Test void concurrentStealersAndOwnerNeitherLoseNorDuplicate() throws Exception {
        P victim = p();
        int total = 200_000;
        int stealers = 2;
        List<Set<Long>> got = new ArrayList<>();
        for (int i = 0; i <= stealers; i++) got.add(new HashSet<>());
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> ts = new ArrayList<>();
        for (int s = 0; s < stealers; s++) {
            Set<Long> mine = got.get(s + 1);
            P thief = new P(sched, s + 1);
            Thread t = new Thread(() -> {
                while (!done.get() || !victim.runqempty()) {
                    G g = thief.runqsteal(victim, true, null);
                    if (g != null) mine.add(g.goid);
                    for (G x; (x = thief.runqget()) != null; ) mine.add(x.goid);
                }
            });
            ts.add(t);
            t.start();
        }
        Set<Long> own = got.get(0);
        for (int i = 0; i < total; i++) {
            victim.runqput(g(), i % 5 == 0);
            if (i % 3 == 0) {
                G g = victim.runqget();
                if (g != null) own.add(g.goid);
            }
        }
        done.set(true);
        for (Thread t : ts) t.join();
        for (G g; (g = victim.runqget()) != null; ) own.add(g.goid);
        List<G> global = sched.globalRunqContents();
        Set<Long> all = new HashSet<>();
        int count = 0;
        for (Set<Long> s : got) {
            count += s.size();
            all.addAll(s);
        }
        for (G g : global) {
            count++;
            all.add(g.goid);
        }
        assertEquals(total, all.size(), "no G lost");
        assertEquals(total, count, "no G duplicated");
    }
}
