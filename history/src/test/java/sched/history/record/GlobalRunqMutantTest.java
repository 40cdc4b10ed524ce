package sched.history.record;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The teeth of {@link GlobalRunqLincheckTest}: the same object with a mutant put that skips sched.lock. Lincheck's
 * model checker must find an interleaving that loses a goroutine or miscounts the queue (about 18 s here, so it
 * runs with -Plong).
 */
@Tag("long")
class GlobalRunqMutantTest {
    /** GlobalRunqLincheckTest with an unlocked put (the mutant). */
    public static class UnlockedPut extends GlobalRunqLincheckTest {
        @Override @Operation
        public void put(@Param(name = "g") int g) { q.globrunqput(RunqAccessHolder.RT.newG(g)); }
    }

    static final class RunqAccessHolder {
        static final RunqAccess RT = new RunqAccess();
    }

    @Test void modelCheckingCatchesAnUnlockedPut() {
        LincheckAssertionError e = assertThrows(LincheckAssertionError.class, () -> new ModelCheckingOptions()
                .threads(2).actorsPerThread(2).actorsBefore(1).actorsAfter(1)
                .iterations(20).invocationsPerIteration(100).check(UnlockedPut.class));
        System.out.println(e.getMessage());
        assertTrue(e.getMessage().contains("put("), e.getMessage());
    }
}
