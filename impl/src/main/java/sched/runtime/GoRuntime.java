package sched.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One Go-style runtime: GOMAXPROCS Ps, the Ms it starts, and the goroutines they run.
 *
 * <pre>
 *   GoRuntime.run(new Config().gomaxprocs(4), () -&gt; {
 *       Chan&lt;Integer&gt; c = new Chan&lt;&gt;(0);
 *       Go.go(() -&gt; c.send(42));
 *       System.out.println(c.recv());
 *   });
 * </pre>
 *
 * {@link #run} returns when the main goroutine returns, as a Go program exits when main does; goroutines still
 * blocked then are abandoned. It throws {@link GoPanic} when an exception escapes any goroutine (naming it),
 * {@link DeadlockException} when every goroutine is blocked with nothing to wake them, and {@link SchedulerError}
 * when the runtime finds one of its own invariants broken.
 */
public final class GoRuntime {
    final Config config;
    final Sched sched;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Throwable failure;
    private volatile boolean started;
    private Sysmon sysmon;

    public GoRuntime(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        this.sched = new Sched(this, config);
    }

    /** Run {@code main} as the main goroutine of a new runtime built from {@code config}. */
    public static void run(Config config, Runnable main) {
        new GoRuntime(config).run(main);
    }

    /** Run {@code main} as this runtime's main goroutine; returns when it returns. A runtime runs once. */
    public void run(Runnable main) {
        Objects.requireNonNull(main, "main goroutine must not be null");
        synchronized (this) {
            if (started) throw new IllegalStateException("this GoRuntime has already run");
            started = true;
        }
        if (Thread.currentThread() instanceof MThread) {
            throw new IllegalStateException("GoRuntime.run called from inside a goroutine; use Go.go instead");
        }
        sched.init(config.gomaxprocs);
        if (config.sysmon || !config.schedtrace.isZero()) {
            sysmon = new Sysmon(sched);
            sysmon.start();
        }
        sched.start(main);
        boolean interrupted = false;
        for (;;) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        shutdown();
        if (interrupted) Thread.currentThread().interrupt();
        Throwable f = failure;
        if (f instanceof RuntimeException re) throw re;
        if (f instanceof Error er) throw er;
        if (f != null) throw new IllegalStateException(f);
    }

    /** End the run from outside (a watchdog, a driver): run() then throws {@code t}. */
    public void abort(Throwable t) { fatal(t, null); }

    /** End the run with {@code t} (the first failure wins). */
    void fatal(Throwable t, Object unused) {
        synchronized (this) {
            if (failure == null) failure = t;
        }
        exit();
    }

    /** The main goroutine returned (or a failure happened): stop every M. */
    void exit() {
        Sched s = sched;
        s.lock.lock();
        try {
            s.exiting = true;
            for (M m; (m = s.mget()) != null; ) m.notewakeup();
            // Ms asleep outside the idle list (locked to a G, or waiting for a stop-the-world) wake too.
            for (M m : s.allm) if (m.curg == null || m.lockedg != null) m.notewakeupForExit();
        } finally {
            s.lock.unlock();
        }
        done.countDown();
    }

    void mexited(M m) {
        Sched s = sched;
        s.lock.lock();
        s.mcount--;
        Throwable dead = s.exiting ? null : s.checkdead();
        s.lock.unlock();
        if (dead != null) fatal(dead, null);
    }

    /**
     * Wait for the Ms to finish; stop sysmon. An M idle or in the scheduler at exit sees {@code exiting} and ends
     * at once. An M still running a goroutine ends when that goroutine next yields or exits: usually within
     * microseconds (the tail of a goroutine that finished just as main returned), but user code that never yields
     * would hold run() forever, so those Ms get {@link #RUNNING_GRACE_MS} in all and are then left behind (Go would
     * kill them with the process; a JVM cannot stop a platform thread).
     */
    private void shutdown() {
        if (sysmon != null) sysmon.stop();
        List<Thread> running = new ArrayList<>();
        for (M m : sched.allm) {
            Thread t = m.thread;
            // An M allocated just before exit may not have its thread yet (startm creates it right after).
            for (long deadline = System.nanoTime() + 1_000_000_000L; t == null && System.nanoTime() < deadline; ) {
                Thread.onSpinWait();
                t = m.thread;
            }
            if (t == null || t == Thread.currentThread()) continue;
            if (m.curg != null && m.curg.status() == G.RUNNING) {
                running.add(t);
                continue;
            }
            if (!join(t, TimeUnit.SECONDS.toNanos(10))) return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUNNING_GRACE_MS);
        for (Thread t : running) {
            if (!join(t, Math.max(1, deadline - System.nanoTime()))) return;
        }
    }

    /** How long exit waits, in all, for Ms that were running a goroutine when main returned. */
    static final long RUNNING_GRACE_MS = 1000;

    /** Joins {@code t} for at most {@code nanos}; false if this thread was interrupted (flag restored). */
    private static boolean join(Thread t, long nanos) {
        try {
            t.join(java.time.Duration.ofNanos(nanos));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------- introspection

    public Counters counters() { return sched.counters; }

    public int gomaxprocs() { return sched.gomaxprocs; }

    /** The runtime of the calling goroutine. */
    public static GoRuntime current() { return Sched.currentM("GoRuntime.current").sched.runtime; }

    /** Threads this runtime started and that are still alive. */
    public int liveThreads() {
        int n = 0;
        for (M m : sched.allm) if (m.thread != null && m.thread.isAlive()) n++;
        if (sysmon != null && sysmon.alive()) n++;
        return n;
    }

    /** For the conformance driver and tests: the scheduler itself. */
    public Sched sched() { return sched; }
}
