package sched.history.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sched.history.History;
import sched.history.HistoryReader;
import sched.history.Op;
import sched.history.Operation;
import sched.history.Pairing;
import sched.history.bench.FifoBench;
import sched.history.bench.QueueHistories;
import sched.history.edn.EdnReader;
import sched.history.edn.Keyword;
import sched.history.model.Model;
import sched.history.model.Models;

class CheckerTest {
    /** Exhaustive reference: every order of every admissible subset, no memo, no hints. */
    private static boolean bruteForce(Model m, List<Operation> all) {
        List<Operation> ops = new ArrayList<>();
        List<Object> prepared = new ArrayList<>();
        for (Operation o : all) {
            Object p = m.prepare(o);
            if (p != null) {
                ops.add(o);
                prepared.add(p);
            }
        }
        return search(m, ops, prepared, new boolean[ops.size()], m.initialState());
    }

    private static boolean search(Model m, List<Operation> ops, List<Object> prepared, boolean[] done, Object state) {
        boolean allClosedDone = true;
        for (int i = 0; i < ops.size(); i++) if (!done[i] && !ops.get(i).open()) allClosedDone = false;
        if (allClosedDone) return true;
        for (int i = 0; i < ops.size(); i++) {
            if (done[i]) continue;
            boolean minimal = true; // no pending completed op returned before this one was invoked
            for (int j = 0; j < ops.size(); j++) {
                if (!done[j] && j != i && !ops.get(j).open() && ops.get(j).ret() < ops.get(i).call()) minimal = false;
            }
            if (!minimal) continue;
            Object ns = m.step(state, prepared.get(i));
            if (ns == Model.ILLEGAL) continue;
            done[i] = true;
            boolean ok = search(m, ops, prepared, done, ns);
            done[i] = false;
            if (ok) return true;
        }
        return false;
    }

    /** A random concurrent history of register-like operations with random results (often not linearizable). */
    private static History randomRegister(SplittableRandom rnd, int processes, int operations, boolean cas) {
        List<Op> ops = new ArrayList<>();
        int[] busy = new int[processes]; // 0 idle, 1 running, 2 crashed
        Object[] f = new Object[processes];
        Object[] v = new Object[processes];
        int started = 0;
        while (true) {
            int p = rnd.nextInt(processes);
            boolean anyRunning = false, anyIdle = false;
            for (int b : busy) {
                anyRunning |= b == 1;
                anyIdle |= b == 0;
            }
            if ((started == operations || !anyIdle) && !anyRunning) break;
            if (busy[p] == 0 && started < operations) {
                int k = rnd.nextInt(cas ? 3 : 2);
                f[p] = Keyword.of(k == 0 ? "read" : k == 1 ? "write" : "cas");
                v[p] = k == 0 ? null : k == 1 ? (Object) (long) rnd.nextInt(3) : List.of((long) rnd.nextInt(3), (long) rnd.nextInt(3));
                ops.add(new Op((long) p, Op.Type.INVOKE, f[p], v[p], ops.size()));
                busy[p] = 1;
                started++;
            } else if (busy[p] == 1) {
                int r = rnd.nextInt(10);
                Op.Type t = r == 0 ? Op.Type.INFO : r == 1 && cas ? Op.Type.FAIL : Op.Type.OK;
                Object val = f[p].equals(Keyword.of("read")) && t == Op.Type.OK ? (Object) (long) rnd.nextInt(3) : v[p];
                ops.add(new Op((long) p, t, f[p], val, ops.size()));
                busy[p] = t == Op.Type.INFO ? 2 : 0;
            }
        }
        return new History("random", ops);
    }

    @Test void agreesWithBruteForceOnRandomRegisterHistories() {
        SplittableRandom rnd = new SplittableRandom(42);
        int[] verdicts = new int[2];
        for (int i = 0; i < 600; i++) {
            boolean cas = i % 2 == 0;
            History h = randomRegister(rnd, 2 + rnd.nextInt(3), 3 + rnd.nextInt(6), cas);
            Model m = Models.create(cas ? "cas-register" : "register", true, 0L);
            List<Operation> ops = Pairing.pair(h);
            boolean expected = bruteForce(m, ops);
            Checker.Result r = Checker.check(m, ops, 10, true);
            assertEquals(expected ? Checker.Verdict.LINEARIZABLE : Checker.Verdict.NOT_LINEARIZABLE, r.verdict(), h.toEdn());
            verdicts[expected ? 0 : 1]++;
        }
        assertTrue(verdicts[0] > 50 && verdicts[1] > 50, "both verdicts well represented: " + verdicts[0] + "/" + verdicts[1]);
    }

    @Test void agreesWithBruteForceOnSmallQueueHistories() {
        // linearizable by construction, then corrupted by swapping two dequeue results half of the time
        int[] verdicts = new int[2];
        for (int seed = 0; seed < 300; seed++) {
            History h = QueueHistories.fifo(7, 3, seed);
            List<Op> ops = new ArrayList<>(h.ops());
            if (seed % 2 == 1) {
                List<Integer> deqs = new ArrayList<>();
                for (int i = 0; i < ops.size(); i++) {
                    Op o = ops.get(i);
                    if (o.type() == Op.Type.OK && o.f().equals(Keyword.of("dequeue"))) deqs.add(i);
                }
                if (deqs.size() >= 2) {
                    int a = deqs.get(0), b = deqs.get(deqs.size() - 1);
                    Op oa = ops.get(a), ob = ops.get(b);
                    ops.set(a, new Op(oa.process(), oa.type(), oa.f(), ob.value(), oa.index()));
                    ops.set(b, new Op(ob.process(), ob.type(), ob.f(), oa.value(), ob.index()));
                }
            }
            List<Operation> pairs = Pairing.pair(new History("q", ops));
            for (String model : List.of("fifo-queue", "unordered-queue")) {
                Model m = Models.create(model, false, null);
                boolean expected = bruteForce(m, pairs);
                assertEquals(expected ? Checker.Verdict.LINEARIZABLE : Checker.Verdict.NOT_LINEARIZABLE,
                        Checker.check(m, pairs, 10, true).verdict(), model + " " + new History("q", ops).toEdn());
                if (model.equals("fifo-queue")) verdicts[expected ? 0 : 1]++;
            }
        }
        assertTrue(verdicts[0] > 50 && verdicts[1] > 20, verdicts[0] + "/" + verdicts[1]);
    }

    @Test void timeLimitGivesUnknown() {
        // 22 concurrent writes of distinct values, then a read of a value nobody wrote: refuting it means trying
        // every (subset, last write) configuration, about 22 * 2^21, far beyond 0.2 s
        Hist h = new Hist();
        for (long p = 0; p < 22; p++) h.inv(p, "write", p);
        for (long p = 0; p < 22; p++) h.ok(p, "write", p);
        h.call(99, "read", null, 999L);
        Checker.Result r = Checker.check(Models.create("register", false, null), Pairing.pair(h.history()), 0.2, true);
        assertEquals(Checker.Verdict.UNKNOWN, r.verdict());
        assertTrue(r.reason().contains("limit"), r.reason());
    }

    @Test void failureReportNamesThePointOfFailure() {
        // Knossos's rethink-fail-minimal shape: write 0; read 3 concurrent with write 4; then read 4
        Hist h = new Hist().call(0, "write", 0L).inv(1, "read", null).inv(2, "write", 4L).ok(1, "read", 3L).ok(2, "write", 4L)
                .call(3, "read", null, 4L);
        Checker.Result r = h.check(Models.create("cas-register", true, 0L));
        assertEquals(Checker.Verdict.NOT_LINEARIZABLE, r.verdict());
        Checker.Failure f = r.failure();
        assertEquals(1L, f.op().process());
        assertEquals(3L, f.op().value());
        assertEquals(List.of(0L, 4L), f.states().stream().sorted((a, b) -> Long.compare((Long) a, (Long) b)).toList());
        FailureReport report = FailureReport.of(f, 24, 5);
        assertEquals(Boolean.TRUE, report.prefixFails());
        assertEquals(3, report.window().size());
        String text = report.text();
        assertTrue(text.contains("process 1 :read 3"), text);
        assertTrue(text.contains("[*#2 :read 3"), text);
        // the EDN window reads back, as EDN and as a history
        String edn = report.edn("hand-made");
        Object data = EdnReader.readOne("window", edn);
        assertTrue(data instanceof java.util.Map<?, ?>, edn);
        History back = HistoryReader.readKnossos("window", edn);
        assertEquals(6, back.size());
        assertNotNull(Pairing.pair(back));
    }

    @Test void partsAreCheckedRoundRobinSoAQuickFailureIsNotHidden() {
        // key "a" is hard and linearizable-looking; key "b" fails at once
        Hist h = new Hist();
        for (long p = 0; p < 20; p++) h.inv(p, "put", Hist.vec("a", "v" + p));
        for (long p = 0; p < 20; p++) h.ok(p, "put", Hist.vec("a", "v" + p));
        h.call(50, "get", Hist.vec("a", null), Hist.vec("a", "nope"));
        h.call(60, "get", Hist.vec("b", null), Hist.vec("b", "never-written"));
        Checker.Result r = Checker.check(Models.create("kv", false, null), Pairing.pair(h.history()), 30, true);
        assertEquals(Checker.Verdict.NOT_LINEARIZABLE, r.verdict());
        assertEquals("key \"b\"", r.failure().part());
    }

    @Test void benchmarkHistoryIsLinearizable() {
        FifoBench.Run run = FifoBench.run(5_000, 4, 7, 60);
        assertEquals(Checker.Verdict.LINEARIZABLE, run.result().verdict());
        assertEquals(10_000, run.records());
    }
}
