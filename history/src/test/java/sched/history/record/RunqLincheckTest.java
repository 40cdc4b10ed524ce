package sched.history.record;

import java.util.ArrayList;
import java.util.List;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;
import sched.runtime.G;
import sched.runtime.P;

/**
 * Lincheck on the runtime's P run queue (stress and model-checking modes, small sizes). The owner's
 * operations (put, put-next, get) run on one thread, as in the runtime; a thief thread steals into its own P
 * without taking runnext (stealRunNextG = false, Go's usual steal). The sequential specification is the same
 * queue run sequentially.
 */
@Param(name = "g", gen = IntGen.class, conf = "1:6")
public class RunqLincheckTest {
    private static final RunqAccess RT = new RunqAccess();
    private static final G[] GS = new G[7];

    static {
        for (int i = 1; i < GS.length; i++) GS[i] = RT.newG(i);
    }

    /** Go's findRunnable steals runnext only on its last round; see RunnextStealRaceTest for that case. */
    static final boolean STEAL_RUNNEXT = false;

    private final P owner = RT.newP(0);
    private final P thief = RT.newP(1);

    @Operation(nonParallelGroup = "owner")
    public void put(@Param(name = "g") int g) { owner.runqput(GS[g], false); }

    @Operation(nonParallelGroup = "owner")
    public void putNext(@Param(name = "g") int g) { owner.runqput(GS[g], true); }

    @Operation(nonParallelGroup = "owner")
    public Long get() {
        G g = owner.runqget();
        return g == null ? null : g.goid();
    }

    @Operation(nonParallelGroup = "thief")
    public List<Long> steal() {
        G last = RunqAccess.steal(thief, owner, STEAL_RUNNEXT);
        List<Long> batch = new ArrayList<>();
        for (G g; (g = thief.runqget()) != null; ) batch.add(g.goid());
        if (last != null) batch.add(last.goid());
        return batch;
    }

    @Test void stress() {
        new StressOptions().threads(2).actorsPerThread(4).actorsBefore(3).actorsAfter(2)
                .iterations(8).invocationsPerIteration(200).check(RunqLincheckTest.class);
    }

    @Test void modelChecking() {
        new ModelCheckingOptions().threads(2).actorsPerThread(3).actorsBefore(3).actorsAfter(1)
                .iterations(6).invocationsPerIteration(100).check(RunqLincheckTest.class);
    }
}
