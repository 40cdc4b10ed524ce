package sched.runtime;

import java.util.concurrent.locks.LockSupport;

/** The production side of the seam: platform threads, LockSupport, System.nanoTime, a per-M xorshift. */
final class ProductionSeam implements Seam {
    @Override public long nanotime() { return System.nanoTime(); }

    @Override public int fastrand(M m) {
        // xorshift32 on per-M state: no sharing, no allocation.
        int x = m.fastrand;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        m.fastrand = x;
        return x;
    }

    @Override public void startM(M m, Runnable body) {
        Thread t = new MThread(m, body);
        t.start();
    }

    @Override public void park(M m, long deadline) {
        if (deadline == 0) {
            LockSupport.park(m);
        } else {
            long wait = deadline - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(m, wait);
        }
    }

    @Override public void unpark(M m) { LockSupport.unpark(m.thread); }

    @Override public void pause(M m, long micros) {
        // Go sleeps (usleep) here; a JVM park sleeps far longer than a few microseconds, so give the core away
        // once instead (Go's osyield), after a short spin for the common case of a very short wait.
        for (int i = 0; i < 32; i++) Thread.onSpinWait();
        Thread.yield();
    }
}
