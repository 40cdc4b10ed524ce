package sched.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import sched.trace.Json;
import sched.trace.JsonReader;

/** Property 4's checker: {@link TraceValidator} on traces of the fixture spec Mini. */
class TracesValidatorTest {

    /** The aimed walk of the fixture corpus: Init, Put(w1), Put(w2), Flush. */
    static List<String> aimedLines() throws Exception {
        return new ArrayList<>(TraceBundle.text(TracesTestSupport.corpus().resolve("Mini/ci.aimed-walk.ndjson.gz")).lines().toList());
    }

    static Path write(String name, List<String> lines) throws Exception {
        Path f = TracesTestSupport.WORK.resolve("validate").resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    /** Line {@code i} (0-based) as JSON, changed by {@code edit}. */
    static void edit(List<String> lines, int i, UnaryOperator<Json.JObject> edit) throws Exception {
        lines.set(i, edit.apply((Json.JObject) JsonReader.parse(lines.get(i))).toText());
    }

    static Json.JObject with(Json.JObject o, String key, Json value) {
        Json.ObjectBuilder b = Json.object();
        o.fields().forEach(b::put);
        return b.put(key, value).build();
    }

    static TraceValidator.Result only(Path f) throws Exception {
        List<TraceValidator.Result> rs = TraceValidator.validate(f, TracesTestSupport.validatorOptions());
        assertEquals(1, rs.size(), rs.toString());
        return rs.getFirst();
    }

    @Test
    void everyGeneratedTraceIsABehaviour() throws Exception {
        Path c = TracesTestSupport.corpus();
        List<TraceValidator.Result> rs = TraceValidator.validate(List.of(c), TracesTestSupport.validatorOptions());
        assertEquals(10, rs.size(), rs.toString());
        for (TraceValidator.Result r : rs) assertEquals(TraceValidator.Status.VALID, r.status(), r.format());
        // the bug trace is a behaviour of its own (bug) config
        assertTrue(rs.stream().anyMatch(r -> r.file().getFileName().toString().equals("bug-Double.ndjson")));
    }

    @Test
    void aChangedVariableAtStepKFailsNamingStepKAndTheVariable() throws Exception {
        List<String> lines = aimedLines();
        // step 2 is on line 4 (index 3): Put(w2) leaves done = 0; say 1
        edit(lines, 3, s -> with(s, "state", with((Json.JObject) s.get("state"), "done", Json.of(1))));
        Path f = write("edited-done.ndjson", lines);
        TraceValidator.Result r = only(f);
        assertEquals(TraceValidator.Status.NOT_A_BEHAVIOUR, r.status(), r.format());
        assertEquals(2, r.step());
        assertEquals(4, r.line());
        assertEquals("Put", r.action());
        assertEquals(List.of("done"), r.differs());
        assertTrue(r.format().startsWith(f + ":4: step 2: Put(w=w2) does not lead from the state of step 1"), r.format());
        assertTrue(r.message().contains("done: trace 1, spec 0"), r.message());
    }

    @Test
    void aFunctionEntryIsNamedWithItsKey() throws Exception {
        List<String> lines = aimedLines();
        edit(lines, 2, s -> with(s, "state", with((Json.JObject) s.get("state"), "pc",
                Json.object().put("w1", "queued").put("w2", "idle").put("w3", "queued").build())));
        TraceValidator.Result r = only(write("edited-pc.ndjson", lines));
        assertEquals(TraceValidator.Status.NOT_A_BEHAVIOUR, r.status(), r.format());
        assertEquals(1, r.step());
        assertTrue(r.message().contains("pc[w3]: trace \"queued\", spec \"idle\""), r.message());
    }

    @Test
    void wrongArgumentsOrADisabledActionFail() throws Exception {
        List<String> lines = aimedLines();
        edit(lines, 2, s -> with(s, "args", Json.object().put("w", "w3").build()));
        TraceValidator.Result r = only(write("wrong-arg.ndjson", lines));
        assertEquals(TraceValidator.Status.NOT_A_BEHAVIOUR, r.status());
        assertEquals(1, r.step());
        assertEquals(List.of("q", "pc"), r.differs());

        lines = aimedLines();
        edit(lines, 2, s -> with(s, "args", Json.object().put("w", "w9").build()));
        r = only(write("no-such-arg.ndjson", lines));
        assertEquals(TraceValidator.Status.NOT_A_BEHAVIOUR, r.status());
        assertTrue(r.message().contains("Put has no instance with arguments {\"w\":\"w9\"}"), r.message());

        lines = aimedLines();
        edit(lines, 2, s -> with(with(s, "action", Json.of("Flush")), "args", Json.object().build()));
        r = only(write("disabled.ndjson", lines));
        assertEquals(TraceValidator.Status.NOT_A_BEHAVIOUR, r.status());
        assertTrue(r.message().contains("step 1: Flush is not enabled in the state of step 0"), r.message());
        assertTrue(r.message().contains("Put(w=w1) leads to exactly the state of step 1"), r.message());
    }

    @Test
    void aFirstStateThatIsNotInitialFailsAtStep0() throws Exception {
        List<String> lines = aimedLines();
        edit(lines, 1, s -> with(s, "state", with((Json.JObject) s.get("state"), "done", Json.of(2))));
        TraceValidator.Result r = only(write("not-initial.ndjson", lines));
        assertEquals(TraceValidator.Status.NOT_A_BEHAVIOUR, r.status());
        assertEquals(0, r.step());
        assertEquals(2, r.line());
        assertEquals(List.of("done"), r.differs());
    }

    @Test
    void badInputIsReportedWithFileAndLine() throws Exception {
        List<String> lines = aimedLines();
        lines.set(2, lines.get(2).substring(0, 40));
        TraceValidator.Result r = only(write("malformed.ndjson", lines));
        assertEquals(TraceValidator.Status.BAD_INPUT, r.status());
        assertEquals(3, r.line());
        assertTrue(r.message().startsWith("malformed JSON"), r.message());

        lines = aimedLines();
        edit(lines, 0, h -> with(h, "actions", Json.array()));  // so the header does not catch it
        edit(lines, 2, s -> with(s, "action", Json.of("Steal")));
        r = only(write("unknown-action.ndjson", lines));
        assertEquals(TraceValidator.Status.BAD_INPUT, r.status(), r.format());
        assertEquals(3, r.line());
        assertEquals("unknown action \"Steal\": spec Mini has no such action", r.message());

        lines = aimedLines();
        edit(lines, 3, s -> {
            Json.ObjectBuilder st = Json.object();
            ((Json.JObject) s.get("state")).fields().forEach((k, v) -> { if (!k.equals("pc")) st.put(k, v); });
            return with(s, "state", st.build());
        });
        r = only(write("missing-var.ndjson", lines));
        assertEquals(TraceValidator.Status.BAD_INPUT, r.status());
        assertEquals(4, r.line());
        assertEquals("state of step 2 lacks variable pc", r.message());

        lines = aimedLines();
        edit(lines, 3, s -> with(s, "state", with((Json.JObject) s.get("state"), "extra", Json.of(1))));
        r = only(write("extra-var.ndjson", lines));
        assertEquals("state of step 2 has unknown variable extra", r.message());

        lines = aimedLines();
        edit(lines, 0, h -> with(h, "specHash", Json.of("sha256:0000000000000000")));
        r = only(write("other-version.ndjson", lines));
        assertEquals(TraceValidator.Status.BAD_INPUT, r.status());
        assertEquals(1, r.line());
        assertTrue(r.message().startsWith("spec hash mismatch: the trace was made from Mini version sha256:0000000000000000"), r.message());

        lines = aimedLines();
        edit(lines, 0, h -> with(h, "constants", with((Json.JObject) h.get("constants"), "Cap", Json.of(3))));
        r = only(write("other-constants.ndjson", lines));
        assertEquals(1, r.line());
        assertTrue(r.message().contains("constants differ from") && r.message().contains("Cap (trace 3, config 2)"), r.message());

        lines = aimedLines();
        edit(lines, 0, h -> with(h, "config", Json.of("nosuch")));
        r = only(write("no-config.ndjson", lines));
        assertEquals(1, r.line());
        assertTrue(r.message().startsWith("no config nosuch for spec Mini"), r.message());
    }

    @Test
    void aTraceThatNamesNoSpecVersionOrConstantsIsStillChecked() throws Exception {
        // as a recording from the Java may be: no specHash, no constants, no action list, generator of its own
        List<String> lines = aimedLines();
        edit(lines, 0, h -> with(with(with(with(h, "specHash", Json.NULL), "constants", Json.object().build()),
                "actions", Json.array()), "generator", Json.of("java-recording")));
        TraceValidator.Result r = only(write("recording.ndjson", lines));
        assertEquals(TraceValidator.Status.VALID, r.status(), r.format());
        assertEquals(3, r.steps());
    }

    /** The lines with variable {@code var} taken out of the header and every state. */
    static List<String> without(List<String> lines, String var) throws Exception {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            Json.JObject o = (Json.JObject) JsonReader.parse(l);
            if (o.has("format")) {
                o = with(o, "variables", Json.array(((Json.JArray) o.get("variables")).items().stream()
                        .filter(v -> !v.equals(Json.of(var))).toList()));
            } else {
                Json.ObjectBuilder st = Json.object();
                ((Json.JObject) o.get("state")).fields().forEach((k, v) -> { if (!k.equals(var)) st.put(k, v); });
                o = with(o, "state", st.build());
            }
            out.add(o.toText());
        }
        return out;
    }

    @Test
    void auxiliaryVariablesMayBeLeftOutOthersNot() throws Exception {
        // a recording from the Java has no history variables (auxLog): every walk still validates without them
        Path c = TracesTestSupport.corpus();
        List<String> lines = new ArrayList<>(TraceBundle.text(c.resolve("Mini/ci.random-walk.ndjson.gz")).lines().toList());
        List<String> noAux = without(lines, "auxLog");
        List<TraceValidator.Result> rs = TraceValidator.validate(write("no-aux.ndjson", noAux), TracesTestSupport.validatorOptions());
        assertEquals(TracesTestSupport.COUNT, rs.size());
        rs.forEach(r -> assertEquals(TraceValidator.Status.VALID, r.status(), r.format()));
        assertTrue(String.join("\n", lines).contains("\"action\":\"Take\""), "the walks take Take, which writes auxLog");

        TraceValidator.Result r = only(write("no-done.ndjson", without(aimedLines(), "done")));
        assertEquals(TraceValidator.Status.BAD_INPUT, r.status());
        assertEquals(1, r.line());
        assertEquals("header variables differ from the spec's; missing: done (only auxiliary variables, aux..., may be left out)",
                r.message());
    }

    @Test
    void tracesInMemoryAreValidatedToo() throws Exception {
        List<sched.trace.Trace> ts = new ArrayList<>();
        for (TraceBundle.Entry e : TraceBundle.read(TracesTestSupport.corpus().resolve("Mini/ci.random-walk.ndjson.gz"))) {
            ts.add(e.trace());
        }
        List<TraceValidator.Result> rs = TraceValidator.validateTraces(ts, TracesTestSupport.validatorOptions());
        assertEquals(ts.size(), rs.size());
        rs.forEach(r -> assertEquals(TraceValidator.Status.VALID, r.status(), r.format()));
    }

    @Test
    void inABundleEachTraceIsCheckedAndLinesAreTheFilesLines() throws Exception {
        List<String> lines = aimedLines();
        List<String> two = new ArrayList<>(lines);
        List<String> second = aimedLines();
        edit(second, 4, s -> with(s, "state", with((Json.JObject) s.get("state"), "done", Json.of(3))));
        two.addAll(second);
        Path f = write("bundle.ndjson", two);
        List<TraceValidator.Result> rs = TraceValidator.validate(f, TracesTestSupport.validatorOptions());
        assertEquals(2, rs.size());
        assertEquals(TraceValidator.Status.VALID, rs.get(0).status());
        assertEquals(TraceValidator.Status.NOT_A_BEHAVIOUR, rs.get(1).status());
        assertEquals(1, rs.get(1).trace());
        assertEquals(3, rs.get(1).step());
        assertEquals(lines.size() + 5, rs.get(1).line());
    }
}
