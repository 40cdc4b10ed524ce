package sched.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import sched.runtime.Chan;
import sched.runtime.Go;
import sched.runtime.WaitGroup;

/**
 * idle-wakeup: a producer sleeps, then hands one item to whichever of the consumers is waiting; the machine is
 * idle between items, so CPU time measures what waking an idle scheduler costs (Go's spinning protocol).
 */
final class IdleWakeup {
    private IdleWakeup() {}

    static final long STOP = -1;

    static long run(Peer peer, Params p, int procs) throws Exception {
        long n = p.get("n");
        int consumers = p.getInt("consumers");
        Duration nap = Duration.ofNanos(p.get("sleepus") * 1000);
        long[] sums = new long[consumers];
        switch (peer) {
            case GORT -> OnRuntime.run(procs, () -> {
                Chan<Long> ch = new Chan<>(0);
                WaitGroup wg = new WaitGroup();
                wg.add(consumers);
                for (int k = 0; k < consumers; k++) {
                    int slot = k;
                    Go.go(() -> {
                        long s = 0;
                        for (Long v; (v = ch.recv()) != null; ) s += v;
                        sums[slot] = s;
                        wg.done();
                    });
                }
                for (long i = 0; i < n; i++) {
                    GoSleep.sleep(nap);
                    ch.send(i);
                }
                ch.close();
                wg.await();
                return 0;
            });
            case VTHREADS, JUC -> {
                SynchronousQueue<Long> q = new SynchronousQueue<>();
                Thread.Builder builder = peer == Peer.VTHREADS ? Thread.ofVirtual() : Thread.ofPlatform();
                List<Thread> threads = new ArrayList<>();
                for (int k = 0; k < consumers; k++) {
                    int slot = k;
                    threads.add(builder.start(() -> {
                        long s = 0;
                        try {
                            for (long v; (v = q.take()) != STOP; ) s += v;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        sums[slot] = s;
                    }));
                }
                Thread producer = builder.start(() -> {
                    try {
                        for (long i = 0; i < n; i++) {
                            Thread.sleep(nap);
                            q.put(i);
                        }
                        for (int k = 0; k < consumers; k++) q.put(STOP);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                producer.join();
                for (Thread t : threads) t.join();
            }
            case FJP, GO -> throw new IllegalArgumentException(peer + " has no idle-wakeup here");
        }
        long total = 0;
        for (long s : sums) total += s;
        return total;
    }
}
