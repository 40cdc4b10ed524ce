package sched.history.record;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;
import sched.runtime.G;
import sched.runtime.GlobalRunq;
import sched.runtime.P;

/**
 * Lincheck on the runtime's global run queue ({@link GlobalRunq}), stress and model-checking modes. As in the
 * scheduler, put, put-batch and get run under one lock (a ReentrantLock stands in for sched.lock), and the size
 * is also read without it, as findRunnable and the spinning checks do. A get takes its batch with GOMAXPROCS 2
 * into the getter's own P and returns it, first G first. Every operation queues fresh Gs (a G is in at most one
 * queue at a time), their ids given by the parameter. The sequential specification is the same class run
 * sequentially.
 */
@Param(name = "g", gen = IntGen.class, conf = "1:9")
public class GlobalRunqLincheckTest {
    private static final RunqAccess RT = new RunqAccess();

    final GlobalRunq q = new GlobalRunq();
    final ReentrantLock lock = new ReentrantLock();
    private final P pa = RT.newP(0), pb = RT.newP(1);

    @Operation
    public void put(@Param(name = "g") int g) {
        G gp = RT.newG(g);
        lock.lock();
        try {
            q.globrunqput(gp);
        } finally {
            lock.unlock();
        }
    }

    @Operation
    public void putBatch(@Param(name = "g") int g) {
        G a = RT.newG(g), b = RT.newG(g + 10), c = RT.newG(g + 20);
        lock.lock();
        try {
            RunqAccess.globrunqputbatch(q, a, b, c);
        } finally {
            lock.unlock();
        }
    }

    /** Two getters, each with its own P (an M's), so their local queues never mix. */
    @Operation(nonParallelGroup = "getA")
    public List<Long> getA() { return get(pa); }

    @Operation(nonParallelGroup = "getB")
    public List<Long> getB() { return get(pb); }

    private List<Long> get(P pp) {
        G first;
        lock.lock();
        try {
            first = q.globrunqget(pp, 0, 2);
        } finally {
            lock.unlock();
        }
        List<Long> batch = new ArrayList<>();
        if (first == null) return batch;
        batch.add(first.goid());
        for (G g; (g = pp.runqget()) != null; ) batch.add(g.goid());
        return batch;
    }

    /** The size read without the lock (a hint in the scheduler): it must still be some moment's size. */
    @Operation
    public int size() { return q.size(); }

    @Test void stress() {
        new StressOptions().threads(3).actorsPerThread(3).actorsBefore(3).actorsAfter(2)
                .iterations(10).invocationsPerIteration(200).check(GlobalRunqLincheckTest.class);
    }

    @Test void modelChecking() {
        new ModelCheckingOptions().threads(2).actorsPerThread(2).actorsBefore(2).actorsAfter(1)
                .iterations(6).invocationsPerIteration(60).check(GlobalRunqLincheckTest.class);
    }
}
