package sched.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReaderTest {
    @TempDir Path dir;

    static Trace sample() {
        TraceHeader h = new TraceHeader("Toy", "sha256:0123456789abcdef", "ci",
                Json.object().put("Ms", Json.array(Json.of("m1"), Json.of("m2"))).put("Max", 3).build(),
                "random-walk", 42L, "2.18", List.of("count", "pc"), List.of("Start", "Work"),
                Map.of("note", Json.of("kept")));
        Json.JObject s0 = Json.object().put("count", 0).put("pc", Json.object().put("m1", "idle").put("m2", "idle").build()).build();
        Json.JObject s1 = Json.object().put("count", 0).put("pc", Json.object().put("m1", "busy").put("m2", "idle").build()).build();
        Json.JObject s2 = Json.object().put("count", 1).put("pc", Json.object().put("m1", "idle").put("m2", "idle").build()).build();
        return new Trace(h, List.of(
                new TraceStep(0, "Init", Json.object().build(), s0),
                new TraceStep(1, "Start", Json.object().put("m", "m1").build(), s1),
                new TraceStep(2, "Work", Json.object().put("m", "m1").build(), s2)));
    }

    private Path write(String text) throws Exception {
        Path f = dir.resolve("t.ndjson");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void roundTrip() throws Exception {
        Trace t = sample();
        Path f = dir.resolve("sub/t.ndjson");
        TraceWriter.write(f, t);
        String text = Files.readString(f);
        assertEquals(4, text.lines().count());
        assertTrue(text.startsWith("{\"format\":\"sched-trace/1\",\"spec\":\"Toy\",\"specHash\":\"sha256:0123456789abcdef\",\"config\":\"ci\","));
        assertTrue(text.contains("\n{\"step\":1,\"action\":\"Start\",\"args\":{\"m\":\"m1\"},\"state\":{\"count\":0,\"pc\":{\"m1\":\"busy\",\"m2\":\"idle\"}}}\n"), text);
        Trace back = TraceReader.read(f, new TraceSchema("Toy", "sha256:0123456789abcdef", List.of("pc", "count"), Set.of("Start", "Work")));
        assertEquals(t, back);
        assertEquals(2, back.length());
        assertEquals(text, TraceWriter.toText(back), "writing what was read gives the same bytes");
    }

    private String sampleText() {
        return TraceWriter.toText(sample());
    }

    private TraceFormatException bad(String text, TraceSchema schema) throws Exception {
        Path f = write(text);
        return assertThrows(TraceFormatException.class, () -> TraceReader.read(f, schema));
    }

    private void assertBad(String text, TraceSchema schema, int line, String fragment) throws Exception {
        TraceFormatException e = bad(text, schema);
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve("t.ndjson") + ":" + line + ": "), e.getMessage());
        assertTrue(e.detail().contains(fragment), e.getMessage());
    }

    @Test
    void malformedJson() throws Exception {
        String[] lines = sampleText().split("\n");
        lines[2] = lines[2].substring(0, 30);
        assertBad(String.join("\n", lines) + "\n", null, 3, "malformed JSON at column");
        assertBad("{\"format\":\"sched-trace/1\",\n", null, 1, "malformed JSON");
    }

    @Test
    void unknownAction() throws Exception {
        String text = sampleText().replace("\"action\":\"Work\"", "\"action\":\"Steal\"");
        assertBad(text, null, 4, "unknown action \"Steal\"");
        // an action the header lists but the current spec does not have
        assertBad(sampleText(), new TraceSchema(null, null, null, Set.of("Start")), 4, "unknown action \"Work\"");
    }

    @Test
    void missingAndExtraVariables() throws Exception {
        String missing = sampleText().replace("{\"count\":1,", "{");
        assertBad(missing, null, 4, "state of step 2 lacks variable count");
        String extra = sampleText().replace("{\"count\":0,\"pc\":{\"m1\":\"busy\"", "{\"count\":0,\"npidle\":1,\"pc\":{\"m1\":\"busy\"");
        assertBad(extra, null, 3, "state of step 1 has unknown variable npidle");
        assertBad(sampleText(), new TraceSchema(null, null, List.of("count", "pc", "mp"), null), 1, "missing: mp");
    }

    @Test
    void specHashAndSpecMismatch() throws Exception {
        assertBad(sampleText(), new TraceSchema("Toy", "sha256:ffffffffffffffff", null, null), 1, "spec hash mismatch");
        assertBad(sampleText(), new TraceSchema("Spinning", null, null, null), 1, "trace is of spec Toy, expected Spinning");
    }

    @Test
    void shapeErrors() throws Exception {
        String t = sampleText();
        assertBad("", null, 1, "empty trace file");
        assertBad(t.replace("sched-trace/1", "sched-trace/9"), null, 1, "unsupported format");
        assertBad(t.lines().findFirst().orElseThrow() + "\n", null, 1, "no steps");
        assertBad(t.replace("\"step\":2", "\"step\":3"), null, 4, "out of order");
        assertBad(t.replace("\"action\":\"Init\"", "\"action\":\"Start\""), null, 2, "step 0 must be the Init state");
        assertBad(t.replace("\"args\":{\"m\":\"m1\"},\"state\":{\"count\":0", "\"args\":[],\"state\":{\"count\":0"), null, 3, "\"args\" must be an object");
        assertBad(t.replace("{\"step\":2,", "{\"step\":2,\"extra\":1,"), null, 4, "unknown step field \"extra\"");
        assertBad(t.replaceFirst("\n", "\n\n"), null, 2, "blank line");
        assertBad("[1]\n", null, 1, "header must be a JSON object");
    }

    @Test
    void specHashOfFixture() throws Exception {
        Path toy = Path.of("src/test/resources/tlc/toy/Toy.tla");
        String h = SpecHash.of(toy);
        assertTrue(h.matches("sha256:[0-9a-f]{16}"), h);
        Path copy = dir.resolve("Toy.tla");
        Files.writeString(copy, Files.readString(toy));
        assertEquals(h, SpecHash.of(copy));
        Files.writeString(copy, Files.readString(toy) + "\n");
        assertTrue(!h.equals(SpecHash.of(copy)), "any edit changes the hash");
    }
}
