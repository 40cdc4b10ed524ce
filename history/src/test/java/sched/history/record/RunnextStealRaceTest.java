package sched.history.record;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Lincheck's model checker finds the runnext steal race described in {@link RunnextStealRace} (about 25 s here,
 * so it runs with -Plong).
 */
@Tag("long")
class RunnextStealRaceTest {
    @Test void modelCheckingFindsTheRunnextStealRace() {
        LincheckAssertionError e = assertThrows(LincheckAssertionError.class, () -> new ModelCheckingOptions()
                .threads(2).actorsPerThread(2).actorsBefore(1).actorsAfter(0)
                .iterations(30).invocationsPerIteration(200).check(RunnextStealRace.class));
        System.out.println(e.getMessage());
        assertTrue(e.getMessage().contains("steal()"), e.getMessage());
    }
}
