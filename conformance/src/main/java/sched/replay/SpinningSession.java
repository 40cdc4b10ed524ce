package sched.replay;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import sched.runtime.Config;
import sched.runtime.DeterministicSeam;
import sched.runtime.DeterministicSeam.Kind;
import sched.runtime.DeterministicSeam.Stop;
import sched.runtime.G;
import sched.runtime.GoRuntime;
import sched.runtime.M;
import sched.runtime.MState;
import sched.runtime.Probes;
import sched.runtime.Seam;
import sched.runtime.Snapshot;
import sched.runtime.Step;
import sched.trace.Json;

/**
 * A real Java runtime built for Spinning.tla's grain and driven one M step at a time: GOMAXPROCS = |Ps|, the
 * ring capacity = Cap, the 61st-tick check and sysmon off (Spinning.tla has neither), at most |Ms| Ms, the
 * deterministic seam stopping Ms at the probes of Spinning.tla's actions (RunQueue.tla's memory steps inside
 * runqput/runqget/runqgrab pass), and scripted goroutines ({@link Script}).
 *
 * <p>Boot: the runtime's own start is the spec's Init: m0 takes P0, creates the main goroutine (a NewProc probe),
 * picks it (RunqGet) and runs it (Execute); from there on m0 runs g1 on p1, every other P is idle, every other M
 * unstarted. The replay driver and the property engine both start from that state.
 */
public final class SpinningSession implements AutoCloseable {
    /** Spinning.tla's actions: the probe labels at which an M stops. */
    public static final Set<Step> ACTIONS = EnumSet.of(Step.NewProc, Step.GoReady, Step.WakeP, Step.WakePSkip,
            Step.StartM, Step.StartMUndo, Step.AcquireP, Step.RunqGet, Step.GlobRunqGet, Step.StartSpinning,
            Step.RunqSteal, Step.StealFail, Step.ReleaseP, Step.DropSpinning, Step.RecheckAllP, Step.StopM,
            Step.ResetSpinning, Step.Execute, Step.GoPark, Step.GoExit, Step.Gosched);

    final Snapshot.Names names;
    final DeterministicSeam ds;
    final GoRuntime rt;
    final Script script;
    /** Runs the runtime ({@code GoRuntime.run} blocks until the run ends) on a pooled thread: see {@link #RUNNERS}. */
    private final java.util.concurrent.FutureTask<Void> runner;
    private boolean started;

    /**
     * The threads that call {@code GoRuntime.run} for sessions, reused from one session to the next: a replay of the
     * corpus starts thousands of sessions, and starting a thread for each cost more than the steps of a short
     * trace. A thread here only waits in {@code run} for its runtime to end (the Ms are the runtime's own threads).
     */
    private static final java.util.concurrent.ExecutorService RUNNERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sched-replay-runtime");
        t.setDaemon(true);
        return t;
    });
    private volatile Throwable runFailure;
    private boolean closed;

    /**
     * @param ms  M names; the i-th is the M the runtime creates i-th (ms[0] runs g1 at Init)
     * @param ps  P names; the i-th is P i (ps[0] is m0's P, the rest are idle at Init in this order)
     * @param gs  goroutine slot names; gs[0] is the main goroutine (g1)
     * @param cap the ring capacity (a power of two)
     */
    public SpinningSession(List<String> ms, List<String> ps, List<String> gs, int cap) {
        this(ms, ps, gs, cap, null, 0, new int[0]);
    }

    /**
     * As above, with a wrapper around the deterministic seam ({@code wrap}: tests that break the seam on purpose;
     * null: none), Go's global-queue check every {@code checkPeriod}-th schedule tick (0: off, as Spinning.tla;
     * the starvation property turns it on), and shared channels of the given capacities for scenarios. The Ms also stop at the Schedule61 and Preempt probes, which
     * Spinning.tla does not have: they fire only with the check on, or when the driver plays sysmon.
     */
    public SpinningSession(List<String> ms, List<String> ps, List<String> gs, int cap,
                           java.util.function.UnaryOperator<Seam> wrap, int checkPeriod, int[] sharedChannelCaps) {
        if (!Probes.ENABLED) {
            throw new IllegalStateException("replay needs probes: run the JVM with -Dsched.probes=true");
        }
        this.names = new Snapshot.Names(ms, ps, gs);
        EnumSet<Step> stops = EnumSet.copyOf(ACTIONS);
        stops.add(Step.Schedule61);
        stops.add(Step.Preempt);
        this.ds = new DeterministicSeam(stops);
        Seam seam = wrap == null ? ds : wrap.apply(ds);
        Config cfg = new Config().gomaxprocs(ps.size()).seam(seam).globalCheckPeriod(checkPeriod).sysmon(false)
                .runqSize(cap).maxMCount(ms.size());
        this.rt = new GoRuntime(cfg);
        ds.install(rt);
        this.script = new Script(ds, sharedChannelCaps);
        String g1 = gs.getFirst();
        this.runner = new java.util.concurrent.FutureTask<>(() -> {
            try {
                rt.run(script.body(g1));
            } catch (Throwable t) {
                runFailure = t;
            }
        }, null);
    }

    /**
     * Start the runtime and take it to the spec's Init state. Returns null on success, else what went wrong
     * (the runtime's own start did not follow NewProc, RunqGet, Execute).
     */
    public String boot() {
        started = true;
        RUNNERS.execute(runner);
        M m0;
        try {
            ds.awaitStart();
            m0 = ds.started().getFirst();
            for (Step want : new Step[] {Step.NewProc, Step.RunqGet, Step.Execute}) {
                Stop s = ds.step(m0);
                if (s.kind() != Kind.PROBE || s.step() != want) {
                    return "the runtime's start stopped at " + s + ", expected probe " + want + failureSuffix();
                }
            }
        } catch (RuntimeException e) {
            return "the runtime did not start: " + e.getMessage() + failureSuffix();
        }
        G main = m0.curg();
        if (main == null) return "m0 runs no goroutine after its start";
        names.bind(names.gs().getFirst(), main);
        return null;
    }

    /** The Java M named {@code name}, or null when the runtime has not created it (yet). */
    public M m(String name) {
        int i = names.mIndex(name);
        if (i < 0) return null;
        List<M> all = ds.allm();
        return i < all.size() ? all.get(i) : null;
    }

    /**
     * Let {@code m} take one step. A step that ends at StopM goes on until the M is asleep in park (an internal
     * transition: the same abstract state), so that only a wakeup (startm's notewakeup) lets it run again.
     */
    public Stop step(M m) {
        Stop s = ds.step(m);
        if (s != null && s.kind() == Kind.PROBE && s.step() == Step.StopM) {
            Stop settled = ds.step(m);
            if (settled == null || settled.kind() != Kind.PARK) {
                return new Stop(m, Kind.EXIT, null, "after StopM the M did not go to sleep but reached " + settled);
            }
        }
        return s;
    }

    /** Whether {@code m} can take a step now: its thread is at a gate, and if asleep it was woken. */
    public boolean enabled(M m) {
        Stop s = ds.stopOf(m);
        if (s == null) return false;
        return switch (s.kind()) {
            case START, PROBE, WAIT -> true;
            case PARK -> ds.woken(m);
            case EXIT -> false;
        };
    }

    /** The goroutine slot running on {@code m}, or null. */
    public String running(M m) {
        G g = m.curg();
        return g == null ? null : names.g(g);
    }

    /** After a NewProc step of {@code m}: bind slot {@code g} to the G in runnext of m's P (where newproc put it). */
    public boolean bindNew(M m, String g) {
        if (m.p() == null) return false;
        G ng = m.p().runnext();
        if (ng == null || !g.equals(ng.label())) return false;
        names.bind(g, ng);
        return true;
    }

    public LinkedHashMap<String, Object> snapshot() {
        return Snapshot.spinning(rt, names);
    }

    public Json.JObject snapshotJson() {
        return (Json.JObject) JsonState.toJson(snapshot());
    }

    /** Whether M {@code m} is at rest in the spec's sense: running a G, parked, or not created. */
    public static boolean atRest(MState pc) {
        return pc == MState.running || pc == MState.parked || pc == MState.unstarted;
    }

    public DeterministicSeam seam() { return ds; }

    public Script script() { return script; }

    public Snapshot.Names names() { return names; }

    public GoRuntime runtime() { return rt; }

    /** The failure that ended the runtime, if it ended. */
    public Throwable runFailure() { return runFailure; }

    String failureSuffix() {
        Throwable f = runFailure;
        return f == null ? "" : " (the runtime failed: " + f + ")";
    }

    /** Stop the runtime: leave deterministic mode, end the run, wait a little for its threads. */
    @Override public void close() {
        if (closed) return;
        closed = true;
        // End the run first (exiting, every idle M's note set: no M holds a lock at a gate), then open the gates:
        // each M sees it must exit. A seam that drops wakeups cannot strand an M this way.
        rt.abort(new Finished());
        ds.release();
        try {
            if (started) runner.get(2_000, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // As with a thread join that timed out: the run's failure, if any, is in runFailure.
        }
    }

    /** The throwable a finished session ends its runtime with. */
    static final class Finished extends RuntimeException {
        Finished() { super("replay finished", null, false, false); }
    }
}
