package sched.history.record;

import java.util.ArrayList;
import java.util.List;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import sched.runtime.G;
import sched.runtime.P;

/**
 * The run queue with a thief that may take runnext (stealRunNextG = true): the configuration in which Lincheck
 * (and the recorded histories) show a race that Go's run queue shares. The owner's put-next swaps runnext and
 * only then moves the old runnext to the ring; a thief that saw the ring empty before the swap takes the new
 * runnext, while the old one lands in the ring. Sequentially, a steal after put-next(4) would take the old G 3
 * from the ring, and one before would take 3 from runnext; taking 4 fits neither.
 */
@Param(name = "g", gen = IntGen.class, conf = "1:4")
public class RunnextStealRace {
    private static final RunqAccess RT = new RunqAccess();
    private static final G[] GS = new G[5];

    static {
        for (int i = 1; i < GS.length; i++) GS[i] = RT.newG(i);
    }

    private final P owner = RT.newP(0);
    private final P thief = RT.newP(1);

    @Operation(nonParallelGroup = "owner")
    public void putNext(@Param(name = "g") int g) { owner.runqput(GS[g], true); }

    @Operation(nonParallelGroup = "owner")
    public Long get() {
        G g = owner.runqget();
        return g == null ? null : g.goid();
    }

    @Operation(nonParallelGroup = "thief")
    public List<Long> steal() {
        G last = RunqAccess.steal(thief, owner, true);
        List<Long> batch = new ArrayList<>();
        for (G g; (g = thief.runqget()) != null; ) batch.add(g.goid());
        if (last != null) batch.add(last.goid());
        return batch;
    }
}
