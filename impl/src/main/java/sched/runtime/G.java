package sched.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * A goroutine. Its stack is a one-shot {@link Continuation}: {@code execute} mounts it on the current M's thread
 * with {@code run()}, and every blocking point ({@code gopark}, {@code Gosched}, preemption) unmounts it with
 * {@code Continuation.yield}. A continuation cannot be restarted, so a recycled G gets a fresh one.
 *
 * <p>Status changes go through {@link #casgstatus}, which allows only the transitions below and reports an
 * illegal one naming both states (Go's "casgstatus: bad incoming values"):
 * <pre>
 *   idle/dead -> runnable           newproc
 *   runnable  -> running            execute
 *   running   -> runnable           gosched, preemption, exitsyscall without a P
 *   running   -> waiting            gopark
 *   waiting   -> runnable           goready
 *   running   -> syscall -> running entersyscall / exitsyscall
 *   syscall   -> runnable           exitsyscall that found no P
 *   running   -> dead               goexit
 * </pre>
 */
public final class G {
    public static final int IDLE = 0, RUNNABLE = 1, RUNNING = 2, SYSCALL = 3, WAITING = 4, DEAD = 6;
    static final ContinuationScope SCOPE = new ContinuationScope("goroutine");

    private static final boolean[][] LEGAL = new boolean[7][7];

    static {
        allow(IDLE, RUNNABLE);
        allow(DEAD, RUNNABLE);
        allow(RUNNABLE, RUNNING);
        allow(RUNNING, RUNNABLE);
        allow(RUNNING, WAITING);
        allow(WAITING, RUNNABLE);
        allow(RUNNING, SYSCALL);
        allow(SYSCALL, RUNNING);
        allow(SYSCALL, RUNNABLE);
        allow(RUNNING, DEAD);
    }

    private static void allow(int from, int to) { LEGAL[from][to] = true; }

    public static String statusName(int s) {
        return switch (s) {
            case IDLE -> "idle";
            case RUNNABLE -> "runnable";
            case RUNNING -> "running";
            case SYSCALL -> "syscall";
            case WAITING -> "waiting";
            case DEAD -> "dead";
            default -> "status" + s;
        };
    }

    private static final VarHandle STATUS;
    static final VarHandle SELECT_DONE;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATUS = l.findVarHandle(G.class, "status", int.class);
            SELECT_DONE = l.findVarHandle(G.class, "selectDone", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The scheduler this G belongs to. */
    final Sched sched;
    /** Goroutine id; a recycled G gets a new one (goid 1 is the main goroutine). */
    long goid;
    private volatile int status = IDLE;
    Continuation cont;
    Runnable fn;
    /** The M running this G, while it runs. */
    M m;
    /** Link in the global run queue, the free lists and the syscall/inject lists. */
    G schedlink;
    /** Why the continuation last yielded: what the M must do with it now (park_m, gosched_m, ...). */
    int yieldReason;
    WaitReason waitreason;
    /** Set by sysmon when the G ran longer than a time slice; honoured at the next safe point. */
    volatile boolean preempt;
    /** The exception that escaped fn, if any: the run ends with it (Go's panic). */
    Throwable panic;
    /** Select: 1 once some case has won the race to wake this G. */
    volatile int selectDone;
    /** Set by the waker of a parked G (the sudog that fired, for channels and select). */
    Object param;
    /** LockOSThread: the M this G is locked to, and the nesting count. */
    M lockedm;
    int lockedExt;
    /** Parked in a timer sleep (for checkdead). */
    boolean sleeping;
    /** Creation site label for traces and dumps. */
    String label;

    G(Sched sched) { this.sched = sched; }

    public long goid() { return goid; }

    public int status() { return status; }

    public String statusName() { return statusName(status); }

    public WaitReason waitReason() { return waitreason; }

    public String label() { return label; }

    /** Move from {@code from} to {@code to} by compare-and-set; any other transition is a runtime error. */
    void casgstatus(int from, int to) {
        if (!LEGAL[from][to]) {
            throw new SchedulerError("casgstatus: illegal transition of goroutine " + goid + " from "
                    + statusName(from) + " to " + statusName(to));
        }
        if (!STATUS.compareAndSet(this, from, to)) {
            throw new SchedulerError("casgstatus: goroutine " + goid + " is " + statusName(status)
                    + ", expected " + statusName(from) + " (moving to " + statusName(to) + ")");
        }
    }

    /** A fresh continuation for fn; the body records an escaping exception as this G's panic. */
    void newContinuation(Runnable body) {
        this.fn = body;
        this.panic = null;
        this.cont = new Continuation(SCOPE, this::body) {
            @Override protected void onPinned(Continuation.Pinned reason) {
                throw new SchedulerError("goroutine " + goid + " cannot block here: its continuation is pinned ("
                        + reason + "): it holds a monitor (synchronized) or is inside a native frame. Use"
                        + " sched.runtime.Mutex or a java.util.concurrent lock instead of synchronized.");
            }
        };
    }

    private void body() {
        try {
            fn.run();
        } catch (Throwable t) {
            panic = t;
        }
    }

    @Override public String toString() { return "g" + goid + "[" + statusName() + "]"; }
}
