package sched.runtime;


/**
 * A P's timers: a binary min-heap on the firing time, under a small lock of its own. Timers are added to the
 * heap of the P of the goroutine that starts them, run by whichever M looks at that heap when they are due
 * (schedule, findRunnable, or a spinning M that visits the P), and moved with the P's work when GOMAXPROCS
 * shrinks. Callbacks run <em>after</em> the heap lock is released: running them under it is Go bug #35532
 * (lock-order inversion between a timer's owner lock and the heap lock).
 */
final class Timers {
    private final P owner;
    private final RtLock lock = new RtLock();
    private Timer[] heap = new Timer[8];
    private int size;
    /** The earliest firing time, readable without the lock (0: no timers). */
    private volatile long next;

    Timers(P owner) { this.owner = owner; }

    /** The earliest firing time, or 0 when there are none. */
    long next() { return next; }

    int size() { return size; }

    void add(Timer t) {
        lock.lock();
        try {
            if (t.heap != null) throw new IllegalStateException("timer already started");
            t.heap = this;
            if (size == heap.length) heap = java.util.Arrays.copyOf(heap, size * 2);
            heap[size] = t;
            t.index = size;
            up(size++);
            next = heap[0].when;
        } finally {
            lock.unlock();
        }
    }

    /** Remove t if it is still in this heap; true if it was. */
    boolean remove(Timer t) {
        lock.lock();
        try {
            if (t.heap != this) return false;
            removeAt(t.index);
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void removeAt(int i) {
        Timer t = heap[i];
        t.heap = null;
        size--;
        if (i != size) {
            heap[i] = heap[size];
            heap[i].index = i;
            heap[size] = null;
            down(i);
            up(i);
        } else {
            heap[size] = null;
        }
        next = size == 0 ? 0 : heap[0].when;
    }

    /**
     * Run every timer due at {@code now} (on M m). Returns true if any ran. Periodic timers are re-armed
     * before their callback runs.
     */
    boolean run(M m, long now) {
        long n = next;
        if (n == 0 || n - now > 0) return false;
        boolean ran = false;
        for (;;) {
            Timer t;
            lock.lock();
            try {
                if (size == 0 || heap[0].when - now > 0) break;
                t = heap[0];
                removeAt(0);
                if (t.period > 0) {
                    t.when += t.period * Math.max(1, (now - t.when) / t.period + 1);
                    t.heap = null;
                    addLocked(t);
                }
            } finally {
                lock.unlock();
            }
            t.fire.run();
            ran = true;
        }
        return ran;
    }

    private void addLocked(Timer t) {
        t.heap = this;
        if (size == heap.length) heap = java.util.Arrays.copyOf(heap, size * 2);
        heap[size] = t;
        t.index = size;
        up(size++);
        next = heap[0].when;
    }

    /** Move every timer to {@code dst} (procresize). */
    void moveTo(Timers dst) {
        if (dst == this) return;
        lock.lock();
        try {
            for (int i = 0; i < size; i++) {
                Timer t = heap[i];
                heap[i] = null;
                t.heap = null;
                dst.add(t);
            }
            size = 0;
            next = 0;
        } finally {
            lock.unlock();
        }
    }

    private void up(int i) {
        Timer t = heap[i];
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (heap[p].when - t.when <= 0) break;
            heap[i] = heap[p];
            heap[i].index = i;
            i = p;
        }
        heap[i] = t;
        t.index = i;
    }

    private void down(int i) {
        Timer t = heap[i];
        for (;;) {
            int c = 2 * i + 1;
            if (c >= size) break;
            if (c + 1 < size && heap[c + 1].when - heap[c].when < 0) c++;
            if (t.when - heap[c].when <= 0) break;
            heap[i] = heap[c];
            heap[i].index = i;
            i = c;
        }
        heap[i] = t;
        t.index = i;
    }

    /** One timer: fires {@code fire} at {@code when}, and every {@code period} ns after if positive. */
    static final class Timer {
        long when;
        long period;
        Runnable fire;
        volatile Timers heap;
        int index;

        Timer(long when, long period, Runnable fire) {
            this.when = when;
            this.period = period;
            this.fire = fire;
        }
    }

    P owner() { return owner; }
}
