package sched.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import sched.props.Choices;
import sched.props.PropRunner;
import sched.props.SpinningExplorer;
import sched.runtime.DeterministicSeam.Kind;
import sched.runtime.DeterministicSeam.Stop;
import sched.runtime.M;
import sched.runtime.Step;
import sched.trace.TraceWriter;

/** The deterministic seam: one M at a time, gate to gate; the same choices give the same behaviour. */
class DeterministicSeamTest {
    @Test
    void sameChoicesSameBehaviour() {
        for (int i = 0; i < 8; i++) {
            long seed = PropRunner.caseSeed(5, i);
            Choices a = Choices.random(seed, 20_000);
            String first = TraceWriter.toText(SpinningExplorer.run(a, SpinningExplorer.Options.safety()).trace());
            String again = TraceWriter.toText(SpinningExplorer.run(Choices.replay(a.recorded(), 20_000),
                    SpinningExplorer.Options.safety()).trace());
            assertEquals(first, again, "case " + i);
        }
    }

    @Test
    void anMRunsFromGateToGate() {
        try (SpinningSession s = new SpinningSession(List.of("m1", "m2"), List.of("p1", "p2"), List.of("g1", "g2"), 2)) {
            assertNull(s.boot());
            M m0 = s.m("m1");
            Stop at = s.seam().stopOf(m0);
            assertEquals(Kind.PROBE, at.kind());
            assertEquals(Step.Execute, at.step(), "after boot m0 has just run g1");
            // g1 asks what to do: a WAIT gate, nothing else moved
            Stop ask = s.step(m0);
            assertEquals(Kind.WAIT, ask.kind());
            s.script().give("g1", new Script.Op.Spawn("g2"));
            // runqput's RunQueue.tla probes (PutNextCas) pass: the step ends at NewProc
            assertEquals(Step.NewProc, s.step(m0).step());
            assertTrue(s.bindNew(m0, "g2"));
            assertEquals(Step.WakeP, s.step(m0).step(), "p2 idle, nobody spinning: wakep claims the wakeup");
            assertEquals(Step.StartM, s.step(m0).step());
            M m1 = s.m("m2");
            assertEquals(Kind.START, s.seam().stopOf(m1).kind(), "the new M waits at its thread's start");
            assertEquals(Step.AcquireP, s.step(m1).step());
            assertEquals("p2", s.names().p(m1.p()));
        }
    }
}
