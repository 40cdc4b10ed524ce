package sched.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sched.examples.PingPong;
import sched.examples.Primes;
import sched.examples.Skynet;

/** Whole programs on the scheduler; Go's proc_test.go tests ported in spirit. Timeouts only guard hangs. */
@Timeout(120)
class SchedulerTest {
    static Config cfg(int procs) { return new Config().gomaxprocs(procs); }

    @Test void mainGoroutineIsGoid1AndIdsComeInBatchesOf16PerP() {
        List<Long> ids = new ArrayList<>();
        GoRuntime.run(cfg(1), () -> {
            ids.add(Go.goid());
            Chan<Long> c = new Chan<>(100);
            for (int i = 0; i < 20; i++) Go.go(() -> c.send(Go.goid()));
            for (int i = 0; i < 20; i++) ids.add(c.recv());
        });
        assertEquals(1L, ids.get(0));
        assertEquals(21, ids.stream().distinct().count(), "ids are unique");
        // One P: ids are consecutive across the batch boundary (1..16, then 17..32 from the next batch).
        assertEquals(java.util.stream.LongStream.rangeClosed(1, 21).boxed().toList(), ids.stream().sorted().toList());
    }

    @Test void skynetSumsCorrectly() {
        long[] out = new long[1];
        GoRuntime.run(cfg(2), () -> out[0] = Skynet.run(100_000));
        assertEquals(100_000L * 99_999 / 2, out[0]);
    }

    @Test void pingpongAndPrimes() {
        Object[] out = new Object[2];
        GoRuntime.run(cfg(2), () -> {
            out[0] = PingPong.run(10_000);
            out[1] = Primes.run(10);
        });
        assertEquals(10_000L, out[0]);
        assertEquals(List.of(2L, 3L, 5L, 7L, 11L, 13L, 17L, 19L, 23L, 29L), out[1]);
    }

    /**
     * TestGoroutineParallelism: GOMAXPROCS goroutines each wait (spinning, without yielding) for a shared counter
     * to reach their turn, then bump it. It only finishes if all of them run at the same time, so a scheduler that
     * fails to wake idle Ps for new goroutines hangs here.
     */
    @Test void gomaxprocsGoroutinesRunInParallel() {
        int procs = 4, rounds = 3;
        for (int iter = 0; iter < 10; iter++) {
            AtomicLong x = new AtomicLong();
            GoRuntime.run(cfg(procs).sysmon(false), () -> {
                WaitGroup wg = new WaitGroup();
                wg.add(procs);
                for (int p = 0; p < procs; p++) {
                    int pp = p;
                    Go.go(() -> {
                        for (int i = 0; i < rounds; i++) {
                            long want = (long) procs * i + pp;
                            while (x.get() != want) Thread.onSpinWait();
                            x.incrementAndGet();
                        }
                        wg.done();
                    });
                }
                wg.await();
            });
            assertEquals((long) procs * rounds, x.get());
        }
    }

    /** TestYieldProgress: a goroutine looping on Gosched does not keep another from making progress (1 P). */
    @Test void goschedLoopDoesNotStarveOthers() {
        AtomicInteger acks = new AtomicInteger();
        GoRuntime.run(cfg(1), () -> {
            Chan<Integer> c = new Chan<>(0), ack = new Chan<>(0);
            Go.go("yielder", () -> {
                for (;;) {
                    if (c.tryRecv() != null) {
                        ack.send(1);
                        return;
                    }
                    Go.gosched();
                }
            });
            for (int i = 0; i < 100; i++) Go.gosched();
            c.send(1);
            acks.addAndGet(ack.recv());
        });
        assertEquals(1, acks.get());
    }

    @Test void bufferedChannelIsFifoAndCloseDrainsThenReportsClosed() {
        List<Object> got = new ArrayList<>();
        GoRuntime.run(cfg(2), () -> {
            Chan<Integer> c = new Chan<>(3);
            Go.go(() -> {
                for (int i = 0; i < 10; i++) c.send(i);
                c.close();
            });
            for (;;) {
                Chan.Received<Integer> r = c.recv2();
                if (!r.ok()) {
                    got.add("closed:" + r.value());
                    break;
                }
                got.add(r.value());
            }
        });
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, "closed:null"), got);
    }

    @Test void selectPicksAReadyCaseDefaultWhenNoneAndBlocksOtherwise() {
        List<String> got = new ArrayList<>();
        GoRuntime.run(cfg(2), () -> {
            Chan<String> a = new Chan<>(0), b = new Chan<>(1);
            Select s = new Select().recv(a).recv(b).orDefault();
            got.add("default:" + s.select());
            b.send("x");
            int k = s.select();
            got.add(k + ":" + s.value());
            Go.go(() -> a.send("y"));
            Select blocking = new Select().recv(a).recv(b);
            k = blocking.select();
            got.add(k + ":" + blocking.value());
            // a send case
            Chan<String> out = new Chan<>(0), report = new Chan<>(1);
            Go.go(() -> report.send("recv:" + out.recv()));
            Select sendSel = new Select().send(out, "z").recv(a);
            got.add("send:" + sendSel.select());
            got.add(report.recv());
        });
        assertEquals("default:-1", got.get(0));
        assertEquals("1:x", got.get(1));
        assertEquals("0:y", got.get(2));
        assertEquals(List.of("send:0", "recv:z"), got.subList(3, 5));
    }

    @Test void selectManyGoroutinesOverSharedChannelsLosesNothing() {
        long[] sum = new long[1];
        GoRuntime.run(cfg(2), () -> {
            Chan<Long> c1 = new Chan<>(0), c2 = new Chan<>(0), done = new Chan<>(0), results = new Chan<>(0);
            int senders = 8, per = 2000, receivers = 3;
            WaitGroup sent = new WaitGroup();
            sent.add(senders);
            for (int s = 0; s < senders; s++) {
                Chan<Long> c = s % 2 == 0 ? c1 : c2;
                Go.go(() -> {
                    for (int i = 1; i <= per; i++) c.send((long) i);
                    sent.done();
                });
            }
            for (int r = 0; r < receivers; r++) {
                Go.go(() -> {
                    long local = 0;
                    Select sel = new Select().recv(c1).recv(c2).recv(done);
                    for (;;) {
                        int k = sel.select();
                        if (k == 2) break;
                        local += (Long) sel.value();
                    }
                    results.send(local);
                });
            }
            sent.await();
            for (int r = 0; r < receivers; r++) done.send(0L);
            for (int r = 0; r < receivers; r++) sum[0] += results.recv();
        });
        assertEquals(8L * 2000 * 2001 / 2, sum[0]);
    }

    @Test void mutexGivesMutualExclusion() {
        long[] counter = new long[1];
        GoRuntime.run(cfg(2), () -> {
            Mutex mu = new Mutex();
            WaitGroup wg = new WaitGroup();
            int n = 8, per = 5000;
            wg.add(n);
            for (int i = 0; i < n; i++) {
                Go.go(() -> {
                    for (int j = 0; j < per; j++) {
                        mu.lock();
                        long v = counter[0];
                        if (j % 100 == 0) Go.gosched(); // hold the mutex across a reschedule
                        counter[0] = v + 1;
                        mu.unlock();
                    }
                    wg.done();
                });
            }
            wg.await();
        });
        assertEquals(8L * 5000, counter[0]);
    }

    @Test void deadlockEndsTheRunWithTheWaitingGoroutinesAndReasons() {
        DeadlockException e = assertThrows(DeadlockException.class, () -> GoRuntime.run(cfg(2), () -> {
            Chan<Integer> c = new Chan<>(0);
            Go.go("receiver", c::recv);
            WaitGroup wg = new WaitGroup();
            wg.add(1);
            wg.await();
        }));
        assertTrue(e.getMessage().startsWith("fatal error: all goroutines are asleep - deadlock!"), e.getMessage());
        assertTrue(e.waiting().contains("goroutine 1 [sync.WaitGroup.Wait] main"), e.waiting().toString());
        assertTrue(e.waiting().stream().anyMatch(l -> l.endsWith("[chan receive] receiver")), e.waiting().toString());
    }

    @Test void mainBlockedForeverAloneIsADeadlock() {
        DeadlockException e = assertThrows(DeadlockException.class,
                () -> GoRuntime.run(cfg(1), () -> new Chan<Integer>(0).recv()));
        assertEquals(List.of("goroutine 1 [chan receive] main"), e.waiting());
    }

    @Test void anExceptionInAGoroutineEndsTheRunNamingIt() {
        GoPanic p = assertThrows(GoPanic.class, () -> GoRuntime.run(cfg(2), () -> {
            Chan<Integer> c = new Chan<>(0);
            Go.go("thrower", () -> {
                throw new ArithmeticException("boom");
            });
            c.recv();
        }));
        assertEquals(2, p.goid());
        assertInstanceOf(ArithmeticException.class, p.getCause());
        assertTrue(p.getMessage().contains("goroutine 2 (thrower)") && p.getMessage().contains("boom"), p.getMessage());
    }

    @Test void shutdownReleasesEveryThreadItStarted() {
        GoRuntime rt = new GoRuntime(cfg(4));
        rt.run(() -> {
            Chan<Integer> never = new Chan<>(0);
            for (int i = 0; i < 50; i++) Go.go(never::recv); // abandoned, parked
            long[] s = new long[1];
            s[0] = Skynet.run(1000);
        });
        assertEquals(0, rt.liveThreads(), "all M threads and sysmon have exited");
    }

    @Test void freeListsMoveInBatches() {
        GoRuntime rt = new GoRuntime(cfg(1).sysmon(false));
        rt.run(() -> {
            WaitGroup wg = new WaitGroup();
            wg.add(100);
            for (int i = 0; i < 100; i++) Go.go(wg::done);
            wg.await();
        });
        int[] sizes = rt.sched.freeListSizes();
        // 100 dead Gs on one P: each time its list reaches 64 it keeps 32 and moves the rest to the global list.
        assertEquals(100, sizes[0] + sizes[1]);
        assertTrue(sizes[1] < 64, "P list stays below 64: " + sizes[1]);
        assertTrue(sizes[0] > 0 && sizes[0] % 32 == 0, "global list grows in batches of 32: " + sizes[0]);
    }
}
