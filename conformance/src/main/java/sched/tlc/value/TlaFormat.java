package sched.tlc.value;

import java.util.List;
import java.util.Map;

import sched.trace.Json;

/** Prints {@link TlaValue}s in TLC's syntax and converts them to JSON (the mapping docs/TRACES.md defines). */
public final class TlaFormat {
    private TlaFormat() {}

    /** The value in TLC's own syntax (what TLC would print), on one line. */
    public static String format(TlaValue v) {
        StringBuilder sb = new StringBuilder();
        format(v, sb);
        return sb.toString();
    }

    private static void format(TlaValue v, StringBuilder sb) {
        switch (v) {
            case TlaValue.Bool b -> sb.append(b);
            case TlaValue.Int i -> sb.append(i.value());
            case TlaValue.Str s -> sb.append(quote(s.value()));
            case TlaValue.ModelValue m -> sb.append(m.name());
            case TlaValue.Opaque o -> sb.append(o.text());
            case TlaValue.Seq s -> {
                sb.append("<<");
                joinValues(s.items(), sb);
                sb.append(">>");
            }
            case TlaValue.SetV s -> {
                sb.append('{');
                joinValues(s.items(), sb);
                sb.append('}');
            }
            case TlaValue.Rec r -> {
                sb.append('[');
                boolean first = true;
                for (Map.Entry<String, TlaValue> e : r.fields().entrySet()) {
                    if (!first) sb.append(", ");
                    first = false;
                    sb.append(e.getKey()).append(" |-> ");
                    format(e.getValue(), sb);
                }
                sb.append(']');
            }
            case TlaValue.Fcn f -> {
                sb.append('(');
                boolean first = true;
                for (Map.Entry<TlaValue, TlaValue> e : f.map().entrySet()) {
                    if (!first) sb.append(" @@ ");
                    first = false;
                    format(e.getKey(), sb);
                    sb.append(" :> ");
                    format(e.getValue(), sb);
                }
                sb.append(')');
            }
        }
    }

    private static void joinValues(List<TlaValue> items, StringBuilder sb) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(", ");
            format(items.get(i), sb);
        }
    }

    /** A TLA+ string literal for {@code s}. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\f' -> sb.append("\\f");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /**
     * The JSON form of a TLA+ value: records become objects, sequences (and functions over {@code 1..n}) arrays,
     * other functions objects keyed by {@link #jsonKey the domain element}, sets sorted arrays, model values and
     * strings JSON strings, integers numbers, booleans booleans. Text TLC printed that the value model does not
     * understand becomes a string holding that text.
     */
    public static Json toJson(TlaValue v) {
        return switch (v) {
            case TlaValue.Bool b -> Json.of(b.value());
            case TlaValue.Int i -> Json.of(i.value());
            case TlaValue.Str s -> Json.of(s.value());
            case TlaValue.ModelValue m -> Json.of(m.name());
            case TlaValue.Opaque o -> Json.of(o.text());
            case TlaValue.Seq s -> Json.array(s.items().stream().map(TlaFormat::toJson).toList());
            case TlaValue.SetV s -> Json.array(s.items().stream().map(TlaFormat::toJson).toList());
            case TlaValue.Rec r -> {
                Json.ObjectBuilder b = Json.object();
                r.fields().forEach((k, x) -> b.put(k, toJson(x)));
                yield b.build();
            }
            case TlaValue.Fcn f -> {
                Json.ObjectBuilder b = Json.object();
                f.map().forEach((k, x) -> b.put(jsonKey(k), toJson(x)));
                yield b.build();
            }
        };
    }

    /**
     * The object key for a function's domain element: a model value's name, a string's contents, an integer in
     * decimal, a boolean as {@code TRUE}/{@code FALSE}; any other value in TLC syntax (e.g. {@code <<p1, 2>>}).
     */
    public static String jsonKey(TlaValue k) {
        return switch (k) {
            case TlaValue.ModelValue m -> m.name();
            case TlaValue.Str s -> s.value();
            case TlaValue.Int i -> Long.toString(i.value());
            default -> format(k);
        };
    }

    /** A map of variable values to a JSON object in the same order. */
    public static Json.JObject toJson(Map<String, TlaValue> vars) {
        Json.ObjectBuilder b = Json.object();
        vars.forEach((k, x) -> b.put(k, toJson(x)));
        return b.build();
    }
}
