package sched.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sched.runtime.RunQueueHarness;
import sched.runtime.RunQueueHarness.Kind;
import sched.runtime.RunQueueHarness.Stop;
import sched.runtime.Step;
import sched.tlc.TlcRunner;
import sched.trace.Json;
import sched.trace.Trace;
import sched.trace.TraceStep;
import sched.trace.TraceWriter;

/**
 * RunQueue.tla replay: every branch of the spec's actions, taken by some corpus trace, replays (the sample of
 * {@link ReplaySampleTest} takes the first traces of each file, which need not take the rare branches); the one
 * branch no corpus trace takes (runqputslow's failed CAS) is driven on the harness directly; a wrong state is
 * reported with the diff.
 */
class RunQueueReplayTest {
    @TempDir Path dir;

    private static Stop probe(Stop s, Step want) {
        assertEquals(Kind.PROBE, s.kind(), () -> "stopped at " + s + " instead of probe " + want);
        assertEquals(want, s.step());
        return s;
    }

    /**
     * runqputslow's CAS fails when a stealer moved the head after the owner loaded it: the owner's PutSlowGrab
     * probe says so (local 0), and the put goes back to the fast path, where there is room now.
     */
    @Test
    void putSlowGrabFailsWhenAStealerMovedTheHead() {
        RunQueueHarness h = new RunQueueHarness(4, List.of("g1", "g2", "g3", "g4", "g5"), 1);
        for (String g : List.of("g1", "g2", "g3", "g4")) {
            h.givePut(g, false);
            probe(h.resumeOwner(), Step.PutLoadHead);
            probe(h.resumeOwner(), Step.PutPublish);
            assertEquals(Kind.WAIT, h.resumeOwner().kind());
        }
        h.givePut("g5", false);
        Stop full = probe(h.resumeOwner(), Step.PutLoadHead);
        assertEquals(0, full.local(), "the loaded head");
        assertEquals("g5", h.name(full.held()));
        assertEquals(0, probe(h.resumeStealer(0), Step.GrabLoadHead).local());
        assertEquals(2, probe(h.resumeStealer(0), Step.GrabLoadTail).local(), "n: half of 4");
        probe(h.resumeStealer(0), Step.GrabCopy);
        assertEquals(2, probe(h.resumeStealer(0), Step.GrabCas).local());
        assertEquals(2, h.head());
        assertEquals(0, probe(h.resumeOwner(), Step.PutSlowGrab).local(), "the CAS of head 0 -> 2 fails");
        assertEquals(2, probe(h.resumeOwner(), Step.PutLoadHead).local());
        probe(h.resumeOwner(), Step.PutPublish);
        assertEquals(Kind.WAIT, h.resumeOwner().kind());
        assertEquals(5, h.tail());
        assertEquals("g5", h.name(h.slot(0)));
        assertTrue(h.globq().isEmpty());
    }

    /** Which branch of which action a step takes, read off the trace's states (before, after, the step). */
    private static final Map<String, BiPredicate<Json.JObject[], TraceStep>> BRANCHES = new LinkedHashMap<>();

    static {
        BRANCHES.put("PutNextCas kicks runnext", (s, t) -> t.action().equals("PutNextCas") && opc(s[1]).equals("put_loadhead"));
        BRANCHES.put("PutLoadHead full", (s, t) -> t.action().equals("PutLoadHead") && opc(s[1]).equals("put_slow"));
        BRANCHES.put("PutSlowGrab", (s, t) -> t.action().equals("PutSlowGrab") && opc(s[1]).equals("put_global"));
        BRANCHES.put("PutSlowGlobal", (s, t) -> t.action().equals("PutSlowGlobal"));
        BRANCHES.put("GetNextCas", (s, t) -> t.action().equals("GetNextCas"));
        BRANCHES.put("GetLoadHead empty", (s, t) -> t.action().equals("GetLoadHead") && opc(s[1]).equals("idle"));
        BRANCHES.put("GetCas fails", (s, t) -> t.action().equals("GetCas") && opc(s[1]).equals("get_loadhead"));
        BRANCHES.put("GetCas", (s, t) -> t.action().equals("GetCas") && opc(s[1]).equals("idle"));
        BRANCHES.put("GrabLoadTail inconsistent", (s, t) -> t.action().equals("GrabLoadTail") && spc(s[1], t).equals("idle"));
        BRANCHES.put("GrabRunnext takes", (s, t) -> t.action().equals("GrabRunnext") && !stolen(s[0], t).equals(stolen(s[1], t)));
        BRANCHES.put("GrabRunnext none", (s, t) -> t.action().equals("GrabRunnext") && stolen(s[0], t).equals(stolen(s[1], t)));
        BRANCHES.put("GrabCas fails", (s, t) -> t.action().equals("GrabCas") && stolen(s[0], t).equals(stolen(s[1], t)));
        BRANCHES.put("GrabCas", (s, t) -> t.action().equals("GrabCas") && !stolen(s[0], t).equals(stolen(s[1], t)));
    }

    private static String opc(Json.JObject st) { return ((Json.JString) st.get("opc")).value(); }

    private static String sArg(TraceStep t) { return ((Json.JString) t.args().get("s")).value(); }

    private static String spc(Json.JObject st, TraceStep t) {
        return ((Json.JString) ((Json.JObject) st.get("spc")).get(sArg(t))).value();
    }

    private static Json stolen(Json.JObject st, TraceStep t) { return ((Json.JObject) st.get("stolen")).get(sArg(t)); }

    @Test
    void theFirstCorpusTraceOfEveryBranchReplays() throws Exception {
        Path corpus = TlcRunner.projectRoot().resolve("traces").resolve("RunQueue");
        assumeTrue(Files.isDirectory(corpus), "no RunQueue corpus (traces/RunQueue/)");
        Map<String, ReplayDriver.Outcome> firstOf = new LinkedHashMap<>();
        List<String> diverged = new ArrayList<>();
        for (Path f : ReplayInput.files(List.of(corpus))) {
            for (ReplayInput.Located l : ReplayInput.readAll(f, ReplaySupport.specDir())) {
                Trace t = l.trace();
                if (!ReplayDriver.bugs(t).isEmpty()) continue; // bug traces: ReplayTeethTest
                List<String> takes = new ArrayList<>();
                for (int i = 1; i < t.steps().size(); i++) {
                    Json.JObject[] s = {t.steps().get(i - 1).state(), t.steps().get(i).state()};
                    for (var b : BRANCHES.entrySet()) {
                        if (!firstOf.containsKey(b.getKey()) && !takes.contains(b.getKey())
                                && b.getValue().test(s, t.steps().get(i))) takes.add(b.getKey());
                    }
                }
                if (takes.isEmpty()) continue;
                ReplayDriver.Outcome o = ReplayDriver.replay(f, t, l.firstLine());
                if (!o.ok()) diverged.add(o.divergence().format(f));
                for (String b : takes) firstOf.put(b, o);
            }
        }
        assertTrue(diverged.isEmpty(), diverged.size() + " traces diverge; the first:\n"
                + (diverged.isEmpty() ? "" : diverged.getFirst()));
        List<String> missing = new ArrayList<>(BRANCHES.keySet());
        missing.removeAll(firstOf.keySet());
        assertTrue(missing.isEmpty(), "no corpus trace takes " + missing);
    }

    @Test
    void aWrongHeadIsReportedWithTheDiff() throws Exception {
        Path f = TlcRunner.projectRoot().resolve("traces/RunQueue/bug-PutSlowNoNewG.ndjson");
        assumeTrue(Files.isRegularFile(f), "no RunQueue counterexample in the corpus");
        Trace t = ReplayInput.read(f, ReplaySupport.specDir());
        // The bug's trace up to step 3 is a correct trace; make step 3 claim head = 9.
        List<TraceStep> s = new ArrayList<>(t.steps().subList(0, 4));
        TraceStep k = s.get(3);
        Json.ObjectBuilder st = Json.object();
        k.state().fields().forEach((name, v) -> st.put(name, name.equals("head") ? Json.of(9) : v));
        s.set(3, new TraceStep(3, k.action(), k.args(), st.build()));
        Path out = dir.resolve("wrong-head.ndjson");
        TraceWriter.write(out, new Trace(t.header(), s));
        ReplayDriver.Outcome o = ReplayDriver.replay(out, ReplayInput.read(out, ReplaySupport.specDir()));
        assertNotNull(o.divergence(), "a head of 9 is not the Java's");
        assertEquals(3, o.divergence().step());
        String msg = o.divergence().format(out);
        assertTrue(msg.contains(out + ":5: step 3 " + k.action()), msg);
        assertTrue(msg.matches("(?s).*head\\s+9\\s+0.*"), msg);
    }
}
