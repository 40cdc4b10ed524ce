package sched.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sched.trace.Trace;
import sched.trace.TraceReader;

/** {@code ./sched check} end to end (through {@link Main#execute}) on the fixture manifests. */
class CheckCommandTest {
    static final Path TOY = Path.of("src/test/resources/tlc/toy").toAbsolutePath();

    @TempDir Path work;

    private CliRun check(String... args) {
        return CliRun.of(List.of("check", "--work-dir", work.toString(), "--heap", "256m"), args);
    }

    @Test
    void everythingHoldsAndEverySwitchIsCaught() {
        CliRun r = check("--manifest", TOY.resolve("MANIFEST.tsv").toString(), "--mutants");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("spec  config"), r.out());
        assertTrue(Pattern.compile("Toy\\s+ci\\s+ok\\s+60\\s").matcher(r.out()).find(), r.out());
        assertTrue(Pattern.compile("Toy\\s+liveness\\s+ok").matcher(r.out()).find(), r.out());
        assertTrue(Pattern.compile("BugSkip\\s+Toy\\s+Bounded\\s+Bounded\\s+4 steps\\s+caught").matcher(r.out()).find(), r.out());
        assertTrue(Pattern.compile("Never\\s+Toy\\s+Never\\s+Never\\s+\\d+ steps\\s+caught").matcher(r.out()).find(), r.out());
        assertTrue(r.out().contains("All 4 run(s) as expected."), r.out());
        // plain progress lines (not a terminal)
        assertTrue(r.err().contains("[Toy ci] checking"), r.err());
        assertTrue(Files.exists(work.resolve("traces/Toy-bug-Skip.ndjson")));
    }

    @Test
    void aSwitchThatIsNotCaughtFails() {
        CliRun r = check("--manifest", TOY.resolve("MISSED.tsv").toString(), "--mutants");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(Pattern.compile("Missed\\s+Toy\\s+Bounded\\s+-\\s+-\\s+NOT CAUGHT").matcher(r.out()).find(), r.out());
    }

    @Test
    void anUnexpectedViolationPrintsTheStepsAndWritesATrace() throws Exception {
        CliRun r = check("--manifest", TOY.resolve("FAILING.tsv").toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("Toy bug-Skip: violated Bounded"), r.out());
        assertTrue(r.out().contains("Counterexample (4 steps):"), r.out());
        assertTrue(Pattern.compile("4\\s+Work\\(m=m1\\)\\s+count = 4").matcher(r.out()).find(), r.out());
        Matcher m = Pattern.compile("Trace written to (\\S+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        Trace t = TraceReader.read(Path.of(m.group(1)));
        assertEquals(4, t.length());
        assertEquals("Toy", t.header().spec());
    }

    @Test
    void specErrorsExitWith2AndNameFileAndLine() throws Exception {
        Path dir = Files.createDirectories(work.resolve("spec"));
        Path fixtures = Path.of("src/test/resources/tlc");
        Files.copy(fixtures.resolve("broken/Broken.tla"), dir.resolve("Broken.tla"));
        Files.copy(fixtures.resolve("broken/Broken.cfg"), dir.resolve("Broken.ci.cfg"));
        Files.writeString(dir.resolve("MANIFEST.tsv"), "spec\tconfig\tkind\texpect\tbug\tnote\nBroken\tci\tci\tok\t-\t\n");
        CliRun r = check("--manifest", dir.resolve("MANIFEST.tsv").toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("Broken.tla:9: parse error"), r.err());
        assertTrue(r.out().contains("ERROR"), r.out());
    }

    @Test
    void usageErrorsExitWith2() throws Exception {
        CliRun unknown = check("--manifest", TOY.resolve("MANIFEST.tsv").toString(), "Nope");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown spec 'Nope' (known: Toy)"), unknown.err());
        CliRun noManifest = check("--manifest", work.resolve("none.tsv").toString());
        assertEquals(2, noManifest.exit());
        Path bad = work.resolve("bad.tsv");
        Files.writeString(bad, "spec\tconfig\tkind\texpect\tbug\nToy\tci\tweird\tok\t-\n");
        CliRun badManifest = check("--manifest", bad.toString());
        assertEquals(2, badManifest.exit());
        assertTrue(badManifest.err().contains("bad.tsv:2: unknown kind 'weird'"), badManifest.err());
        assertEquals(2, check("--workers", "0").exit());
        assertEquals(2, check("--no-such-flag").exit());
    }

    @Test
    void help() {
        CliRun r = check("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("--mutants") && r.out().contains("--distributed"), r.out());
    }
}
