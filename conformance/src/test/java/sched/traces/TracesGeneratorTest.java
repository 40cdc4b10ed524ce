package sched.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import sched.trace.Json;
import sched.trace.Trace;
import sched.trace.TraceSchema;
import sched.trace.TraceStep;

/** {@link TraceGenerator} on the fixture spec Mini: walks of every kind, coverage, the bug trace, determinism. */
class TracesGeneratorTest {

    @Test
    void writesRandomCoverageAimedAndBugTracesWithAManifest() throws Exception {
        Path c = TracesTestSupport.corpus();
        Json.JObject m = CorpusManifest.read(c.resolve("MANIFEST.json"));
        Json.JObject mini = (Json.JObject) ((Json.JObject) m.get("specs")).get("Mini");
        assertEquals(Json.array(Json.of("Put"), Json.of("Take"), Json.of("Flush")), mini.get("actions"));
        assertEquals(Json.array(), mini.get("uncovered"));
        // 6 random + 2 coverage + 1 aimed (Flush needs 2 Puts first, the walks are 2 steps long) + 1 bug
        assertEquals(Json.of(10), mini.get("traces"));
        for (String a : List.of("Put", "Take", "Flush")) {
            Json.JObject cov = (Json.JObject) ((Json.JObject) mini.get("coverage")).get(a);
            assertTrue(((Json.JNumber) cov.get("steps")).longValue() > 0, a + " is covered");
        }
        List<Trace> random = traces(c.resolve("Mini/ci.random-walk.ndjson.gz"));
        List<Trace> coverage = traces(c.resolve("Mini/ci.coverage-walk.ndjson.gz"));
        List<Trace> aimed = traces(c.resolve("Mini/ci.aimed-walk.ndjson.gz"));
        assertEquals(6, random.size());
        assertEquals(2, coverage.size());
        assertEquals(1, aimed.size());
        Trace aim = aimed.getFirst();
        assertEquals(Json.of("Flush"), aim.header().extra().get("aim"));
        assertEquals(List.of("Init", "Put", "Put", "Flush"), aim.steps().stream().map(TraceStep::action).toList());
        // the manifest lists each trace's seed, in file order
        Json.JObject ci = (Json.JObject) ((Json.JArray) mini.get("configs")).get(0);
        Json.JObject rf = (Json.JObject) ((Json.JArray) ci.get("files")).get(0);
        assertEquals("Mini/ci.random-walk.ndjson.gz", ((Json.JString) rf.get("file")).value());
        List<Json> seeds = ((Json.JArray) rf.get("seeds")).items();
        for (int i = 0; i < random.size(); i++) {
            Trace t = random.get(i);
            assertEquals(((Json.JNumber) seeds.get(i)).longValue(), t.header().seed());
            assertEquals("random-walk", t.header().generator());
            assertEquals("ci", t.header().config());
            assertTrue(t.length() <= TracesTestSupport.DEPTH);
            assertEquals(Json.of(i), t.header().extra().get("index"));
        }
        // the bug config's counterexample, marked as such
        Trace bug = traces(c.resolve("Mini/bug-Double.ndjson")).getFirst();
        assertEquals(Json.of("Double"), bug.header().extra().get("bug"));
        assertEquals("tlc-counterexample", bug.header().generator());
        assertEquals("bug-Double", bug.header().config());
        Json.JObject violation = (Json.JObject) bug.header().extra().get("violation");
        assertEquals(Json.of("Bounded"), violation.get("property"));
        assertFalse(bug.header().extra().containsKey("argsMissing"), "arguments recovered");
        for (TraceStep s : bug.steps()) {
            if (s.action().equals("Put")) assertTrue(s.args().get("w") instanceof Json.JString, "Put's argument w: " + s);
            if (s.action().equals("Take")) assertEquals(0, s.args().size());
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherWalks() throws Exception {
        Path c = TracesTestSupport.corpus();
        Path again = TracesTestSupport.fresh("mini-again");
        TraceGenerator.generate(TracesTestSupport.options(again, 1, false));
        for (String f : List.of("ci.random-walk.ndjson.gz", "ci.coverage-walk.ndjson.gz", "ci.aimed-walk.ndjson.gz")) {
            assertEquals(TraceBundle.text(c.resolve("Mini").resolve(f)), TraceBundle.text(again.resolve("Mini").resolve(f)), f);
        }
        Path other = TracesTestSupport.fresh("mini-seed2");
        TraceGenerator.generate(TracesTestSupport.options(other, 2, false));
        List<Trace> a = traces(c.resolve("Mini/ci.random-walk.ndjson.gz"));
        List<Trace> b = traces(other.resolve("Mini/ci.random-walk.ndjson.gz"));
        assertNotEquals(a.getFirst().header().seed(), b.getFirst().header().seed());
        Set<String> pa = paths(a);
        Set<String> pb = paths(b);
        assertNotEquals(pa, pb, "seed 2 walks differently");
    }

    @Test
    void seedsAreDerivedFromTheBaseSeedSpecConfigAndKind() {
        long[] s1 = TraceGenerator.seeds(1, "Mini", "ci", "random-walk", 3);
        assertEquals(3, s1.length);
        assertEquals(s1[2], TraceGenerator.seeds(1, "Mini", "ci", "random-walk", 5)[2], "a prefix does not depend on the count");
        assertNotEquals(s1[0], TraceGenerator.seeds(1, "Mini", "ci", "coverage-walk", 1)[0]);
        assertNotEquals(s1[0], TraceGenerator.seeds(2, "Mini", "ci", "random-walk", 1)[0]);
    }

    static List<Trace> traces(Path f) throws Exception {
        List<Trace> out = new ArrayList<>();
        for (TraceBundle.Entry e : TraceBundle.read(f, TraceSchema.NONE)) out.add(e.trace());
        return out;
    }

    private static Set<String> paths(List<Trace> ts) {
        Set<String> out = new HashSet<>();
        for (Trace t : ts) {
            StringBuilder sb = new StringBuilder();
            for (TraceStep s : t.steps()) sb.append(s.action()).append(s.args().toText()).append(';');
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void aWalkFileIsGzipAndTheBugTraceIsPlain() throws Exception {
        Path c = TracesTestSupport.corpus();
        byte[] gz = Files.readAllBytes(c.resolve("Mini/ci.random-walk.ndjson.gz"));
        assertEquals((byte) 0x1f, gz[0]);
        assertEquals((byte) 0x8b, gz[1]);
        assertTrue(Files.readString(c.resolve("Mini/bug-Double.ndjson")).startsWith("{\"format\":\"sched-trace/1\""));
    }
}
