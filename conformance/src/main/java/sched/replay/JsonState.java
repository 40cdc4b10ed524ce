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

    /**
     * Whether {@code t} equals {@code toJson(v)}, decided without building {@code toJson(v)}: replay compares the
     * state after every step and builds JSON only to report a difference. Same answer as the equality of the two
     * JSON values (strings by value, numbers by value, booleans, null, sequences item by item, functions key by
     * key in any order); a value {@link #toJson} does not take is an error here too.
     */
    public static boolean same(Json t, Object v) {
        return switch (v) {
            case null -> t instanceof Json.JNull;
            case String s -> t instanceof Json.JString js && js.value().equals(s);
            case Integer i -> sameNumber(t, i.longValue());
            case Long l -> sameNumber(t, l);
            case Boolean b -> t instanceof Json.JBool jb && jb.value() == b;
            case List<?> l -> t instanceof Json.JArray a && sameList(a, l);
            case Map<?, ?> m -> t instanceof Json.JObject o && sameMap(o, m);
            default -> toJson(v).equals(t); // throws: not a snapshot value
        };
    }

    private static boolean sameNumber(Json t, long n) {
        return t instanceof Json.JNumber jn && jn.value().compareTo(java.math.BigDecimal.valueOf(n)) == 0;
    }

    private static boolean sameList(Json.JArray a, List<?> l) {
        if (a.size() != l.size()) return false;
        for (int i = 0; i < l.size(); i++) if (!same(a.get(i), l.get(i))) return false;
        return true;
    }

    private static boolean sameMap(Json.JObject o, Map<?, ?> m) {
        for (Object k : m.keySet()) {
            // toJson keys by String.valueOf: other keys could collide there, so those go the long way.
            if (!(k instanceof String)) return toJson(m).equals(o);
        }
        if (o.size() != m.size()) return false;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Json x = o.get((String) e.getKey());
            if (x == null || !same(x, e.getValue())) return false;
        }
        return true;
    }

    /**
     * Whether {@link #diff}{@code (vars, T, J)} is empty, where T is {@code trace} (restricted to {@code vars} when
     * {@code restrictTrace}) and J is {@code toJson(java)} (restricted to {@code vars} when {@code restrictJava}),
     * decided without building J. Exactly: every name of vars, T and J is in T and equal in J (diff's rule).
     */
    public static boolean sameState(List<String> vars, Json.JObject trace, boolean restrictTrace,
                                    Map<String, ?> java, boolean restrictJava) {
        for (String v : vars) {
            Json t = trace.get(v);
            if (t == null || !java.containsKey(v) || !same(t, java.get(v))) return false;
        }
        if (!restrictTrace) {
            for (Map.Entry<String, Json> e : trace.fields().entrySet()) {
                if (vars.contains(e.getKey())) continue;
                if (restrictJava || !java.containsKey(e.getKey()) || !same(e.getValue(), java.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (!restrictJava) {
            for (Map.Entry<String, ?> e : java.entrySet()) {
                if (vars.contains(e.getKey())) continue;
                Json t = restrictTrace ? null : trace.get(e.getKey());
                if (t == null || !same(t, e.getValue())) return false;
            }
        }
        return true;
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
