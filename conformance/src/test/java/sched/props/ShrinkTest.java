package sched.props;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sched.replay.ReplayDriver;
import sched.replay.ReplayInput;
import sched.runtime.M;
import sched.runtime.Seam;
import sched.runtime.Step;
import sched.trace.Json;
import sched.trace.Trace;
import sched.trace.TraceWriter;

/**
 * The shrinker on a deliberately broken scheduler: a seam that drops every unpark, so an M that startm wakes from
 * the idle list never runs (a lost wakeup). The engine must find it, shrink the case to a handful of choices,
 * replay the shrunk case exactly, and write it as a trace that {@code ./sched replay} reproduces step for step.
 */
class ShrinkTest {
    @TempDir Path dir;

    /** The test-only broken seam: like the deterministic one, but wakeups of sleeping Ms are lost. */
    static Seam dropsWakeups(Seam d) {
        return new Seam() {
            @Override public long nanotime() { return d.nanotime(); }

            @Override public int fastrand(M m) { return d.fastrand(m); }

            @Override public void startM(M m, Runnable body) { d.startM(m, body); }

            @Override public void park(M m, long deadline) { d.park(m, deadline); }

            @Override public void unpark(M m) {} // the bug

            @Override public void pause(M m, long micros) { d.pause(m, micros); }

            @Override public void step(M m, Step s) { d.step(m, s); }
        };
    }

    @Test
    void aLostWakeupShrinksToASmallInterleavingThatReplaysExactly() throws Exception {
        SpinningExplorer.Options o = SpinningExplorer.Options.safety().wrap(ShrinkTest::dropsWakeups);
        PropRunner.Report r = PropRunner.check("lost-wakeup", 1, 100, o, 500, dir);
        System.out.println(r);
        assertFalse(r.ok(), "the engine did not find the dropped wakeup");
        assertEquals("Quiescence", r.failure().property());
        assertTrue(r.failure().message().contains("a lost wakeup"), r.failure().message());
        assertTrue(r.shrunk().length < r.choices().length, "shrinking made the case smaller");
        assertTrue(r.shrunk().length <= 20, "a small failing interleaving: " + r.shrunk().length + " choices");
        assertTrue(r.shrunkResult().steps() <= 30, "a short behaviour: " + r.shrunkResult().steps() + " steps");

        // The shrunk choices replay exactly: same failure, same behaviour, byte for byte.
        SpinningExplorer.Result again = PropRunner.replay(r.shrunk(), o);
        assertNotNull(again);
        assertEquals(r.shrunkResult().failure(), again.failure());
        assertEquals(TraceWriter.toText(r.shrunkResult().trace()), TraceWriter.toText(again.trace()));

        // The trace file names the choices and replays step for step on the Java: every step of the broken run is
        // one the correct runtime takes too; the loss is the step that never comes (the woken M is still at pc
        // woken at the end, where the correct runtime would let it take AcquireP).
        Path f = r.traceFile();
        assertNotNull(f);
        assertTrue(Files.readAllLines(f).getFirst().contains("\"choices\":["));
        Trace t = ReplayInput.read(f, null);
        ReplayDriver.Outcome out = ReplayDriver.replay(f, t);
        assertTrue(out.ok(), () -> out.divergence().format(f));
        Json.JObject last = t.steps().getLast().state();
        assertTrue(((Json.JObject) last.get("mpc")).fields().containsValue(Json.of("woken")), last.toText());
    }

    @Test
    void theShrinkerDeletesSpansAndLowersValues() {
        // A "failure" that needs a 7 somewhere after a 3: the minimal list is [3, 7].
        Shrinker s = new Shrinker(c -> {
            int i = 0;
            while (i < c.length && c[i] != 3) i++;
            for (int j = i + 1; j < c.length; j++) if (c[j] >= 7) return true;
            return false;
        }, 10_000);
        assertArrayEquals(new int[] {3, 7}, s.shrink(new int[] {5, 9, 3, 0, 12, 4, 8, 1, 0, 6}));
    }

    @Test
    void choicesReplayAndRunOutIntoZeros() {
        Choices c = Choices.random(99, 100);
        int a = c.draw(10), b = c.draw(1000), d = c.draw(2);
        Choices r = Choices.replay(c.recorded(), 100);
        assertEquals(a, r.draw(10));
        assertEquals(b, r.draw(1000));
        assertEquals(d, r.draw(2));
        assertEquals(0, r.draw(50), "past the recorded prefix every draw is 0");
        assertEquals(3, Choices.replay(new int[] {13}, 10).draw(5), "an out-of-range choice is taken modulo");
    }
}
