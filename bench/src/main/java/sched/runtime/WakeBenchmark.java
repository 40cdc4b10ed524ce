package sched.runtime;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Waking Ms. {@code noteWakeSleep}: the M note itself (notewakeup = unpark, notesleep = park) as a round trip
 * between the benchmark thread and a helper thread: two park/unpark pairs per op, the OS floor under every
 * wakep. {@code spawnAwait}: a goroutine repeatedly starts a goroutine and waits for it (Go.go, WaitGroup); on
 * GOMAXPROCS 1 there is no idle P, on 2 every newproc runs wakep, which wakes the idle M (startm, notewakeup),
 * which spins, finds nothing, and parks again: the difference between the two is what wakep + park/unpark cost
 * in that pattern.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Xss4m"})
public class WakeBenchmark {
    static final int NOTES = 1_000, SPAWNS = 20_000;
    M a, b;
    Thread helper;
    volatile boolean stop;

    @Setup(Level.Iteration) public void startHelper() {
        GoRuntime rt = new GoRuntime(new Config().gomaxprocs(1));
        a = new M(rt.sched, 100);
        b = new M(rt.sched, 101);
        a.thread = Thread.currentThread();
        stop = false;
        helper = Thread.ofPlatform().daemon().start(() -> {
            for (;;) {
                b.notesleep(0);
                b.noteclear();
                if (stop) return;
                a.notewakeup();
            }
        });
        b.thread = helper;
    }

    @TearDown(Level.Iteration) public void stopHelper() throws InterruptedException {
        stop = true;
        b.notewakeup();
        helper.join();
    }

    /** One op: wake the helper, sleep until it wakes us. */
    @Benchmark @OperationsPerInvocation(NOTES)
    public void noteWakeSleep() {
        a.thread = Thread.currentThread();
        for (int i = 0; i < NOTES; i++) {
            a.noteclear();
            b.notewakeup();
            a.notesleep(0);
        }
    }

    @Benchmark @OperationsPerInvocation(SPAWNS)
    public void spawnAwaitProcs1() { spawnAwait(1); }

    @Benchmark @OperationsPerInvocation(SPAWNS)
    public void spawnAwaitProcs2() { spawnAwait(2); }

    static void spawnAwait(int procs) {
        GoRuntime.run(new Config().gomaxprocs(procs), () -> {
            for (int i = 0; i < SPAWNS; i++) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(wg::done);
                wg.await();
            }
        });
    }
}
