package sched.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sched.trace.Json;
import sched.trace.Trace;
import sched.trace.TraceStep;
import sched.trace.TraceWriter;

/**
 * A trace the Java does not follow fails at the first step where they part, naming the file, line, step and
 * action, with a side-by-side diff of the two states; {@code ./sched replay} exits 1.
 */
class ReplayDivergenceTest {
    @TempDir Path dir;

    private static Trace edit(Trace t, int step, TraceStep replacement) {
        List<TraceStep> s = new ArrayList<>(t.steps());
        s.set(step, replacement);
        return new Trace(t.header(), s);
    }

    /** The first step of {@code t} with the given action, at index >= from. */
    private static int find(Trace t, String action, int from) {
        for (int i = from; i < t.steps().size(); i++) if (t.steps().get(i).action().equals(action)) return i;
        return -1;
    }

    @Test
    void aStateThatDiffersIsReportedWithTheDiff() throws Exception {
        Trace t = ReplaySupport.recordedWith("NewProc");
        int k = find(t, "NewProc", 1);
        assertTrue(k > 0, "the recording has a NewProc");
        TraceStep s = t.steps().get(k);
        Json.ObjectBuilder st = Json.object();
        s.state().fields().forEach((name, v) -> st.put(name, name.equals("nmspinning") ? Json.of(7) : v));
        Path f = dir.resolve("state.ndjson");
        TraceWriter.write(f, edit(t, k, new TraceStep(k, s.action(), s.args(), st.build())));

        ReplaySupport.Run r = ReplaySupport.cli("replay", f.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(f + ":" + (k + 2) + ": step " + k + " NewProc " + s.args().toText()
                + ": state differs after the step"), r.err());
        assertTrue(r.err().matches("(?s).*variable\\s+trace \\(spec\\)\\s+java.*"), r.err());
        assertTrue(r.err().matches("(?s).*nmspinning\\s+7\\s+\\d.*"), r.err());
        assertTrue(r.out().contains("1 diverged"), r.out());
    }

    @Test
    void aStepTheJavaTakesDifferentlyIsReportedWithTheProbeItReached() throws Exception {
        Trace t = ReplaySupport.recordedWith("WakePSkip");
        int k = find(t, "WakePSkip", 1);
        if (k < 0) k = find(t, "WakeP", 1);
        assertTrue(k > 0);
        TraceStep s = t.steps().get(k);
        String other = s.action().equals("WakeP") ? "WakePSkip" : "WakeP";
        ReplayDriver.Outcome o = ReplayDriver.replay(dir.resolve("x.ndjson"),
                edit(t, k, new TraceStep(k, other, s.args(), s.state())));
        assertNotNull(o.divergence());
        assertEquals(k, o.divergence().step());
        assertEquals(k - 1, o.replayed());
        assertTrue(o.divergence().reason().endsWith(s.args().get("m").toString().replace("\"", "") + " stopped at probe "
                + s.action() + " instead of ending the step at probe " + other), o.divergence().reason());
    }

    @Test
    void anMThatWasNeverStartedCannotStep() throws Exception {
        Trace t = ReplaySupport.recorded(2);
        TraceStep s = t.steps().get(1);
        Json.JObject args = Json.object().put("m", t.header().constants().get("Ms") instanceof Json.JArray a
                ? ((Json.JString) a.items().getLast()).value() : "m9").build();
        ReplayDriver.Outcome o = ReplayDriver.replay(dir.resolve("y.ndjson"),
                edit(t, 1, new TraceStep(1, "AcquireP", args, s.state())));
        assertNotNull(o.divergence());
        assertEquals(1, o.divergence().step());
        assertTrue(o.divergence().reason().contains("has no thread in the Java"), o.divergence().reason());
        Files.deleteIfExists(dir.resolve("y.ndjson"));
    }
}
