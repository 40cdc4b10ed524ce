package sched.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Probe points off versus absent. The same loop (128 runqput into the ring, 128 runqget, plus a runnext put and
 * get) runs on:
 * <ul>
 *   <li>{@code probesOff}: the real {@link P}, in a fork with {@code -Dsched.probes=false} (production);</li>
 *   <li>{@code probesAbsent}: {@link NoProbeRing}, a copy of P's run-queue code with every probe line deleted;</li>
 *   <li>{@code probesOn}: the real P in a fork with {@code -Dsched.probes=true} (what the conformance driver
 *       runs), to show what the probes cost when they are on.</li>
 * </ul>
 * Off should equal absent within noise: {@code Probes.ENABLED} is a static final, so C2 folds the guarded
 * calls away.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Xss4m",
        "-Dsched.probes=false"})
public class ProbeBenchmark {
    static final int BATCH = 128;
    P p;
    NoProbeRing copy;
    G[] gs;

    @Setup public void setup() {
        GoRuntime rt = new GoRuntime(new Config().gomaxprocs(1));
        p = new P(rt.sched, 0);
        copy = new NoProbeRing(rt.sched);
        gs = new G[BATCH];
        for (int i = 0; i < BATCH; i++) gs[i] = new G(rt.sched);
        if (Probes.ENABLED != Boolean.getBoolean("sched.probes")) throw new IllegalStateException("probes flag");
    }

    private void loopP(Blackhole bh) {
        P q = p;
        for (G g : gs) q.runqput(g, false);
        for (int i = 0; i < BATCH; i++) bh.consume(q.runqget());
        q.runqput(gs[0], true);
        bh.consume(q.runqget());
    }

    @Benchmark @OperationsPerInvocation(BATCH + 1)
    public void probesOff(Blackhole bh) {
        if (Probes.ENABLED) throw new IllegalStateException("this fork must run with -Dsched.probes=false");
        loopP(bh);
    }

    @Benchmark @OperationsPerInvocation(BATCH + 1)
    public void probesAbsent(Blackhole bh) {
        NoProbeRing q = copy;
        for (G g : gs) q.runqput(g, false);
        for (int i = 0; i < BATCH; i++) bh.consume(q.runqget());
        q.runqput(gs[0], true);
        bh.consume(q.runqget());
    }

    @Benchmark @OperationsPerInvocation(BATCH + 1)
    @Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Xss4m",
            "-Dsched.probes=true"})
    public void probesOn(Blackhole bh) {
        if (!Probes.ENABLED) throw new IllegalStateException("this fork must run with -Dsched.probes=true");
        loopP(bh);
    }

    /**
     * A copy of P's run queue (runqput, runqputslow, runqget, runqgrab, runqsteal; same fields, same VarHandle
     * accesses) with the {@code if (Probes.ENABLED) probe(...)} and {@code if (HistoryHooks.ENABLED) ...} lines
     * deleted (HistoryHookBenchmark uses it too). Keep in step with P when P's ring changes.
     */
    static final class NoProbeRing {
        static final int RUNQ_SIZE = P.RUNQ_SIZE, MASK = RUNQ_SIZE - 1;
        private static final VarHandle HEAD, TAIL, RUNNEXT;

        static {
            try {
                MethodHandles.Lookup l = MethodHandles.lookup();
                HEAD = l.findVarHandle(NoProbeRing.class, "runqhead", int.class);
                TAIL = l.findVarHandle(NoProbeRing.class, "runqtail", int.class);
                RUNNEXT = l.findVarHandle(NoProbeRing.class, "runnext", G.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final Sched sched;
        private final G[] runq = new G[RUNQ_SIZE];
        @SuppressWarnings("unused") private volatile int runqhead;
        @SuppressWarnings("unused") private volatile int runqtail;
        @SuppressWarnings("unused") private volatile G runnext;
        private final G[] batch = new G[RUNQ_SIZE / 2 + 1];
        boolean lastInherit;

        NoProbeRing(Sched sched) { this.sched = sched; }

        void runqput(G gp, boolean next) {
            if (next) {
                G old;
                do {
                    old = runnext;
                } while (!RUNNEXT.compareAndSet(this, old, gp));
                if (old == null) return;
                gp = old;
            }
            for (;;) {
                int h = (int) HEAD.getAcquire(this);
                int t = runqtail;
                if (t - h < RUNQ_SIZE) {
                    runq[t & MASK] = gp;
                    TAIL.setRelease(this, t + 1);
                    return;
                }
                if (runqputslow(gp, h, t)) return;
            }
        }

        boolean runqputslow(G gp, int h, int t) {
            int n = (t - h) / 2;
            if (n != RUNQ_SIZE / 2) throw new SchedulerError("runqputslow: queue is not full (" + (t - h) + ")");
            G[] b = batch;
            for (int i = 0; i < n; i++) b[i] = runq[(h + i) & MASK];
            if (!HEAD.compareAndSet(this, h, h + n)) return false;
            b[n] = gp;
            for (int i = 0; i < n; i++) b[i].schedlink = b[i + 1];
            b[n].schedlink = null;
            sched.globrunqputbatch(b[0], b[n], n + 1);
            java.util.Arrays.fill(b, 0, n + 1, null);
            sched.counters.runqputslow.increment();
            return true;
        }

        G runqget() {
            G next = runnext;
            if (next != null && RUNNEXT.compareAndSet(this, next, null)) {
                lastInherit = true;
                return next;
            }
            for (;;) {
                int h = (int) HEAD.getAcquire(this);
                int t = runqtail;
                if (t == h) return null;
                G gp = runq[h & MASK];
                if (HEAD.compareAndSet(this, h, h + 1)) {
                    lastInherit = false;
                    return gp;
                }
            }
        }

        /** runqgrab without the probes and hooks (the thief's 3 us pause left out: the benchmark never takes runnext). */
        int runqgrab(G[] dst, int dstHead, boolean stealRunNextG) {
            for (;;) {
                int h = (int) HEAD.getAcquire(this);
                int t = (int) TAIL.getAcquire(this);
                int n = t - h;
                n = n - n / 2;
                if (n == 0) {
                    if (stealRunNextG) {
                        G next = runnext;
                        if (next != null) {
                            if (!RUNNEXT.compareAndSet(this, next, null)) continue;
                            dst[dstHead & MASK] = next;
                            return 1;
                        }
                    }
                    return 0;
                }
                if (n > RUNQ_SIZE / 2) continue;
                for (int i = 0; i < n; i++) dst[(dstHead + i) & MASK] = runq[(h + i) & MASK];
                if (HEAD.compareAndSet(this, h, h + n)) return n;
            }
        }

        /** runqsteal without the hooks: half the victim's ring into this one, the last G returned. */
        G runqsteal(NoProbeRing victim) {
            int t = runqtail;
            int n = victim.runqgrab(runq, t, false);
            if (n == 0) return null;
            n--;
            G gp = runq[(t + n) & MASK];
            runq[(t + n) & MASK] = null;
            if (n == 0) return gp;
            int h = (int) HEAD.getAcquire(this);
            if (t - h + n >= RUNQ_SIZE) throw new SchedulerError("runqsteal: runq overflow");
            TAIL.setRelease(this, t + n);
            return gp;
        }
    }
}
