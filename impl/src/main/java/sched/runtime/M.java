package sched.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A machine: one platform thread that runs goroutines while it holds a P. An M with nothing to do spins for a
 * while ({@link #spinning}), then parks on its note in the idle-M list; {@code startm} hands it a P through
 * {@link #nextp} and wakes it. Fields other than the note's key are touched only by the M itself or under
 * {@code sched.lock} (the idle list, nextp before a wakeup).
 */
public final class M {
    private static final VarHandle KEY;

    static {
        try {
            KEY = MethodHandles.lookup().findVarHandle(M.class, "noteKey", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final int id;
    final Sched sched;
    volatile Thread thread;
    /** The goroutine running on this M, if any. */
    G curg;
    /** The P this M holds (null while parked, in a syscall without P, or between ReleaseP and re-acquiring). */
    P p;
    /** The P handed to this M by startm before its wakeup. */
    P nextp;
    /** The P held before a syscall, taken back by exitsyscall if still free. */
    P oldp;
    /** Looking for work without a G of its own; counted in sched.nmspinning. */
    boolean spinning;
    /** Link in the idle-M list. */
    M schedlink;
    /** The G picked by schedule and not yet executed, and whether it inherits the time slice. */
    G nextg;
    boolean inheritTime;
    /** Whether the M spun before it dropped spinning in findRunnable (it re-spins if the re-check wins). */
    boolean wasSpinning;
    /** Where a wakep sequence returns (abstract state only). */
    MState ret = MState.running;
    /** The abstract program counter (written only when probes are on). */
    volatile MState pc = MState.unstarted;
    /** LockOSThread: the G locked to this M. */
    G lockedg;
    /** What park_m must release after the G has been marked waiting. */
    Unlocker waitunlock;
    /** Per-M random state for the production seam. */
    int fastrand;
    /** In a syscall (counts as running for checkdead). */
    boolean insyscall;
    /** This M's thread must exit (a locked G exited, or the runtime is shutting down). */
    boolean exitThread;
    /** The note: 0 clear, 1 woken (Go's note key). */
    private volatile int noteKey;

    M(Sched sched, int id) {
        this.sched = sched;
        this.id = id;
        this.fastrand = (id + 1) * 0x9E3779B9 | 1;
    }

    public int id() { return id; }

    public MState pc() { return pc; }

    public G curg() { return curg; }

    public P p() { return p; }

    public P nextp() { return nextp; }

    public boolean spinning() { return spinning; }

    public boolean wasSpinning() { return wasSpinning; }

    public G nextg() { return nextg; }

    public MState ret() { return ret; }

    /** noteclear: arm the note before the M goes to sleep on it. */
    void noteclear() { noteKey = 0; }

    /**
     * notesleep: sleep until {@link #notewakeup}. Spurious returns of the seam's park are absorbed here; the
     * deadline variant (notetsleep) returns false if the deadline passed first.
     */
    boolean notesleep(long deadline) {
        Seam seam = sched.seam;
        while ((int) KEY.getAcquire(this) == 0) {
            if (deadline != 0 && seam.nanotime() - deadline >= 0) return false;
            seam.park(this, deadline);
        }
        return true;
    }

    /** Wake the M if it sleeps on its note, tolerating one that is already woken (runtime exit only). */
    void notewakeupForExit() {
        if (KEY.compareAndSet(this, 0, 1)) sched.seam.unpark(this);
    }

    /** notewakeup: wake the M sleeping on this note. A second wakeup before a clear is a runtime error. */
    void notewakeup() {
        if (!KEY.compareAndSet(this, 0, 1)) {
            throw new SchedulerError("notewakeup: double wakeup of m" + id);
        }
        sched.seam.unpark(this);
    }

    @Override public String toString() { return "m" + id; }
}
