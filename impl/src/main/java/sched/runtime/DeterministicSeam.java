package sched.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToIntFunction;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * The deterministic side of the {@link Seam}: one M runs at a time, each from one gate to the next, and a driver
 * (the conformance replay or the property engine) says which. Random draws and the clock are the driver's too.
 *
 * <h2>Gates</h2>
 * An M's thread stops, and waits until the driver grants it its next step, at
 * <ul>
 *   <li>{@link Kind#START}: the first thing its thread does (the runtime called {@link #startM});</li>
 *   <li>{@link Kind#PROBE}: every probe whose label is in {@code stopAt} (probes with other labels, e.g. the
 *       RunQueue.tla memory steps inside runqput during a Spinning.tla replay, let the M pass);</li>
 *   <li>{@link Kind#PARK}: inside {@link #park} (notesleep found its note clear): the M sleeps; it returns when
 *       granted again, and the runtime re-checks its note (a grant without a wakeup is a spurious return);</li>
 *   <li>{@link Kind#WAIT}: {@link #await}, a point where goroutine code asks the driver what to do next;</li>
 *   <li>{@link Kind#EXIT}: the M's thread has ended (it waits for nothing; the driver only learns of it).</li>
 * </ul>
 * {@link #step} grants one M and returns when every thread is at a gate again (threads started during the step
 * included), so the driver can read the runtime's state ({@link Snapshot}) with nothing moving. A step that runs
 * longer than the {@linkplain #timeout time-out} (an M stuck in a loop or on a lock) is reported, not waited for.
 *
 * <p>{@link #release} ends deterministic mode: every gate opens and parking becomes real parking, so the runtime
 * can be shut down ({@link GoRuntime#abort}) like a production one.
 *
 * <p>This class lives in {@code sched.runtime} for {@link #install}: it turns on the two replay hooks of {@link
 * Sched} ({@code mainIsOrdinary}, {@code checkdeadSink}). Everything else uses the public seam.
 */
public final class DeterministicSeam implements Seam {
    /** Where an M's thread stands between two steps. */
    public enum Kind { START, PROBE, PARK, WAIT, EXIT }

    /**
     * A stopped M: the gate it is at, the probe's label ({@code PROBE}), or what it waits for ({@code WAIT}), or the
     * failure that ended its thread ({@code EXIT}).
     */
    public record Stop(M m, Kind kind, Step step, String what) {
        @Override public String toString() {
            return "m" + m.id + " at " + switch (kind) {
                case START -> "thread start";
                case PROBE -> "probe " + step;
                case PARK -> "park (asleep on its note)";
                case WAIT -> "wait: " + what;
                case EXIT -> "thread exit" + (what == null ? "" : ": " + what);
            };
        }
    }

    /** Thrown to the driver when a step does not end in time or the runtime breaks the protocol. */
    public static final class StuckException extends RuntimeException {
        StuckException(String msg) { super(msg); }
    }

    private final class Gate {
        final M m;
        volatile Thread thread;
        volatile boolean go;
        volatile Stop at;
        /** Unparked since it last parked (the wakeup of a sleeping M). */
        volatile boolean permit;
        final ArrayDeque<Integer> draws = new ArrayDeque<>();

        Gate(M m) {
            this.m = m;
        }
    }

    private final Set<Step> stopAt;
    private final Map<M, Gate> gates = new ConcurrentHashMap<>();
    private final List<Gate> order = Collections.synchronizedList(new ArrayList<>());
    /** Threads that are running: granted or starting, not yet at a gate. */
    private final AtomicInteger running = new AtomicInteger();
    private volatile Thread driver;
    private volatile boolean free;
    private volatile long clock = 1;
    private volatile long timeoutNanos = TimeUnit.SECONDS.toNanos(20);
    private volatile ToIntFunction<M> drawSource = m -> 0;
    private final List<Throwable> verdicts = Collections.synchronizedList(new ArrayList<>());
    private GoRuntime runtime;

    // The driver as a continuation ({@link #drive}): it runs on whichever thread made every thread quiet.
    private static final ContinuationScope DRIVER = new ContinuationScope("sched-deterministic-driver");
    private volatile Continuation driverCont;
    private volatile boolean driving, driveDone;
    private volatile Throwable driveFailure;
    private volatile Gate pendingGrant;
    private volatile Thread caller;
    private volatile long progress;
    private final java.util.concurrent.atomic.AtomicBoolean driverMounted = new java.util.concurrent.atomic.AtomicBoolean();

    /** @param stopAt the probe labels at which an M stops (the actions of the spec being replayed) */
    public DeterministicSeam(Set<Step> stopAt) {
        this.stopAt = stopAt.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(stopAt);
    }

    /**
     * Bind this seam to the runtime it drives (built with {@code new Config().seam(this)}, or with a seam that
     * delegates to this one): the main goroutine
     * becomes an ordinary one (its return does not end the run) and checkdead's verdicts are collected ({@link
     * #checkdeadVerdicts}) instead of ending the run.
     */
    public void install(GoRuntime rt) {
        this.runtime = rt;
        rt.sched.mainIsOrdinary = true;
        rt.sched.checkdeadSink = verdicts::add;
    }

    // ------------------------------------------------------------------------------------------- the seam

    @Override public long nanotime() { return clock; }

    @Override public int fastrand(M m) {
        Gate g = gates.get(m);
        if (g != null) {
            Integer forced;
            synchronized (g.draws) {
                forced = g.draws.poll();
            }
            if (forced != null) return forced;
        }
        return drawSource.applyAsInt(m);
    }

    @Override public void startM(M m, Runnable body) {
        Gate g = new Gate(m);
        running.incrementAndGet(); // before the gate is visible: the driver must wait for this thread
        gates.put(m, g);
        order.add(g);
        MThread t = new MThread(m, () -> {
            String failure = null;
            try {
                arrive(g, Kind.START, null, null);
                body.run();
            } catch (Throwable e) {
                failure = e.toString();
                throw e;
            } finally {
                g.at = new Stop(m, Kind.EXIT, null, failure);
                if (!free) quiet(); // this thread runs no more
            }
        });
        g.thread = t;
        t.start();
    }

    @Override public void park(M m, long deadline) {
        if (free) {
            // After release: real parking, bounded so that an M whose wakeup was lost (a broken seam under test)
            // still re-checks its note now and then instead of sleeping forever.
            LockSupport.parkNanos(this, 10_000_000L);
            return;
        }
        Gate g = gates.get(m);
        if (g == null) throw new IllegalStateException("park: m" + m.id + " has no gate");
        g.permit = false;
        arrive(g, Kind.PARK, null, null);
    }

    @Override public void unpark(M m) {
        Gate g = gates.get(m);
        if (g != null) g.permit = true;
        Thread t = m.thread;
        if (free && t != null) LockSupport.unpark(t);
    }

    @Override public void pause(M m, long micros) {}

    @Override public void step(M m, Step step) {
        if (free || m == null || !stopAt.contains(step)) return;
        Gate g = gates.get(m);
        if (g == null) return; // not an M of this seam (sysmon)
        arrive(g, Kind.PROBE, step, null);
    }

    /**
     * A gate for goroutine code: the calling goroutine, running on M {@code m}, needs the driver (to be told its next
     * operation). Returns when the driver grants {@code m} again; returns at once after {@link #release}.
     */
    public void await(M m, String what) {
        if (free) return;
        Gate g = gates.get(m);
        if (g == null) throw new IllegalStateException("await: m" + m.id + " has no gate");
        arrive(g, Kind.WAIT, null, what);
    }

    private void arrive(Gate g, Kind kind, Step step, String what) {
        if (free) return;
        g.go = false;
        g.at = new Stop(g.m, kind, step, what);
        quiet();
        int spins = 0;
        while (!g.go && !free) {
            if (++spins < 200) Thread.onSpinWait();
            else LockSupport.park(this);
        }
    }

    /**
     * This thread stops running: if it was the last one, wake the driver (or run it, in {@link #drive}).
     *
     * <p>The mode is read before the decrement, not after. A thread that made the count 0 in thread mode (while the
     * runtime boots to its initial state) can be descheduled right after the decrement; the driver, seeing 0, may
     * then enter {@link #drive}, take its first step and yield before this thread runs on. Reading the mode after
     * the decrement, this thread would see {@code driving} and resume the driver a second time, in the middle of
     * a step it never took part in: the step then returns with its M still running (a replay divergence at step 1,
     * "no gate (still running)", about once in 40 corpus runs on a loaded machine). Read before the decrement, the
     * mode is the one that was in force while this thread was counted as running.
     */
    private void quiet() {
        boolean inDrive = driving && !driveDone;
        if (running.decrementAndGet() == 0) {
            if (inDrive) {
                resumeDriver();
                return;
            }
            Thread d = driver;
            if (d != null) LockSupport.unpark(d);
        }
    }

    /**
     * Run {@code body}, which drives this seam with {@link #step}, as a continuation: whichever thread makes every
     * thread quiet runs the driver on (mounts it) until its next grant, and a grant to the M that is already
     * running costs no thread switch at all. Returns when {@code body} returns (rethrowing what it threw); a step
     * that does not end within the time-out ends it with {@link StuckException}.
     */
    public void drive(Runnable body) {
        if (driving) throw new IllegalStateException("already driving");
        caller = Thread.currentThread();
        driveDone = false;
        driveFailure = null;
        driverCont = new Continuation(DRIVER, () -> {
            try {
                body.run();
            } catch (Throwable t) {
                driveFailure = t;
            } finally {
                driveDone = true;
            }
        });
        driving = true;
        try {
            resumeDriver();
            long seen = progress, since = System.nanoTime();
            while (!driveDone) {
                LockSupport.parkNanos(this, 50_000_000L);
                if (progress != seen) {
                    seen = progress;
                    since = System.nanoTime();
                } else if (System.nanoTime() - since > timeoutNanos && !driveDone) {
                    throw new StuckException("a step did not reach a gate within "
                            + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms" + stuckThreads());
                }
            }
        } finally {
            driving = false;
        }
        Throwable f = driveFailure;
        if (f instanceof RuntimeException re) throw re;
        if (f instanceof Error er) throw er;
        if (f != null) throw new IllegalStateException(f);
    }

    /** Mount the driver on this thread until it grants a step (then grant it) or finishes (then tell the caller). */
    private void resumeDriver() {
        if (!driverMounted.compareAndSet(false, true)) {
            throw new IllegalStateException("deterministic seam: the driver is resumed while it runs (a thread went"
                    + " quiet during a step it was not part of)");
        }
        try {
            driverCont.run();
        } finally {
            driverMounted.set(false);
        }
        if (driveDone) {
            LockSupport.unpark(caller);
            return;
        }
        Gate pg = pendingGrant;
        pendingGrant = null;
        pg.go = true;
        // Unpark even when pg is this thread (a spare permit costs one loop turn): comparing with the current thread
        // here, in code inlined into goroutine bodies that yield, could compare with a stale one (see above).
        LockSupport.unpark(pg.thread);
    }

    private String stuckThreads() {
        StringBuilder sb = new StringBuilder();
        for (Gate g : order.toArray(new Gate[0])) {
            if (g.at == null && g.thread != null) sb.append("; m").append(g.m.id).append(" is at ").append(where(g.thread));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------ the driver

    /** Wait until the runtime's first M (m0) has started and every thread is at a gate. */
    public void awaitStart() {
        long deadline = System.nanoTime() + timeoutNanos;
        while (order.isEmpty()) {
            if (System.nanoTime() - deadline > 0) throw new StuckException("the runtime started no M");
            LockSupport.parkNanos(this, 100_000);
        }
        awaitQuiet(null);
    }

    /**
     * Let M {@code m} take one step: it runs from its gate to its next one. Returns where it stopped, once every
     * thread is at a gate again.
     */
    public Stop step(M m) {
        Gate g = gates.get(m);
        if (g == null) throw new IllegalArgumentException("m" + m.id + " has no thread");
        Stop before = g.at;
        if (before == null || before.kind == Kind.EXIT) {
            throw new IllegalStateException("m" + m.id + " cannot step: " + (before == null ? "running" : before));
        }
        // Inside drive() only the driver steps. Decided by the flag, not by asking which continuation the current
        // thread runs: the driver moves between threads at every yield, and compiled code may keep an earlier
        // thread's identity across the yield (see Carrier: C2 treats the current thread as constant within a
        // compiled method), which would take the thread-mode path below on the wrong thread.
        if (driving) {
            // Inside drive(): hand the grant to the thread that runs us, and wait (suspended) until every thread is
            // quiet again; that thread grants g once we have yielded.
            running.incrementAndGet();
            g.at = null;
            pendingGrant = g;
            if (!Continuation.yield(DRIVER)) throw new IllegalStateException("the driver could not yield");
            progress++;
            return g.at;
        }
        driver = Thread.currentThread();
        running.incrementAndGet();
        g.at = null;
        g.go = true;
        LockSupport.unpark(g.thread);
        awaitQuiet(g);
        return g.at;
    }

    private void awaitQuiet(Gate g) {
        driver = Thread.currentThread();
        long deadline = System.nanoTime() + timeoutNanos;
        int spins = 0;
        while (running.get() != 0) {
            if (++spins < 400) {
                Thread.onSpinWait();
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new StuckException((g == null ? "the runtime" : "m" + g.m.id)
                        + " did not reach a gate within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms"
                        + (g == null || g.thread == null ? "" : "; its thread is at " + where(g.thread)));
            }
            LockSupport.parkNanos(this, Math.min(left, 50_000_000L));
        }
    }

    private static String where(Thread t) {
        StackTraceElement[] st = t.getStackTrace();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(st.length, 12); i++) sb.append("\n    at ").append(st[i]);
        return sb.toString();
    }

    /** Where M {@code m} stands now (null: it has no thread yet). */
    public Stop stopOf(M m) {
        Gate g = gates.get(m);
        return g == null ? null : g.at;
    }

    /** Whether {@code m} was unparked since it last went to sleep in {@link #park}. */
    public boolean woken(M m) {
        Gate g = gates.get(m);
        return g != null && g.permit;
    }

    /** The Ms whose threads have started, in the order they started. */
    public List<M> started() {
        synchronized (order) {
            List<M> out = new ArrayList<>(order.size());
            for (Gate g : order) out.add(g.m);
            return out;
        }
    }

    /** Every M the runtime allocated (started or not), by id. */
    public List<M> allm() {
        if (runtime == null) throw new IllegalStateException("install the seam first");
        return List.copyOf(runtime.sched.allm);
    }

    /** The next draws of {@code m}'s fastrand, in order (before the default source). */
    public void forceDraws(M m, int... draws) {
        Gate g = gates.get(m);
        if (g == null) throw new IllegalArgumentException("m" + m.id + " has no thread");
        synchronized (g.draws) {
            g.draws.clear();
            for (int d : draws) g.draws.add(d);
        }
    }

    /** Forget forced draws that were not used. */
    public void clearDraws(M m) {
        Gate g = gates.get(m);
        if (g != null) synchronized (g.draws) {
            g.draws.clear();
        }
    }

    /** Where fastrand's draws come from when none is forced (default: always 0). */
    public void drawSource(ToIntFunction<M> source) { this.drawSource = source; }

    public void clock(long nanos) { this.clock = nanos; }

    public long clock() { return clock; }

    /** How long one step may take before the driver gives up on it. */
    public void timeout(long millis) { this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(millis); }

    /** checkdead's verdicts so far (deadlock reports and lost-wakeup errors), oldest first. */
    public List<Throwable> checkdeadVerdicts() {
        synchronized (verdicts) {
            return List.copyOf(verdicts);
        }
    }

    /**
     * Play sysmon's part in time-slice preemption: mark the goroutine running on {@code m} (what {@code retake}
     * does once a slice has lasted 10 ms), so it yields at its next safe point (a Preempt step).
     */
    public void preempt(M m) {
        G g = m.curg;
        if (g != null) g.preempt = true;
    }

    /**
     * Replay bootstrap only: set P {@code p}'s schedtick (a spec's Init fixes it, e.g. Fairness.tla's {@code
     * schedtick = 1 % K}; the runtime's own start up to that state counted other ticks).
     */
    public void alignSchedtick(P p, int value) { p.schedtick = value; }

    /** Whether the G picked by {@code m} inherits the current time slice (set when it came from runnext). */
    public static boolean inheritTime(M m) { return m.inheritTime; }

    /** Leave deterministic mode: open every gate; from now on the seam behaves like the production one. */
    public void release() {
        free = true;
        for (Gate g : order.toArray(new Gate[0])) {
            g.go = true;
            Thread t = g.thread;
            if (t != null) LockSupport.unpark(t);
        }
    }

    public boolean released() { return free; }
}
