package sched.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The runtime's lock (Go's {@code mutex} with {@code lock}/{@code unlock}): short critical sections, no owner.
 *
 * <p>Why not {@code ReentrantLock}: goroutine code takes these locks (a channel's, sched.lock through wakep),
 * then may yield and resume on another M's thread, and {@code park_m} releases a channel lock on the M's thread
 * after the goroutine has yielded. An owner-tracking lock records {@code Thread.currentThread()}, which the JIT
 * may have cached from before a yield (see {@link Carrier}), and then refuses the unlock. This lock records no
 * owner: any thread may release it, as in Go.
 *
 * <p>States as Go's futex lock: 0 unlocked, 1 locked, 2 locked with possible sleepers. A contended locker spins
 * briefly, then yields its thread, then registers as a sleeper, re-checks, and parks; unlock of a state-2 lock
 * wakes one sleeper. A sleeper that wakes for any reason removes itself from the queue, so a wakeup always goes
 * to a thread that is really asleep.
 */
final class RtLock implements Unlocker {
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(RtLock.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final int UNLOCKED = 0, LOCKED = 1, SLEEPING = 2;
    private static final int ACTIVE_SPIN = 4, ACTIVE_SPIN_CNT = 30, PASSIVE_SPIN = 1;

    @SuppressWarnings("unused") private volatile int state;
    private volatile ConcurrentLinkedQueue<Thread> sleepers;

    void lock() {
        if (!STATE.compareAndSet(this, UNLOCKED, LOCKED)) lockSlow();
    }

    boolean tryLock() { return STATE.compareAndSet(this, UNLOCKED, LOCKED); }

    private void lockSlow() {
        int v = (int) STATE.getAndSet(this, LOCKED);
        if (v == UNLOCKED) return;
        // We may have overwritten SLEEPING with LOCKED: from now on hold it as SLEEPING ("wait"), so the
        // sleepers are not forgotten.
        int wait = v;
        for (;;) {
            for (int i = 0; i < ACTIVE_SPIN; i++) {
                while (state == UNLOCKED) {
                    if (STATE.compareAndSet(this, UNLOCKED, wait)) return;
                }
                for (int k = 0; k < ACTIVE_SPIN_CNT; k++) Thread.onSpinWait();
            }
            for (int i = 0; i < PASSIVE_SPIN; i++) {
                while (state == UNLOCKED) {
                    if (STATE.compareAndSet(this, UNLOCKED, wait)) return;
                }
                Thread.yield();
            }
            v = (int) STATE.getAndSet(this, SLEEPING);
            if (v == UNLOCKED) return;
            wait = SLEEPING;
            sleep();
        }
    }

    /** futexsleep: park while the state is SLEEPING. */
    private void sleep() {
        ConcurrentLinkedQueue<Thread> q = sleepers;
        if (q == null) {
            synchronized (this) {
                q = sleepers;
                if (q == null) sleepers = q = new ConcurrentLinkedQueue<>();
            }
        }
        Thread self = Carrier.thread();
        q.add(self);
        if (state == SLEEPING) LockSupport.park();
        q.remove(self);
    }

    @Override public void unlock() {
        int v = (int) STATE.getAndSet(this, UNLOCKED);
        if (v == UNLOCKED) throw new SchedulerError("unlock of unlocked runtime lock");
        if (v == SLEEPING) {
            ConcurrentLinkedQueue<Thread> q = sleepers;
            Thread t = q == null ? null : q.peek();
            if (t != null) LockSupport.unpark(t);
        }
    }

    boolean isLocked() { return state != UNLOCKED; }
}
