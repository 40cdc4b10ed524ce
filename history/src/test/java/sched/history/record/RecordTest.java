package sched.history.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sched.history.History;
import sched.history.Op;
import sched.history.Pairing;
import sched.history.check.Checker;
import sched.history.edn.Keyword;
import sched.history.model.Models;

/** Histories recorded from real threads on the runtime's run queue and channels, checked. */
class RecordTest {
    @Test void recordingIsOnInTests() {
        assertTrue(HistoryRecorder.ENABLED, "the history module's Surefire configuration sets -Dsched.history.record=true");
    }

    @Test void mergedBuffersRespectRealTimeOrder() throws Exception {
        HistoryRecorder rec = new HistoryRecorder();
        Keyword f = Keyword.of("write");
        Thread a = new Thread(() -> {
            for (long i = 0; i < 1000; i++) {
                rec.invoke(1L, f, i);
                rec.ok(1L, f, i);
            }
        });
        a.start();
        a.join();
        rec.invoke(2L, f, -1L); // after thread a finished: must come after all of a's records
        rec.ok(2L, f, -1L);
        History h = rec.history("t");
        assertEquals(2002, h.size());
        assertEquals(2L, h.ops().get(2000).process());
        for (int i = 0; i < 2000; i++) assertEquals((long) (i / 2), h.ops().get(i).value());
        assertEquals(1001, Pairing.pair(h).size());
    }

    @Test void queueTortureOnTheRuntimesRunQueueIsLinearizable() {
        for (long seed = 1; seed <= 3; seed++) {
            Workloads.Recording r = Workloads.queueTorture(4000, 2, seed, false);
            assertTrue(r.history().size() >= 8000, "records: " + r.history().size());
            Checker.Result c = Checker.check(Models.parse(r.model()).create(), r.history(), 60);
            assertEquals(Checker.Verdict.LINEARIZABLE, c.verdict(), "seed " + seed);
        }
    }

    @Test void aCorruptedRecordingIsCaught() {
        Workloads.Recording r = Workloads.queueTorture(2000, 1, 7, false);
        List<Op> ops = new ArrayList<>(r.history().ops());
        // swap the results of the first two gets that returned different goroutines
        int first = -1;
        for (int i = 0; i < ops.size(); i++) {
            Op o = ops.get(i);
            if (o.type() != Op.Type.OK || !o.f().equals(Keyword.of("get")) || o.value() == null) continue;
            if (first < 0) first = i;
            else if (!o.value().equals(ops.get(first).value())) {
                Op a = ops.get(first);
                ops.set(first, new Op(a.process(), a.type(), a.f(), o.value(), a.index()));
                ops.set(i, new Op(o.process(), o.type(), o.f(), a.value(), o.index()));
                break;
            }
        }
        Checker.Result c = Checker.check(Models.parse("runq").create(), Pairing.pair(new History("corrupt", ops)), 60, true);
        assertEquals(Checker.Verdict.NOT_LINEARIZABLE, c.verdict());
    }

    @Test void chanTortureOnRealGoroutinesIsLinearizable() {
        Workloads.Recording r = Workloads.chanTorture(2000, 2, 2, 1);
        assertTrue(r.history().size() > 2000, "records: " + r.history().size());
        Checker.Result c = Checker.check(Models.parse(r.model()).create(), r.history(), 60);
        assertEquals(Checker.Verdict.LINEARIZABLE, c.verdict());
        Workloads.Recording u = Workloads.chanTorture(400, 2, 0, 2); // unbuffered: rendezvous
        assertEquals(Checker.Verdict.LINEARIZABLE, Checker.check(Models.parse(u.model()).create(), u.history(), 60).verdict());
    }
}
