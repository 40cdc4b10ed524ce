package sched.bench;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.RecursiveTask;
import sched.runtime.Chan;
import sched.runtime.Go;

/** fanout: fib(n), where every call with argument >= cutoff computes fib(n-1) in a new task. */
final class Fanout {
    private Fanout() {}

    static long fibSeq(int n) { return n < 2 ? n : fibSeq(n - 1) + fibSeq(n - 2); }

    static long run(Peer peer, Params p, int procs) throws Exception {
        int n = p.getInt("n"), cutoff = p.getInt("cutoff");
        return switch (peer) {
            case GORT -> OnRuntime.run(procs, () -> gort(n, cutoff));
            case VTHREADS -> {
                VtTask t = new VtTask(n, cutoff);
                Thread th = Thread.startVirtualThread(t);
                th.join();
                yield t.result;
            }
            case JUC -> {
                try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
                    yield ex.submit(() -> juc(ex, n, cutoff)).get();
                }
            }
            case FJP -> {
                ForkJoinPool pool = new ForkJoinPool(procs);
                try {
                    yield pool.invoke(new Fib(n, cutoff));
                } finally {
                    pool.shutdownNow();
                }
            }
            case GO -> throw new IllegalArgumentException("go runs out of process");
        };
    }

    static long gort(int n, int cutoff) {
        if (n < cutoff) return fibSeq(n);
        Chan<Long> c = new Chan<>(1);
        Go.go(() -> c.send(gort(n - 1, cutoff)));
        long b = gort(n - 2, cutoff);
        return c.recv() + b;
    }

    static final class VtTask implements Runnable {
        final int n, cutoff;
        long result;

        VtTask(int n, int cutoff) {
            this.n = n;
            this.cutoff = cutoff;
        }

        @Override public void run() { result = vt(n, cutoff); }
    }

    static long vt(int n, int cutoff) {
        if (n < cutoff) return fibSeq(n);
        VtTask child = new VtTask(n - 1, cutoff);
        Thread t = Thread.startVirtualThread(child);
        long b = vt(n - 2, cutoff);
        boolean interrupted = false;
        for (;;) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        return child.result + b;
    }

    static long juc(ExecutorService ex, int n, int cutoff) throws InterruptedException, ExecutionException {
        if (n < cutoff) return fibSeq(n);
        Future<Long> f = ex.submit(() -> juc(ex, n - 1, cutoff));
        long b = juc(ex, n - 2, cutoff);
        return f.get() + b;
    }

    static final class Fib extends RecursiveTask<Long> {
        private final int n, cutoff;

        Fib(int n, int cutoff) {
            this.n = n;
            this.cutoff = cutoff;
        }

        @Override protected Long compute() {
            if (n < cutoff) return fibSeq(n);
            Fib f1 = new Fib(n - 1, cutoff);
            f1.fork();
            long b = new Fib(n - 2, cutoff).compute();
            return f1.join() + b;
        }
    }
}
