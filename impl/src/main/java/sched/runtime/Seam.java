package sched.runtime;

/**
 * The one seam through which every source of nondeterminism in the runtime passes: which M takes the next step
 * (probes at step boundaries), random choices (steal order, {@code randomizeScheduler}), the clock, thread start,
 * and the parking and waking of Ms. {@link #PRODUCTION} uses platform threads, {@code LockSupport}, {@code
 * System.nanoTime} and a per-M xorshift generator; a deterministic implementation (conformance module) lets a
 * driver decide all of these, so replaying a TLC trace, replaying a shrunk property-test failure, and recording a
 * real run are the same machinery.
 *
 * <p>Like Tokio's {@code crate::loom}, the runtime never calls {@code Thread.start}, {@code LockSupport.park},
 * {@code System.nanoTime} or a random generator directly; a test that wants to know where nondeterminism can
 * enter needs to read only this interface.
 */
public interface Seam {
    /** The monotonic clock (Go's nanotime). */
    long nanotime();

    /** A random 32-bit draw made by M {@code m} (Go's fastrand). */
    int fastrand(M m);

    /** Start the thread of a new M; {@code body} is its whole life (mstart). */
    void startM(M m, Runnable body);

    /**
     * Block the calling M (which is {@code m}) until {@link #unpark} or until the clock passes {@code deadline}
     * (0: no deadline). May return spuriously; callers re-check their note.
     */
    void park(M m, long deadline);

    /** Let a parked M go on. */
    void unpark(M m);

    /** Pause the calling M briefly (Go's usleep/osyield in spin loops). */
    void pause(M m, long micros);

    /**
     * Probe: M {@code m} has just finished step {@code step}. Called only when {@link Probes#ENABLED} is true;
     * a deterministic seam blocks here until the driver lets {@code m} take its next step.
     */
    default void step(M m, Step step) {}

    /**
     * A probe of the run queue's memory steps (RunQueue.tla grain) that also publishes the step's in-flight
     * locals, which the Java keeps in registers: {@code local} is the loaded head, the computed grab size or the
     * count taken (per label: {@link P}'s probes say which), {@code held} the G the step holds or took (or null).
     * Only a RunQueue replay reads them; every other seam treats this as {@link #step(M, Step)}.
     */
    default void step(M m, Step step, int local, G held) { step(m, step); }

    Seam PRODUCTION = new ProductionSeam();
}
