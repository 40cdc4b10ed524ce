package sched.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import sched.bench.Results.CaseResult;
import sched.bench.Results.Metric;
import sched.bench.Results.PeerResult;
import sched.bench.Results.Run;

/** Statistics, goals, JSON and the SVG chart on made-up figures. */
class ReportTest {
    static PeerResult peer(Peer p, long... wallMs) {
        PeerResult r = new PeerResult(p, "x");
        for (long w : wallMs) r.runs.add(new Run(0, w * 1_000_000, w * 2_000_000, 1024 * w, null));
        return r;
    }

    static CaseResult skynet() {
        CaseResult c = new CaseResult(Workload.SKYNET, 2, Workload.SKYNET.params(true));
        c.peers.add(peer(Peer.GORT, 30, 10, 20));
        c.peers.add(peer(Peer.VTHREADS, 40, 40, 40));
        c.peers.add(peer(Peer.GO, 5, 15));
        PeerResult na = new PeerResult(Peer.FJP, "y");
        na.status = "failed: test";
        c.peers.add(na);
        return c;
    }

    @Test
    void medianMinMaxAndRatio() {
        CaseResult c = skynet();
        PeerResult us = c.get(Peer.GORT);
        assertEquals(20, us.median(Metric.WALL), 1e-9);
        assertEquals(10, us.min(Metric.WALL), 1e-9);
        assertEquals(30, us.max(Metric.WALL), 1e-9);
        assertEquals(10, c.get(Peer.GO).median(Metric.WALL), 1e-9); // even count: mean of the middle two
        assertEquals(0.5, c.ratio(Peer.VTHREADS, Metric.WALL), 1e-9);
        assertEquals(2.0, c.ratio(Peer.GO, Metric.WALL), 1e-9);
        assertTrue(Double.isNaN(c.ratio(Peer.FJP, Metric.WALL)));
    }

    @Test
    void goalsSayMetOrMissedAndByHowMuch() {
        List<Map<String, Object>> goals = Goals.evaluate(List.of(skynet()), 2);
        Map<String, Object> vt = goals.stream().filter(g -> g.get("goal").toString().contains("virtual"))
                .findFirst().orElseThrow();
        assertEquals("met", vt.get("verdict"));
        Map<String, Object> go = goals.stream().filter(g -> g.get("goal").equals("skynet: no slower than Go (wall)"))
                .findFirst().orElseThrow();
        assertEquals("MISSED", go.get("verdict"));
        assertTrue(go.get("detail").toString().contains("over by 100%"), go.get("detail").toString());
    }

    @Test
    void jsonRoundTrips() {
        Map<String, Object> doc = Map.of("a", List.of(1L, "two \"quoted\"\n", true), "b", Map.of("c", 2.5));
        Object back = Json.parse(Json.write(doc));
        assertEquals(doc, back);
    }

    @Test
    void chartIsWellFormedSvg() throws Exception {
        String svg = SvgChart.render(List.of(skynet()), true, 3, "now", 2);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertTrue(svg.contains("skynet @2"));
    }
}
