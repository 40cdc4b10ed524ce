package sched.trace;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and checks trace files (docs/TRACES.md). Every problem is a {@link TraceFormatException} naming the file
 * and the line: malformed JSON, a header or step of the wrong shape, steps out of order, an action the spec does
 * not have, a state with missing or extra variables, a trace of another spec or spec version.
 */
public final class TraceReader {
    private static final Set<String> STEP_FIELDS = Set.of("step", "action", "args", "state");

    private TraceReader() {}

    public static Trace read(Path file) throws IOException, TraceFormatException {
        return read(file, TraceSchema.NONE);
    }

    public static Trace read(Path file, TraceSchema schema) throws IOException, TraceFormatException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new TraceFormatException(file, 1, "not UTF-8 text");
        }
        return parse(file, text, schema);
    }

    /** Parses trace text; {@code file} is only used in messages (may be null). */
    public static Trace parse(Path file, String text, TraceSchema schema) throws TraceFormatException {
        if (schema == null) schema = TraceSchema.NONE;
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.getLast().isEmpty()) lines.removeLast(); // the final newline
        if (lines.isEmpty() || (lines.size() == 1 && lines.getFirst().isBlank())) {
            throw new TraceFormatException(file, 1, "empty trace file (expected a header line)");
        }
        TraceHeader header = header(file, json(file, 1, lines.getFirst()), schema);
        List<TraceStep> steps = new ArrayList<>();
        Set<String> vars = new LinkedHashSet<>(header.variables());
        Set<String> known = new LinkedHashSet<>(header.actions());
        for (int i = 1; i < lines.size(); i++) {
            int lineNo = i + 1;
            String l = lines.get(i);
            if (l.endsWith("\r")) l = l.substring(0, l.length() - 1);
            if (l.isBlank()) throw new TraceFormatException(file, lineNo, "blank line (one JSON object per line)");
            steps.add(step(file, lineNo, json(file, lineNo, l), i - 1, vars, known, schema));
        }
        if (steps.isEmpty()) throw new TraceFormatException(file, 1, "trace has no steps (expected at least the Init state)");
        return new Trace(header, steps);
    }

    private static Json json(Path file, int line, String text) throws TraceFormatException {
        try {
            return JsonReader.parse(text);
        } catch (JsonReader.JsonSyntaxException e) {
            throw new TraceFormatException(file, line, "malformed JSON at column " + e.column() + ": " + e.getMessage());
        }
    }

    private static TraceHeader header(Path file, Json j, TraceSchema schema) throws TraceFormatException {
        if (!(j instanceof Json.JObject o)) throw new TraceFormatException(file, 1, "the header must be a JSON object");
        String format = string(file, 1, o, "format", true);
        if (!TraceHeader.FORMAT.equals(format)) {
            throw new TraceFormatException(file, 1, "unsupported format \"" + format + "\" (expected \"" + TraceHeader.FORMAT + "\")");
        }
        String spec = string(file, 1, o, "spec", true);
        String specHash = string(file, 1, o, "specHash", false);
        String config = string(file, 1, o, "config", false);
        String generator = string(file, 1, o, "generator", true);
        String tlc = string(file, 1, o, "tlc", false);
        Json.JObject constants = Json.object().build();
        if (o.get("constants") instanceof Json.JObject c) {
            constants = c;
        } else if (o.has("constants") && !(o.get("constants") instanceof Json.JNull)) {
            throw new TraceFormatException(file, 1, "header field \"constants\" must be an object");
        }
        Long seed = null;
        Json s = o.get("seed");
        if (s instanceof Json.JNumber n && n.isIntegral()) {
            try {
                seed = n.longValue();
            } catch (ArithmeticException e) {
                throw new TraceFormatException(file, 1, "header field \"seed\" is out of range");
            }
        } else if (s != null && !(s instanceof Json.JNull)) {
            throw new TraceFormatException(file, 1, "header field \"seed\" must be an integer or null");
        }
        List<String> variables = strings(file, o, "variables", true);
        if (variables.isEmpty()) throw new TraceFormatException(file, 1, "header field \"variables\" is empty");
        if (new LinkedHashSet<>(variables).size() != variables.size()) {
            throw new TraceFormatException(file, 1, "header field \"variables\" lists a variable twice");
        }
        List<String> actions = o.has("actions") ? strings(file, o, "actions", false) : List.of();
        Map<String, Json> extra = new LinkedHashMap<>();
        o.fields().forEach((k, v) -> {
            if (!TraceHeader.KNOWN.contains(k)) extra.put(k, v);
        });
        TraceHeader h = new TraceHeader(spec, specHash, config, constants, generator, seed, tlc, variables, actions, extra);
        if (schema.spec() != null && !schema.spec().equals(spec)) {
            throw new TraceFormatException(file, 1, "trace is of spec " + spec + ", expected " + schema.spec());
        }
        if (schema.specHash() != null && !schema.specHash().equals(specHash)) {
            throw new TraceFormatException(file, 1, "spec hash mismatch: the trace was made from " + spec
                    + " version " + specHash + ", the spec is now " + schema.specHash() + " (regenerate the trace)");
        }
        if (schema.variables() != null && !new TreeSet<>(schema.variables()).equals(new TreeSet<>(variables))) {
            TreeSet<String> missing = new TreeSet<>(schema.variables());
            missing.removeAll(variables);
            TreeSet<String> extraVars = new TreeSet<>(variables);
            extraVars.removeAll(schema.variables());
            throw new TraceFormatException(file, 1, "header variables differ from the spec's"
                    + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
                    + (extraVars.isEmpty() ? "" : "; not in the spec: " + String.join(", ", extraVars)));
        }
        return h;
    }

    private static TraceStep step(Path file, int line, Json j, int expected, Set<String> vars, Set<String> headerActions,
                                  TraceSchema schema) throws TraceFormatException {
        if (!(j instanceof Json.JObject o)) throw new TraceFormatException(file, line, "a step must be a JSON object");
        for (String k : o.fields().keySet()) {
            if (!STEP_FIELDS.contains(k)) throw new TraceFormatException(file, line, "unknown step field \"" + k + "\"");
        }
        if (!(o.get("step") instanceof Json.JNumber n) || !n.isIntegral()) {
            throw new TraceFormatException(file, line, "step field \"step\" must be an integer");
        }
        long stepNo;
        try {
            stepNo = n.longValue();
        } catch (ArithmeticException e) {
            throw new TraceFormatException(file, line, "step number out of range");
        }
        if (stepNo != expected) {
            throw new TraceFormatException(file, line, "step " + stepNo + " out of order (expected step " + expected + ")");
        }
        String action = string(file, line, o, "action", true);
        if (expected == 0 && !action.equals("Init")) {
            throw new TraceFormatException(file, line, "step 0 must be the Init state, not " + action);
        }
        if (expected > 0) {
            if (action.equals("Init")) throw new TraceFormatException(file, line, "Init after step 0");
            if (!headerActions.isEmpty() && !headerActions.contains(action)) {
                throw new TraceFormatException(file, line, "unknown action \"" + action + "\" (the header lists "
                        + String.join(", ", headerActions) + ")");
            }
            if (schema.actions() != null && !schema.actions().contains(action)) {
                throw new TraceFormatException(file, line, "unknown action \"" + action + "\": spec "
                        + (schema.spec() == null ? "" : schema.spec() + " ") + "has no such action");
            }
        }
        Json.JObject args = Json.object().build();
        if (o.has("args")) {
            if (!(o.get("args") instanceof Json.JObject a)) {
                throw new TraceFormatException(file, line, "step field \"args\" must be an object");
            }
            args = a;
        }
        if (expected == 0 && args.size() > 0) throw new TraceFormatException(file, line, "Init takes no arguments");
        if (!(o.get("state") instanceof Json.JObject state)) {
            throw new TraceFormatException(file, line, "step field \"state\" must be an object");
        }
        if (state.size() == vars.size() && state.fields().keySet().containsAll(vars)) {
            return new TraceStep(expected, action, args, state); // exactly the header's variables (the usual case)
        }
        TreeSet<String> missing = new TreeSet<>(vars);
        missing.removeAll(state.fields().keySet());
        TreeSet<String> extra = new TreeSet<>(state.fields().keySet());
        extra.removeAll(vars);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            StringBuilder sb = new StringBuilder("state of step " + expected);
            if (!missing.isEmpty()) sb.append(" lacks variable").append(missing.size() > 1 ? "s " : " ").append(String.join(", ", missing));
            if (!missing.isEmpty() && !extra.isEmpty()) sb.append(" and");
            if (!extra.isEmpty()) sb.append(" has unknown variable").append(extra.size() > 1 ? "s " : " ").append(String.join(", ", extra));
            throw new TraceFormatException(file, line, sb.toString());
        }
        return new TraceStep(expected, action, args, state);
    }

    private static String string(Path file, int line, Json.JObject o, String key, boolean required) throws TraceFormatException {
        Json v = o.get(key);
        if (v == null || v instanceof Json.JNull) {
            if (required) throw new TraceFormatException(file, line, "missing field \"" + key + "\"");
            return null;
        }
        if (!(v instanceof Json.JString s)) throw new TraceFormatException(file, line, "field \"" + key + "\" must be a string");
        return s.value();
    }

    private static List<String> strings(Path file, Json.JObject o, String key, boolean required) throws TraceFormatException {
        Json v = o.get(key);
        if (v == null) {
            if (required) throw new TraceFormatException(file, 1, "missing header field \"" + key + "\"");
            return List.of();
        }
        if (!(v instanceof Json.JArray a)) throw new TraceFormatException(file, 1, "header field \"" + key + "\" must be an array of strings");
        List<String> out = new ArrayList<>();
        for (Json x : a.items()) {
            if (!(x instanceof Json.JString s)) throw new TraceFormatException(file, 1, "header field \"" + key + "\" must be an array of strings");
            out.add(s.value());
        }
        return out;
    }
}
