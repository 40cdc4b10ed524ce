package sched.audit;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sched.trace.Json;
import sched.trace.Trace;
import sched.trace.TraceHeader;
import sched.trace.TraceStep;

class TimelineTest {
    static Json.JObject obj(Object... kv) {
        Json.ObjectBuilder b = Json.object();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            b.put((String) kv[i], v instanceof Json j ? j : Json.of(String.valueOf(v)));
        }
        return b.build();
    }

    static Json.JArray arr(String... xs) { return Json.array(java.util.Arrays.stream(xs).map(Json::of).toList()); }

    static Json.JObject state(String m1p, String m2p, Json.JArray runq1, String curg1) {
        return obj("mp", obj("m1", m1p, "m2", m2p), "runq", obj("p1", runq1, "p2", arr()),
                "mcurg", obj("m1", curg1, "m2", "none"));
    }

    /** A 3-step trace: m1 creates g2 on p1, m2 steals it from p1 into p2, m2 runs it. */
    static Trace sample() {
        TraceHeader h = new TraceHeader("Spinning", "hash", "bug-X", Json.object().build(), "tlc-counterexample", null,
                "2.18", List.of("mp", "runq", "mcurg"), List.of("NewProc", "RunqSteal", "Execute"),
                Map.of("violation", Json.of("NoLostWakeup")));
        return new Trace(h, List.of(
                new TraceStep(0, "Init", Json.object().build(), state("p1", "none", arr(), "g1")),
                new TraceStep(1, "NewProc", obj("m", "m1", "g", "g2"), state("p1", "none", arr("g2"), "g1")),
                new TraceStep(2, "RunqSteal", obj("m", "m2", "v", "p1"), state("p1", "p2", arr(), "g1")),
                new TraceStep(3, "Execute", obj("m", "m2"), obj("mp", obj("m1", "p1", "m2", "p2"),
                        "runq", obj("p1", arr(), "p2", arr()), "mcurg", obj("m1", "g1", "m2", "g2")))));
    }

    @Test void lanesAreMsThenPs() {
        Timeline t = new Timeline(sample(), 3);
        assertEquals(List.of("m1", "m2", "p1", "p2"), t.lanes());
        assertEquals(3, t.boxes());
    }

    @Test void svgHasABoxPerActorAndTheViolationInRed() {
        String svg = new Timeline(sample(), 3).svg();
        assertTrue(svg.startsWith("<svg"), svg);
        assertTrue(svg.contains(">NewProc<") && svg.contains(">RunqSteal<") && svg.contains(">Execute<"));
        assertTrue(svg.contains("class=\"step violation\""), "the highlighted step is marked");
        assertEquals(2, svg.split("class=\"step violation\"", -1).length - 1,
                "step 3 is drawn in red in both lanes it touches (m2 and p2)");
        assertTrue(svg.contains(">g2<"), "the goroutine moved is named");
    }

    @Test void asciiShowsOneRowPerStepAndMarksTheHighlight() {
        String a = new Timeline(sample(), 3).ascii();
        String[] lines = a.split("\n");
        assertTrue(lines[0].startsWith("step") && lines[0].contains("m1") && lines[0].contains("p2"));
        assertTrue(lines[1].startsWith("1") && lines[1].contains("NewProc") && lines[1].endsWith("g2"), lines[1]);
        assertTrue(lines[3].startsWith("!3") && lines[3].contains("Execute"), lines[3]);
    }

    @Test void movedGoroutinesComeFromTheStateDiffWhenNoArgNamesOne() {
        Trace t = sample();
        assertEquals("g2", Timeline.movedGoroutines(t.steps().get(2).state(), t.steps().get(3).state(), obj()));
        assertEquals("mcurg", Timeline.changedVars(t.steps().get(2).state(), t.steps().get(3).state()));
    }

    @Test void reportHtmlIsSelfContainedWithTablesAndCharts() {
        Report r = new Report();
        r.phases.add(new Report.Phase("TLC: ci configs", Report.Status.PASS, "3/3 configs hold", java.time.Duration.ofSeconds(2), "./sched check"));
        r.evidence("NoLostWakeup", "TLC (distinct states)", "holds, 1,234 states");
        r.coverage.put("Spinning", Map.of("NewProc", 10L, "StopM", 0L));
        r.stateSpace.add(new Report.StatePoint("Spinning", "ci", "Ms={m1,m2}", 1234));
        r.pictures.add(new Report.Picture("Bug switch X", sample(), 3, "note"));
        r.environment.put("JDK", "25");
        String html = ReportWriter.html(r);
        assertTrue(html.contains("<table id=\"invariants\">") && html.contains("NoLostWakeup"));
        assertTrue(html.contains("class=\"chart statespace\"") && html.contains("class=\"chart coverage\""));
        assertTrue(html.contains("class=\"timeline\""));
        assertFalse(html.contains("http://") && !html.contains("xmlns=\"http://www.w3.org/2000/svg\""), "no network");
        assertFalse(html.contains("<script src"), "no external scripts");
        String md = ReportWriter.markdown(r);
        assertTrue(md.contains("| NoLostWakeup |") && md.contains("holds, 1,234 states"));
        assertFalse(r.failed());
        r.phases.add(new Report.Phase("stress", Report.Status.FAIL, "watchdog fired", java.time.Duration.ZERO, "x"));
        assertTrue(r.failed());
        assertTrue(ReportWriter.html(r).contains("FAILED"));
    }
}
