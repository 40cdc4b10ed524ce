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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The local run queue, single-threaded (the owner's fast paths): runqput then runqget of a batch through the
 * ring, and the runnext slot (put with next=true, then get), per G. And runqsteal: a thief takes half of a
 * victim's ring; the cycle (fill 64, steal 32, drain both) is compared with the same cycle without the steal.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Xss4m"})
public class RunqBenchmark {
    static final int BATCH = 128;
    P p, victim, thief;
    G[] gs;

    @Setup public void setup() {
        GoRuntime rt = new GoRuntime(new Config().gomaxprocs(2));
        p = new P(rt.sched, 0);
        victim = new P(rt.sched, 1);
        thief = new P(rt.sched, 2);
        gs = new G[BATCH];
        for (int i = 0; i < BATCH; i++) gs[i] = new G(rt.sched);
    }

    /** One runqput (ring) plus one runqget, per G, in batches of 128. */
    @Benchmark @OperationsPerInvocation(BATCH)
    public void putGetRing(Blackhole bh) {
        P q = p;
        for (G g : gs) q.runqput(g, false);
        for (int i = 0; i < BATCH; i++) bh.consume(q.runqget());
    }

    /** runqput into runnext, then runqget from it. */
    @Benchmark
    public G putGetRunnext() {
        p.runqput(gs[0], true);
        return p.runqget();
    }

    /** Fill the victim with 64 Gs and drain it: the baseline for {@link #steal}. */
    @Benchmark
    public void cycleWithoutSteal(Blackhole bh) {
        for (int i = 0; i < 64; i++) victim.runqput(gs[i], false);
        for (G g; (g = victim.runqget()) != null; ) bh.consume(g);
    }

    /** Fill the victim with 64 Gs, steal half into the thief, drain both. */
    @Benchmark
    public void steal(Blackhole bh) {
        for (int i = 0; i < 64; i++) victim.runqput(gs[i], false);
        bh.consume(thief.runqsteal(victim, false, null));
        for (G g; (g = thief.runqget()) != null; ) bh.consume(g);
        for (G g; (g = victim.runqget()) != null; ) bh.consume(g);
    }
}
