package sched.runtime;

import java.util.concurrent.TimeUnit;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;
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

/**
 * Continuation switches. {@code rawYieldResume}: the floor, one Continuation.yield plus run of a bare JDK
 * continuation. {@code goschedProcs1}: one goroutine calling Go.gosched on GOMAXPROCS 1 (yield, global queue,
 * schedule, resume). {@code chanPingPongProcs1}: the gopark+goready round trip, two goroutines passing a value
 * over two unbuffered channels on GOMAXPROCS 1; one op is one round trip, i.e. two park/ready pairs. The
 * runtime-based ones start a runtime per invocation (a few threads), amortised over {@value #N} operations.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Xss4m"})
public class SwitchBenchmark {
    static final int N = 100_000;
    static final ContinuationScope SCOPE = new ContinuationScope("bench");
    Continuation cont;

    @Setup public void setup() {
        cont = new Continuation(SCOPE, () -> {
            for (;;) Continuation.yield(SCOPE);
        });
    }

    @Benchmark
    public void rawYieldResume() { cont.run(); }

    @Benchmark @OperationsPerInvocation(N)
    public void goschedProcs1() {
        GoRuntime.run(new Config().gomaxprocs(1), () -> {
            for (int i = 0; i < N; i++) Go.gosched();
        });
    }

    @Benchmark @OperationsPerInvocation(N)
    public long chanPingPongProcs1() { return pingPong(1); }

    /** The same round trip with GOMAXPROCS 2: every goready also runs wakep for the idle P. */
    @Benchmark @OperationsPerInvocation(N)
    public long chanPingPongProcs2() { return pingPong(2); }

    static long pingPong(int procs) {
        long[] out = new long[1];
        GoRuntime.run(new Config().gomaxprocs(procs), () -> {
            Chan<Long> ping = new Chan<>(0), pong = new Chan<>(0);
            Go.go(() -> {
                for (Long v; (v = ping.recv()) != null; ) pong.send(v + 1);
            });
            long v = 0;
            for (int i = 0; i < N; i++) {
                ping.send(v);
                v = pong.recv();
            }
            ping.close();
            out[0] = v;
        });
        if (out[0] != N) throw new IllegalStateException("pingpong returned " + out[0]);
        return out[0];
    }
}
