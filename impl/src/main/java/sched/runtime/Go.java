package sched.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The goroutine API, for code running inside {@link GoRuntime#run}. Blocking operations called from a thread that
 * is not a goroutine fail with IllegalStateException, as they would have no goroutine to park.
 *
 * <h2>What blocks what</h2>
 * Goroutine operations ({@link Chan}, {@link Select}, {@link WaitGroup}, {@link Mutex}, {@link #sleep},
 * {@link #gosched}) park the goroutine and free its M for other goroutines. Any other blocking Java call
 * (file I/O, {@code Thread.sleep}, a JDBC call, {@code Object.wait}, a {@code java.util.concurrent} lock) blocks
 * the M's thread: wrap it in {@link #syscall} so that the P is handed to another M meanwhile, or it pins the
 * M and its P for the duration. Do not hold a monitor ({@code synchronized}) across a goroutine operation: the
 * goroutine may resume on another thread.
 *
 * <h2>Preemption</h2>
 * The JVM cannot stop a continuation at an arbitrary instruction: {@code Continuation.tryPreempt} exists in
 * JDK 25 but is not implemented (it throws UnsupportedOperationException; a test checks this), and a yield is
 * only possible from the goroutine's own code. So sysmon <em>marks</em> a goroutine that has run 10ms on one
 * time slice, and it yields at its next safe point: any channel operation, select, sleep, Gosched, or
 * {@link #checkpoint}, which a tight loop should call now and then (it costs one field read when not marked).
 */
public final class Go {
    private Go() {}

    /** {@code go fn()}: start a goroutine. Returns its id. */
    public static long go(Runnable fn) {
        Objects.requireNonNull(fn, "goroutine task must not be null");
        M m = Sched.currentM("Go.go");
        return m.sched.newproc(m, fn, null).goid;
    }

    /** Start a goroutine with a label shown in deadlock reports and dumps. */
    public static long go(String label, Runnable fn) {
        Objects.requireNonNull(fn, "goroutine task must not be null");
        M m = Sched.currentM("Go.go");
        return m.sched.newproc(m, fn, label).goid;
    }

    /** runtime.Gosched: yield; the goroutine goes to the global queue and runs again later. */
    public static void gosched() { Sched.gosched(); }

    /**
     * A cheap safe point for tight loops: yields only when sysmon has marked this goroutine for preemption
     * (it ran longer than a time slice).
     */
    public static void checkpoint() { Sched.checkpoint(); }

    /** The calling goroutine's id. */
    public static long goid() { return Sched.currentG("Go.goid").goid; }

    /** True when the caller is a goroutine. */
    public static boolean inGoroutine() { return Sched.currentMOrNull() != null; }

    /** time.Sleep: park this goroutine for at least {@code d} (the seam's clock). */
    public static void sleep(Duration d) {
        G gp = Sched.currentG("Go.sleep");
        Sched.checkpoint(gp);
        Sched.sleep(gp, Objects.requireNonNull(d, "duration").toNanos());
    }

    /** time.After: a channel that receives the clock's value once {@code d} has passed. */
    public static Chan<Long> after(Duration d) { return new Timer(d).c(); }

    /**
     * Run a blocking call that the scheduler cannot see into (file I/O, a platform sleep, JDBC) as Go runs a
     * syscall: the P is released for the duration (sysmon hands it to another M if the call lasts more than
     * about 20us), and taken back, or another one, or the global queue, when it returns. Exceptions pass through.
     */
    public static <T> T syscall(Callable<T> call) throws Exception {
        Objects.requireNonNull(call, "syscall body must not be null");
        G gp = Sched.currentG("Go.syscall");
        Sched.checkpoint(gp);
        SchedEvents.Syscall ev = new SchedEvents.Syscall();
        ev.begin();
        int tick = gp.m.p.syscalltick;
        P before = gp.m.p;
        Sched.entersyscall(gp);
        try {
            return call.call();
        } finally {
            Sched.exitsyscall(gp);
            if (ev.shouldCommit()) {
                ev.goid = gp.goid;
                ev.lostP = gp.m.p != before || before.syscalltick != tick + 2;
                ev.commit();
            }
        }
    }

    /** syscall for a call without a result. */
    public static void syscall(ThrowingRunnable call) throws Exception {
        Objects.requireNonNull(call, "syscall body must not be null");
        syscall(() -> {
            call.run();
            return null;
        });
    }

    /** A blocking action for {@link #syscall(ThrowingRunnable)}. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    /**
     * runtime.LockOSThread: wire the calling goroutine to its M (thread) until a matching unlock. The M runs no
     * other goroutine meanwhile; if the goroutine exits while locked, the thread exits with it, as in Go.
     */
    public static void lockOSThread() { Sched.lockOSThread(Sched.currentG("Go.lockOSThread")); }

    /** runtime.UnlockOSThread. */
    public static void unlockOSThread() { Sched.unlockOSThread(Sched.currentG("Go.unlockOSThread")); }

    /** The thread the calling goroutine runs on now (for tests of LockOSThread). */
    public static Thread currentM() { return Sched.currentM("Go.currentM").thread; }

    /** runtime.GOMAXPROCS(n): change the number of Ps (stops the world briefly); returns the old value. */
    public static int gomaxprocs(int n) {
        G gp = Sched.currentG("Go.gomaxprocs");
        Sched s = gp.sched;
        int old = s.gomaxprocs;
        if (n != old) s.setGomaxprocs(gp, n);
        return old;
    }

    /** runtime.GOMAXPROCS(0): the current number of Ps. */
    public static int gomaxprocs() { return Sched.currentG("Go.gomaxprocs").sched.gomaxprocs; }

    /** runtime.NumGoroutine. */
    public static int numGoroutine() { return Sched.currentG("Go.numGoroutine").sched.liveGoroutines().size(); }
}
