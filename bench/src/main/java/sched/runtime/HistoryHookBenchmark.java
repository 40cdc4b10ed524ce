package sched.runtime;


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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * History hooks off versus absent, on the global run queue. The same loop (128 globrunqput, then 128 globrunqget
 * of one G each) runs on:
 * <ul>
 *   <li>{@code hooksOff}: the real {@link GlobalRunq}, in a fork with {@code -Dsched.record=false} (production);</li>
 *   <li>{@code hooksAbsent}: {@link NoHookGlobalRunq}, a copy of GlobalRunq's code with the hook lines deleted;</li>
 *   <li>{@code hooksOn}: the real GlobalRunq in a fork with {@code -Dsched.record=true} and a hook installed
 *       that only counts, to show what the sites cost when on (process lookup, goid lists, the calls).</li>
 * </ul>
 * Off should equal absent within noise: {@link HistoryHooks#ENABLED} is a static final, so C2 folds the guarded
 * calls away.
 *
 * <p>The same three for a P's local run queue ({@code runq*}): per round, the owner puts 128 Gs (every other one
 * through runnext, which kicks the previous one to the ring), a thief P steals half with runqsteal, and both
 * drain their queues with runqget; a score is per G round trip (put and get, or put and steal). The absent side is
 * {@link ProbeBenchmark.NoProbeRing}, the copy of P's run queue that has neither the hook lines nor the (equally
 * folded) Probes lines.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Xss4m",
        "-Dsched.record=false"})
public class HistoryHookBenchmark {
    static final int BATCH = 128;
    GlobalRunq q;
    NoHookGlobalRunq copy;
    P pp;
    G[] gs;
    long events;

    P owner, thief;
    ProbeBenchmark.NoProbeRing copyOwner, copyThief;

    @Setup public void setup() {
        GoRuntime rt = new GoRuntime(new Config().gomaxprocs(1));
        q = new GlobalRunq();
        copy = new NoHookGlobalRunq();
        pp = new P(rt.sched, 0);
        gs = new G[BATCH];
        for (int i = 0; i < BATCH; i++) gs[i] = new G(rt.sched);
        owner = new P(rt.sched, 0);
        thief = new P(rt.sched, 1);
        copyOwner = new ProbeBenchmark.NoProbeRing(rt.sched);
        copyThief = new ProbeBenchmark.NoProbeRing(rt.sched);
        if (HistoryHooks.ENABLED != Boolean.getBoolean("sched.record")) throw new IllegalStateException("record flag");
        if (HistoryHooks.ENABLED) HistoryHooks.install((obj, process, type, f, value) -> events++);
    }

    @TearDown public void tearDown() {
        if (HistoryHooks.ENABLED) HistoryHooks.install(null);
    }

    @Benchmark @OperationsPerInvocation(2 * BATCH)
    public void hooksOff(Blackhole bh) {
        if (HistoryHooks.ENABLED) throw new IllegalStateException("this fork must run with -Dsched.record=false");
        GlobalRunq r = q;
        for (G g : gs) r.globrunqput(g);
        for (int i = 0; i < BATCH; i++) bh.consume(r.globrunqget(pp, 1, 1));
    }

    @Benchmark @OperationsPerInvocation(2 * BATCH)
    public void hooksAbsent(Blackhole bh) {
        NoHookGlobalRunq r = copy;
        for (G g : gs) r.globrunqput(g);
        for (int i = 0; i < BATCH; i++) bh.consume(r.globrunqget(pp, 1, 1));
    }

    @Benchmark @OperationsPerInvocation(2 * BATCH)
    @Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Xss4m",
            "-Dsched.record=true"})
    public void hooksOn(Blackhole bh) {
        if (!HistoryHooks.ENABLED) throw new IllegalStateException("this fork must run with -Dsched.record=true");
        GlobalRunq r = q;
        for (G g : gs) r.globrunqput(g);
        for (int i = 0; i < BATCH; i++) bh.consume(r.globrunqget(pp, 1, 1));
    }

    @Benchmark @OperationsPerInvocation(BATCH)
    public void runqHooksOff(Blackhole bh) {
        if (HistoryHooks.ENABLED) throw new IllegalStateException("this fork must run with -Dsched.record=false");
        runqRound(owner, thief, bh);
    }

    @Benchmark @OperationsPerInvocation(BATCH)
    public void runqHooksAbsent(Blackhole bh) {
        ProbeBenchmark.NoProbeRing o = copyOwner, t = copyThief;
        for (int i = 0; i < BATCH; i++) o.runqput(gs[i], (i & 1) == 0);
        bh.consume(t.runqsteal(o));
        for (G g; (g = o.runqget()) != null; ) bh.consume(g);
        for (G g; (g = t.runqget()) != null; ) bh.consume(g);
    }

    @Benchmark @OperationsPerInvocation(BATCH)
    @Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Xss4m",
            "-Dsched.record=true"})
    public void runqHooksOn(Blackhole bh) {
        if (!HistoryHooks.ENABLED) throw new IllegalStateException("this fork must run with -Dsched.record=true");
        runqRound(owner, thief, bh);
    }

    private void runqRound(P o, P t, Blackhole bh) {
        for (int i = 0; i < BATCH; i++) o.runqput(gs[i], (i & 1) == 0);
        bh.consume(t.runqsteal(o, false, null));
        for (G g; (g = o.runqget()) != null; ) bh.consume(g);
        for (G g; (g = t.runqget()) != null; ) bh.consume(g);
    }

    /** GlobalRunq's put and get with the hook lines deleted (keep in step with GlobalRunq). */
    static final class NoHookGlobalRunq {
        private G head, tail;
        private volatile int size;

        void globrunqput(G gp) {
            gp.schedlink = null;
            if (tail != null) tail.schedlink = gp;
            else head = gp;
            tail = gp;
            size = size + 1;
        }

        G globrunqget(P pp, int max, int gomaxprocs) {
            int sz = size;
            if (sz == 0) return null;
            int n = sz / gomaxprocs + 1;
            if (n > sz) n = sz;
            if (max > 0 && n > max) n = max;
            if (n > pp.size / 2) n = pp.size / 2;
            size = sz - n;
            G gp = head;
            head = gp.schedlink;
            n--;
            for (; n > 0; n--) {
                G gp1 = head;
                head = gp1.schedlink;
                gp1.schedlink = null;
                pp.runqput(gp1, false);
            }
            if (head == null) tail = null;
            gp.schedlink = null;
            return gp;
        }
    }
}
