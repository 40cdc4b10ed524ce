package sched.props;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties 2: random scenarios (spawn trees, channel patterns, parks and readies) under interleavings the engine
 * generates, on the real runtime: after every step no lost wakeup (the at-rest form), conservation of goroutines,
 * accounting of nmspinning, npidle and P ownership; at the end every M parked and every goroutine finished or
 * waiting, with checkdead naming exactly the waiting ones. Fixed seeds; a failure prints the seed, the choices,
 * the shrunk choices and the trace file ({@code target/props/}).
 */
class PropSpinningTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261127})
    void invariantsHoldAfterEveryStepAndRunsEndQuiescent(long seed) {
        PropRunner.Report r = PropRunner.check("spinning", seed, 40, SpinningExplorer.Options.safety(), 400,
                Path.of("target", "props"));
        assertTrue(r.ok(), r::toString);
    }
}
