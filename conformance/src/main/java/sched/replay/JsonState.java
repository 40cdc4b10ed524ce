package sched.replay;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import sched.trace.Json;

/** States as JSON: the snapshot's plain Java values converted, and a side-by-side diff of two states. */
public final class JsonState {
    private JsonState() {}

    /** A snapshot value (String, Integer, Long, Boolean, List, Map) as JSON. */
    public static Json toJson(Object v) {
        return switch (v) {
            case null -> Json.NULL;
            case String s -> Json.of(s);
            case Integer i -> Json.of(i.longValue());
            case Long l -> Json.of(l);
            case Boolean b -> Json.of(b);
            case List<?> l -> {
                List<Json> items = new ArrayList<>(l.size());
                for (Object x : l) items.add(toJson(x));
                yield Json.array(items);
            }
            case Map<?, ?> m -> {
                Json.ObjectBuilder b = Json.object();
                m.forEach((k, x) -> b.put(String.valueOf(k), toJson(x)));
                yield b.build();
            }
            default -> throw new IllegalArgumentException("not a snapshot value: " + v.getClass());
        };
    }

    /** One differing entry: a variable, or {@code var[key]} of a function-valued variable. */
    public record Row(String name, Json trace, Json java) {}

    /** The entries where {@code trace} and {@code java} differ, in the order of {@code variables}. */
    public static List<Row> diff(List<String> variables, Json.JObject trace, Json.JObject java) {
        List<Row> rows = new ArrayList<>();
        LinkedHashSet<String> names = new LinkedHashSet<>(variables);
        names.addAll(trace.fields().keySet());
        names.addAll(java.fields().keySet());
        for (String v : names) {
            Json a = trace.get(v), b = java.get(v);
            if (a != null && a.equals(b)) continue;
            if (a instanceof Json.JObject oa && b instanceof Json.JObject ob) {
                LinkedHashSet<String> keys = new LinkedHashSet<>(oa.fields().keySet());
                keys.addAll(ob.fields().keySet());
                for (String k : keys) {
                    Json x = oa.get(k), y = ob.get(k);
                    if (x == null || !x.equals(y)) rows.add(new Row(v + "[" + k + "]", x, y));
                }
            } else {
                rows.add(new Row(v, a, b));
            }
        }
        return rows;
    }

    /** The rows as an aligned three-column table: entry, the trace's value, the Java's value. */
    public static String table(List<Row> rows) {
        int w0 = "variable".length(), w1 = "trace (spec)".length();
        List<String[]> cells = new ArrayList<>();
        for (Row r : rows) {
            String[] c = {r.name(), text(r.trace()), text(r.java())};
            w0 = Math.max(w0, c[0].length());
            w1 = Math.max(w1, Math.min(c[1].length(), 60));
            cells.add(c);
        }
        StringBuilder sb = new StringBuilder();
        String fmt = "  %-" + w0 + "s  %-" + w1 + "s  %s%n";
        sb.append(String.format(fmt, "variable", "trace (spec)", "java"));
        for (String[] c : cells) sb.append(String.format(fmt, c[0], c[1], c[2]));
        return sb.toString();
    }

    private static String text(Json j) {
        return j == null ? "(absent)" : j.toText();
    }
}
