package sched.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import sched.trace.Trace;
import sched.trace.TraceReader;
import sched.trace.TraceSchema;
import sched.trace.TraceWriter;

/**
 * Behaviours recorded from the Java runtime under random scenarios and interleavings (the property engine's
 * recordings: spawn trees, channel patterns, parks and readies, steals) replay step for step: the driver can make
 * the runtime take any step it can take by itself, and the abstraction function sees the same states.
 */
class ReplayRoundTripTest {
    @Test
    void recordedJavaBehavioursReplayStepForStep() throws Exception {
        int steps = 0;
        for (int i = 0; i < 25; i++) {
            Trace t = ReplaySupport.recorded(i);
            // through the file format, as ./sched replay reads it
            Trace back = TraceReader.parse(Path.of("recorded-" + i + ".ndjson"), TraceWriter.toText(t),
                    ReplayInput.schema("Spinning", null));
            ReplayDriver.Outcome o = ReplayDriver.replay(Path.of("recorded-" + i + ".ndjson"), back);
            assertNull(o.divergence(), () -> o.divergence().format(o.file()));
            assertEquals(t.length(), o.replayed());
            steps += o.replayed();
        }
        assertTrue(steps > 200, "the recordings are not trivial: " + steps + " steps");
    }
}
