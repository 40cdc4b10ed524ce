package sched.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sched.trace.TraceWriter;

/** Bad input to {@code ./sched replay}: a clear {@code file:line: message} and exit 2, never a stack dump. */
class ReplayBadInputTest {
    @TempDir Path dir;
    List<String> good;

    @BeforeEach
    void recordOne() {
        good = ReplaySupport.lines(TraceWriter.toText(ReplaySupport.recorded(3)));
        assertTrue(good.size() > 5);
    }

    private Path write(String name, List<String> lines) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    private List<String> with(int index, String line) {
        List<String> l = new ArrayList<>(good);
        l.set(index, line);
        return l;
    }

    private void bad(Path f, String expect, String... extra) {
        List<String> args = new ArrayList<>(List.of("replay"));
        args.addAll(List.of(extra));
        args.add(f.toString());
        ReplaySupport.Run r = ReplaySupport.cli(args.toArray(String[]::new));
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(expect), "expected '" + expect + "' in:\n" + r.err());
        assertFalse(r.err().contains("\tat "), "no stack dump:\n" + r.err());
        assertTrue(r.out().contains("1 bad input"), r.out());
    }

    @Test
    void aBundleWithOneMalformedTraceIsOneBadInput() throws Exception {
        // Two good traces, then one cut short: the file is one bad input, named at the bundle's line (each trace is
        // parsed in the job that replays it, but a file is reported only once all its traces are read).
        List<String> lines = new ArrayList<>(good);
        lines.addAll(good);
        lines.addAll(with(3, good.get(3).substring(0, 40)));
        Path f = write("bundle.ndjson", lines);
        bad(f, f + ":" + (2 * good.size() + 4) + ": malformed JSON at column");
        ReplaySupport.Run r = ReplaySupport.cli("replay", f.toString());
        assertTrue(r.out().contains("traces: 1 (0 replayed"), r.out());
    }

    @Test
    void malformedJson() throws Exception {
        Path f = write("malformed.ndjson", with(3, good.get(3).substring(0, 40)));
        bad(f, f + ":4: malformed JSON at column");
    }

    @Test
    void unknownAction() throws Exception {
        Path f = write("action.ndjson", with(2, good.get(2).replaceFirst("\"action\":\"[A-Za-z]+\"", "\"action\":\"Steal\"")));
        bad(f, f + ":3: unknown action \"Steal\"");
    }

    @Test
    void missingVariable() throws Exception {
        Path f = write("missing.ndjson", with(2, good.get(2).replaceFirst(",\"nmspinning\":\\d+", "")));
        bad(f, f + ":3: state of step 1 lacks variable nmspinning");
    }

    @Test
    void extraVariable() throws Exception {
        Path f = write("extra.ndjson", with(2, good.get(2).replaceFirst("\"npidle\":", "\"schedtick\":0,\"npidle\":")));
        bad(f, f + ":3: state of step 1 has unknown variable schedtick");
    }

    @Test
    void headerVariablesOtherThanTheAbstractionFunctions() throws Exception {
        Path f = write("vars.ndjson", with(0, good.get(0).replace("\"mnextp\",", "")));
        bad(f, f + ":1: header variables differ from the spec's; missing: mnextp");
    }

    @Test
    void anotherSpecVersion() throws Exception {
        Path specDir = Files.createDirectories(dir.resolve("spec"));
        StringBuilder tla = new StringBuilder("---- MODULE Spinning ----\nVARIABLES x\n");
        List<String> names = SpinningSession.ACTIONS.stream().map(Enum::name).toList();
        for (String a : names) tla.append(a).append(" == x' = x\n");
        tla.append("Next == ").append(String.join(" \\/ ", names)).append("\n====\n");
        Files.writeString(specDir.resolve("Spinning.tla"), tla.toString());
        Path f = write("version.ndjson", with(0, good.get(0).replace("\"specHash\":null", "\"specHash\":\"sha256:0123456789abcdef\"")));
        bad(f, f + ":1: spec hash mismatch: the trace was made from Spinning version sha256:0123456789abcdef",
                "--spec-dir", specDir.toString());
    }

    @Test
    void unsupportedSpec() throws Exception {
        Path f = write("spec.ndjson", with(0, good.get(0).replace("\"spec\":\"Spinning\"", "\"spec\":\"Toy\"")));
        bad(f, f + ":1: replay supports the specs Spinning, Fairness, RunQueue; this trace is of Toy");
    }

    @Test
    void missingConstants() throws Exception {
        Path f = write("constants.ndjson", with(0, good.get(0).replaceFirst("\"Ms\":\\[[^\\]]*\\],", "")));
        bad(f, f + ":1: header constants lack Ms");
    }

    @Test
    void emptyFileAndNoSuchFile() throws Exception {
        Path f = write("empty.ndjson", List.of());
        Files.writeString(f, "");
        bad(f, f + ":1: empty trace file");
        ReplaySupport.Run r = ReplaySupport.cli("replay", dir.resolve("nope.ndjson").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("nope.ndjson:1: no such trace file"), r.err());
    }
}
