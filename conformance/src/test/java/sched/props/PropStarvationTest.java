package sched.props;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties 3, bounded starvation: on one P, with Go's global-queue check every {@code period} ticks and slices
 * of {@code sliceLen} dispatches (the driver plays sysmon and marks the running goroutine for preemption when its
 * slice is used up, as retake does after 10 ms), every runnable goroutine runs before B dispatches of others, where
 * B = (|Gs| - 1) * period * sliceLen is Fairness.tla's bound. The constants are Fairness.tla's ci config (period 3,
 * slices of 2, up to 4 goroutines: B up to 18).
 *
 * <p>Teeth: the starvation this bound excludes needs a long, specific schedule (three goroutines keeping the local
 * queue busy through runnext while a fourth waits on the global queue); with the Java's global-queue check off,
 * 3000 random cases of this engine did not find one (docs/PROPERTIES.md), so the teeth of the bound are TLC's
 * (Fairness.tla's No61Check and NoInheritTime switches), not this test's.
 */
class PropStarvationTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void everyRunnableGoroutineRunsWithinB(long seed) {
        PropRunner.Report r = PropRunner.check("starvation", seed, 60, SpinningExplorer.Options.starvation(3, 2), 300,
                Path.of("target", "props"));
        assertTrue(r.ok(), r::toString);
    }

}
