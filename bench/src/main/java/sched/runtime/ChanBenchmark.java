package sched.runtime;

import java.util.concurrent.ArrayBlockingQueue;
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
 * Channel hand-off without blocking. {@code trySendTryRecv}: Chan(1) non-blocking send then receive from a
 * plain thread (the lock and the buffer only). {@code sendRecvInGoroutine}: blocking send then receive on a
 * Chan(1) inside a goroutine (adds the checkpoint and the current-M look-up; never parks). {@code
 * arrayBlockingQueue}: offer then poll on an ArrayBlockingQueue(1), the j.u.c. reference. The hand-off that
 * parks is SwitchBenchmark.chanPingPong*.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Xss4m"})
public class ChanBenchmark {
    static final int N = 100_000;
    Chan<Long> c;
    ArrayBlockingQueue<Long> q;
    final Long one = 1L;

    @Setup public void setup() {
        c = new Chan<>(1);
        q = new ArrayBlockingQueue<>(1);
    }

    @Benchmark
    public Object trySendTryRecv() {
        c.trySend(one);
        return c.tryRecv();
    }

    @Benchmark
    public Long arrayBlockingQueue() {
        q.offer(one);
        return q.poll();
    }

    @Benchmark @OperationsPerInvocation(N)
    public void sendRecvInGoroutine(Blackhole bh) {
        GoRuntime.run(new Config().gomaxprocs(1), () -> {
            Chan<Long> ch = new Chan<>(1);
            for (int i = 0; i < N; i++) {
                ch.send(one);
                bh.consume(ch.recv());
            }
        });
    }
}
