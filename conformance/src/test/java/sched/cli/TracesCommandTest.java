package sched.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./sched traces} end to end (through {@link Main#execute}) on the fixture spec Mini. */
class TracesCommandTest {
    static final Path MINI = Path.of("src/test/resources/traces/mini").toAbsolutePath();

    @TempDir Path dir;

    private CliRun traces(String... args) {
        return CliRun.of(List.of("traces", "--spec-dir", MINI.toString(), "--work-dir",
                dir.resolve("work").toString(), "--heap", "256m"), args);
    }

    @Test
    void generatesVerifiesAndValidatesACorpus() throws Exception {
        Path out = dir.resolve("corpus");
        CliRun g = traces("--out", out.toString(), "--count", "4", "--depth", "3", "--seed", "7");
        assertEquals(0, g.exit(), g.out() + g.err());
        assertTrue(g.out().contains("traces,"), g.out());
        assertTrue(g.err().contains("Mini ci: 4 random, 0 coverage, "), g.err());
        assertTrue(g.err().contains("Mini bug-Double: counterexample"), g.err());
        assertTrue(Files.readString(out.resolve("MANIFEST.json"))
                .contains("\"command\": \"./sched traces --count 4 --depth 3 --seed 7 --out "), "the command is recorded");

        CliRun v = traces("--verify", "--out", out.toString(), "--bugs");
        assertEquals(0, v.exit(), v.out() + v.err());
        assertTrue(v.out().contains("traces regenerated and compared: identical"), v.out());

        CliRun ok = traces("--validate", out.toString());
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        assertTrue(ok.out().contains("5 trace(s): 5 valid, 0 not a behaviour of the spec, 0 unreadable"), ok.out());

        // an edited walk no longer regenerates
        Path f = out.resolve("Mini/ci.random-walk.ndjson.gz");
        String text = sched.traces.TraceBundle.text(f);
        sched.traces.TraceBundle.write(f, text.replaceFirst("\"done\":0,", "\"done\":0 ,"));
        CliRun bad = traces("--verify", "--out", out.toString());
        assertEquals(1, bad.exit(), bad.out() + bad.err());
        assertTrue(bad.out().contains("ci.random-walk.ndjson.gz: its text differs from the manifest's SHA-256"), bad.out());
        assertTrue(bad.out().contains("regenerates differently"), bad.out());
    }

    @Test
    void aTraceThatIsNotABehaviourExitsOneNamingTheLine() throws Exception {
        Path f = dir.resolve("t.ndjson");
        Files.writeString(f, trace("\"done\":1"));
        CliRun r = traces("--validate", f.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains(f + ":3: step 1: Put(w=w1) does not lead from the state of step 0 to the state of step 1"), r.out());
    }

    @Test
    void badInputExitsTwoWithFileAndLine() throws Exception {
        Path f = dir.resolve("bad.ndjson");
        Files.writeString(f, trace("\"done\":0").replace("\"step\":1,", "\"step\":1"));
        CliRun r = traces("--validate", f.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("sched traces: " + f + ":3: malformed JSON at column"), r.err());

        Files.writeString(f, trace("\"done\":0").replace("\"action\":\"Put\"", "\"action\":\"Steal\""));
        r = traces("--validate", f.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("sched traces: " + f + ":3: unknown action \"Steal\""), r.err());

        r = traces("--validate", dir.resolve("nope.ndjson").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("sched traces: " + dir.resolve("nope.ndjson") + ": no such file"), r.err());

        r = traces("--count", "-1", "--out", dir.resolve("x").toString());
        assertEquals(2, r.exit());
        r = traces("--spec", "Nope", "--out", dir.resolve("x").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("sched traces: unknown spec Nope (the manifest lists Mini)"), r.err());
    }

    /** A two-step trace of Mini: Init, then Put(w1) with the given {@code done} field. */
    private static String trace(String done) throws Exception {
        String hash = sched.trace.SpecHash.of(MINI.resolve("Mini.tla"));
        return "{\"format\":\"sched-trace/1\",\"spec\":\"Mini\",\"specHash\":\"" + hash + "\",\"config\":\"ci\","
                + "\"generator\":\"java-recording\",\"variables\":[\"q\",\"pc\",\"done\"],\"actions\":[\"Put\",\"Take\",\"Flush\"]}\n"
                + "{\"step\":0,\"action\":\"Init\",\"state\":{\"q\":[],\"pc\":{\"w1\":\"idle\",\"w2\":\"idle\",\"w3\":\"idle\"},\"done\":0}}\n"
                + "{\"step\":1,\"action\":\"Put\",\"args\":{\"w\":\"w1\"},\"state\":{\"q\":[\"w1\"],\"pc\":{\"w1\":\"queued\",\"w2\":\"idle\",\"w3\":\"idle\"}," + done + "}}\n";
    }
}
