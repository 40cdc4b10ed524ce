package sched.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import sched.runtime.Go;
import sched.runtime.WaitGroup;

/** spawn: n trivial tasks, each marks its slot; joined by a WaitGroup; the checksum counts the marks. */
final class Spawn {
    private Spawn() {}

    static long run(Peer peer, Params p, int procs) throws Exception {
        int n = p.getInt("n");
        byte[] done = new byte[n];
        switch (peer) {
            case GORT -> OnRuntime.run(procs, () -> {
                WaitGroup wg = new WaitGroup();
                wg.add(n);
                for (int i = 0; i < n; i++) {
                    int slot = i;
                    Go.go(() -> {
                        done[slot] = 1;
                        wg.done();
                    });
                }
                wg.await();
                return 0;
            });
            case VTHREADS -> {
                CountDownLatch latch = new CountDownLatch(n);
                for (int i = 0; i < n; i++) {
                    int slot = i;
                    Thread.startVirtualThread(() -> {
                        done[slot] = 1;
                        latch.countDown();
                    });
                }
                latch.await();
            }
            case JUC -> {
                try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int i = 0; i < n; i++) {
                        int slot = i;
                        ex.execute(() -> done[slot] = 1);
                    }
                } // close() waits for every task
            }
            case FJP, GO -> throw new IllegalArgumentException(peer + " has no spawn here");
        }
        long sum = 0;
        for (byte b : done) sum += b;
        return sum;
    }
}
