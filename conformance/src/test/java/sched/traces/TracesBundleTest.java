package sched.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sched.trace.Json;
import sched.trace.Trace;
import sched.trace.TraceFormatException;
import sched.trace.TraceHeader;
import sched.trace.TraceSchema;
import sched.trace.TraceStep;

/** {@link TraceBundle}: several traces in one (optionally gzip-compressed) file, with the file's line numbers. */
class TracesBundleTest {
    @TempDir Path dir;

    static Trace trace(long seed, int steps) {
        TraceHeader h = new TraceHeader("Toy", "sha256:0123456789abcdef", "ci", Json.object().build(), "random-walk", seed,
                "2.18", List.of("x"), List.of("Inc"), java.util.Map.of());
        java.util.ArrayList<TraceStep> s = new java.util.ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            s.add(new TraceStep(i, i == 0 ? "Init" : "Inc", Json.object().build(), Json.object().put("x", i).build()));
        }
        return new Trace(h, s);
    }

    @Test
    void readsBackWhatItWroteCompressedOrNot() throws Exception {
        List<Trace> ts = List.of(trace(1, 2), trace(2, 0), trace(3, 3));
        String text = TraceBundle.toText(ts);
        for (String name : List.of("b.ndjson", "b.ndjson.gz")) {
            Path f = dir.resolve(name);
            TraceBundle.write(f, text);
            assertEquals(text, TraceBundle.text(f));
            List<TraceBundle.Entry> es = TraceBundle.read(f);
            assertEquals(3, es.size());
            assertEquals(ts, es.stream().map(TraceBundle.Entry::trace).toList());
            assertEquals(List.of(1, 5, 7), es.stream().map(TraceBundle.Entry::firstLine).toList());
            assertEquals(9, es.get(2).lineOfStep(1));
        }
        assertEquals(List.of(1, 5, 7), TraceBundle.chunks(text).stream().map(TraceBundle.Chunk::firstLine).toList());
        assertEquals(Files.readString(dir.resolve("b.ndjson")), String.join("", TraceBundle.chunks(text).stream().map(TraceBundle.Chunk::text).toList()));
    }

    @Test
    void anErrorInALaterTraceNamesTheFilesLine() throws Exception {
        String text = TraceBundle.toText(List.of(trace(1, 2), trace(2, 2)));
        String[] lines = text.split("\n");
        lines[7] = lines[7].replace("\"x\":2", "\"y\":2");
        Path f = dir.resolve("bad.ndjson.gz");
        TraceBundle.write(f, String.join("\n", lines) + "\n");
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceBundle.read(f));
        assertEquals(8, e.line());
        assertEquals(f + ":8: state of step 2 lacks variable x and has unknown variable y", e.getMessage());
        TraceSchema other = new TraceSchema("Spinning", null, null, null);
        TraceFormatException e2 = assertThrows(TraceFormatException.class,
                () -> TraceBundle.parse(f, TraceBundle.toText(List.of(trace(1, 1))), other));
        assertEquals(1, e2.line());
    }

    @Test
    void aFileThatIsNotGzipOrNotUtf8IsBadInput() throws Exception {
        Path f = dir.resolve("x.ndjson.gz");
        Files.writeString(f, "{\"format\":\"sched-trace/1\"}\n");
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceBundle.read(f));
        assertTrue(e.getMessage().startsWith(f + ":1: not a readable gzip file"), e.getMessage());
        Path g = dir.resolve("y.ndjson");
        Files.write(g, new byte[] {(byte) 0xff, (byte) 0xfe, '\n'});
        assertEquals(f.getParent().resolve("y.ndjson") + ":1: not UTF-8 text",
                assertThrows(TraceFormatException.class, () -> TraceBundle.read(g)).getMessage());
    }
}
