package sched.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import sched.trace.Json;
import sched.trace.JsonReader;

/**
 * The replay's quick comparison on plain snapshot values ({@link JsonState#same}, {@link JsonState#sameState})
 * answers exactly what building the JSON and diffing it answers: it decides whether a step diverged.
 */
class JsonStateTest {
    private static final List<Object> LEAVES = new ArrayList<>(List.of("none", "g1", "running", 0, 1, 2, -1, 3L,
            true, false));

    static {
        LEAVES.add(null);
    }

    /** A random snapshot value of depth at most {@code d}. */
    private static Object value(Random r, int d) {
        int k = d == 0 ? 0 : r.nextInt(4);
        if (k == 0 || k == 1) return LEAVES.get(r.nextInt(LEAVES.size()));
        if (k == 2) {
            List<Object> l = new ArrayList<>();
            for (int i = r.nextInt(3); i > 0; i--) l.add(value(r, d - 1));
            return l;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = r.nextInt(3); i > 0; i--) m.put("k" + r.nextInt(3), value(r, d - 1));
        return m;
    }

    @Test
    void sameIsEqualityOfTheJson() throws Exception {
        Random r = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            Object a = value(r, 3), b = r.nextInt(3) == 0 ? a : value(r, 3);
            Json ja = JsonState.toJson(a);
            assertEquals(ja.equals(JsonState.toJson(b)), JsonState.same(ja, b), ja + " vs " + JsonState.toJson(b));
        }
        // Numbers by value, as the trace's JSON compares them ("1.0" is 1); keys in any order.
        assertEquals(true, JsonState.same(JsonReader.parse("1.0"), 1));
        assertEquals(true, JsonState.same(JsonReader.parse("{\"b\":1,\"a\":[true]}"),
                new LinkedHashMap<>(Map.of("a", List.of(true), "b", 1))));
        assertEquals(false, JsonState.same(JsonReader.parse("\"1\""), 1));
        assertThrows(IllegalArgumentException.class, () -> JsonState.same(Json.NULL, new Object()));
    }

    @Test
    void sameStateIsAnEmptyDiff() {
        Random r = new Random(7);
        List<String> names = List.of("x", "y", "z", "w");
        for (int i = 0; i < 20_000; i++) {
            List<String> vars = new ArrayList<>(names.subList(0, 1 + r.nextInt(3)));
            Map<String, Object> java = new LinkedHashMap<>();
            Json.ObjectBuilder trace = Json.object();
            for (String n : names) {
                Object v = value(r, 2);
                int k = r.nextInt(6);
                if (k != 0) java.put(n, v); // 0: absent from the Java's
                if (k != 1) trace.put(n, JsonState.toJson(k == 2 ? value(r, 2) : v)); // 1: absent, 2: other
            }
            Json.JObject t = trace.build();
            Json.JObject j = (Json.JObject) JsonState.toJson(java);
            boolean restrictTrace = r.nextBoolean(), restrictJava = r.nextBoolean();
            boolean empty = JsonState.diff(vars, restrictTrace ? ReplayDriver.restrict(t, vars) : t,
                    restrictJava ? ReplayDriver.restrict(j, vars) : j).isEmpty();
            assertEquals(empty, JsonState.sameState(vars, t, restrictTrace, java, restrictJava),
                    vars + " " + t + " " + j + " " + restrictTrace + restrictJava);
        }
    }
}
