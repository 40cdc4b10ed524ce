package sched.runtime;

import java.util.Objects;

/**
 * The goroutine API, for code running inside {@link GoRuntime#run}. Blocking operations called from a thread that
 * is not a goroutine fail with IllegalStateException, as they would have no goroutine to park.
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
     * (it ran longer than a time slice). The JVM cannot stop a continuation at an arbitrary instruction.
     */
    public static void checkpoint() { Sched.checkpoint(); }

    /** The calling goroutine's id. */
    public static long goid() { return Sched.currentM("Go.goid").curg.goid; }

    /** True when the caller is a goroutine. */
    public static boolean inGoroutine() { return Sched.currentMOrNull() != null; }
}
