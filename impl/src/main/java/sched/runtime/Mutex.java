package sched.runtime;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Go's sync.Mutex for goroutines: a CAS fast path; contended lockers park in FIFO order and unlock hands the
 * mutex directly to the first of them (so a parked goroutine cannot be overtaken forever). Not reentrant, and
 * any goroutine may unlock it, as in Go.
 */
public final class Mutex {
    private final AtomicInteger state = new AtomicInteger(); // 0 unlocked, 1 locked
    private final RtLock qlock = new RtLock();
    private final ArrayDeque<G> waiters = new ArrayDeque<>();

    public void lock() {
        if (state.compareAndSet(0, 1)) return;
        G self = Sched.currentG("Mutex.lock");
        qlock.lock();
        if (state.compareAndSet(0, 1)) {
            qlock.unlock();
            return;
        }
        waiters.addLast(self);
        Sched.gopark(self, qlock, WaitReason.SYNC_MUTEX);
        // woken by unlock, which handed the mutex to us (state stayed 1)
    }

    public boolean tryLock() { return state.compareAndSet(0, 1); }

    public void unlock() {
        G next;
        qlock.lock();
        try {
            if (state.get() != 1) throw new IllegalStateException("fatal error: sync: unlock of unlocked mutex");
            next = waiters.pollFirst();
            if (next == null) state.set(0);
        } finally {
            qlock.unlock();
        }
        if (next != null) next.sched.ready(next);
    }
}
