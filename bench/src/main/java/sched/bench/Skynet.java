package sched.bench;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/** skynet: a tree of tasks, fan-out div; leaves return their number, inner nodes sum their children. */
final class Skynet {
    private Skynet() {}

    static long run(Peer peer, Params p, int procs) throws Exception {
        long n = p.get("n");
        int div = p.getInt("div");
        return switch (peer) {
            case GORT -> OnRuntime.run(procs, () -> sched.examples.Skynet.run(n, div));
            case VTHREADS -> {
                long[] out = new long[1];
                Thread t = Thread.startVirtualThread(() -> out[0] = vt(0, n, div));
                t.join();
                yield out[0];
            }
            case JUC -> {
                try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
                    BlockingQueue<Long> c = new ArrayBlockingQueue<>(1);
                    ex.execute(() -> juc(ex, c, 0, n, div));
                    yield c.take();
                }
            }
            case FJP -> {
                ForkJoinPool pool = new ForkJoinPool(procs);
                try {
                    yield pool.invoke(new Node(0, n, div));
                } finally {
                    pool.shutdownNow();
                }
            }
            case GO -> throw new IllegalArgumentException("go runs out of process");
        };
    }

    /** Each child is a virtual thread; it writes its slot and counts the node's latch down. */
    static long vt(long num, long size, int div) {
        if (size == 1) return num;
        long[] results = new long[div];
        CountDownLatch latch = new CountDownLatch(div);
        long sub = size / div;
        for (int i = 0; i < div; i++) {
            int slot = i;
            long subNum = num + i * sub;
            Thread.startVirtualThread(() -> {
                results[slot] = vt(subNum, sub, div);
                latch.countDown();
            });
        }
        boolean interrupted = false;
        for (;;) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        long sum = 0;
        for (long r : results) sum += r;
        return sum;
    }

    static void juc(ExecutorService ex, BlockingQueue<Long> c, long num, long size, int div) {
        try {
            if (size == 1) {
                c.put(num);
                return;
            }
            BlockingQueue<Long> rc = new ArrayBlockingQueue<>(div);
            long sub = size / div;
            for (int i = 0; i < div; i++) {
                long subNum = num + i * sub;
                ex.execute(() -> juc(ex, rc, subNum, sub, div));
            }
            long sum = 0;
            for (int i = 0; i < div; i++) sum += rc.take();
            c.put(sum);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static final class Node extends RecursiveTask<Long> {
        private final long num, size;
        private final int div;

        Node(long num, long size, int div) {
            this.num = num;
            this.size = size;
            this.div = div;
        }

        @Override protected Long compute() {
            if (size == 1) return num;
            long sub = size / div;
            Node[] kids = new Node[div];
            for (int i = 0; i < div; i++) kids[i] = new Node(num + i * sub, sub, div);
            invokeAll(kids);
            long sum = 0;
            for (Node k : kids) sum += k.join();
            return sum;
        }
    }
}
