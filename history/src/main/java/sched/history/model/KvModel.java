package sched.history.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sched.history.Operation;
import sched.history.edn.EdnWriter;

/**
 * Porcupine's key-value store: a map from string keys to string values, a missing key reading as {@code ""}.
 * Operations carry {@code [key value]} (see the porcupine-kv-log reader): {@code :get} is legal when the value
 * read equals the key's current value, {@code :put} replaces it, {@code :append} concatenates onto it.
 *
 * <p>By default the history is partitioned by key (P-compositionality) and each key is checked as an
 * independent string register; {@link #wholeMap} turns the split off, keeping the whole map as one state.
 */
public final class KvModel implements Model {
    private static final int GET = 0, PUT = 1, APPEND = 2, NOOP = 3;

    private record Prepared(int kind, Object key, String value) {}

    private final boolean split;
    private final Object onlyKey; // non-null: a one-key part, state is the String itself

    private KvModel(boolean split, Object onlyKey) {
        this.split = split;
        this.onlyKey = onlyKey;
    }

    public static KvModel perKey() { return new KvModel(true, null); }

    public static KvModel wholeMap() { return new KvModel(false, null); }

    @Override public String describe() {
        return onlyKey != null ? "kv key " + EdnWriter.write(onlyKey) + " init=\"\"" : "kv init=\"\"" + (split ? "" : " (whole map)");
    }

    @Override public Object initialState() { return onlyKey != null ? "" : new MapState(Map.of()); }

    @Override public Object prepare(Operation op) {
        if (op.outcome() == Operation.Outcome.FAIL) return null;
        List<?> t = Ops.tuple(op, 2, "[key value] (as the porcupine-kv-log reader makes it)");
        Object v = t.get(1);
        if (v != null && !(v instanceof String)) throw Ops.bad(op, "needs a string value");
        return switch (Ops.fn(op)) {
            case "get" -> op.outcome().open() ? new Prepared(NOOP, t.get(0), null) : new Prepared(GET, t.get(0), v == null ? "" : (String) v);
            case "put" -> new Prepared(PUT, t.get(0), v == null ? "" : (String) v);
            case "append" -> new Prepared(APPEND, t.get(0), v == null ? "" : (String) v);
            default -> throw Ops.unknownF(op, "kv", ":get, :put or :append");
        };
    }

    @Override public Object step(Object state, Object prepared) {
        Prepared p = (Prepared) prepared;
        if (onlyKey != null) {
            String s = (String) state;
            return switch (p.kind) {
                case GET -> s.equals(p.value) ? s : ILLEGAL;
                case PUT -> p.value;
                case APPEND -> p.value.isEmpty() ? s : s.concat(p.value);
                default -> s;
            };
        }
        MapState m = (MapState) state;
        String cur = (String) m.get(p.key, "");
        return switch (p.kind) {
            case GET -> cur.equals(p.value) ? m : ILLEGAL;
            case PUT -> m.with(p.key, p.value);
            case APPEND -> m.with(p.key, cur.concat(p.value));
            default -> m;
        };
    }

    @Override public List<Part> partition(List<Operation> ops) {
        if (!split || onlyKey != null) return null;
        Map<Object, List<Operation>> byKey = new LinkedHashMap<>();
        for (Operation op : ops) {
            if (!(op.value() instanceof List<?> t) || t.size() != 2 || t.get(0) == null) return null;
            byKey.computeIfAbsent(t.get(0), k -> new ArrayList<>()).add(op);
        }
        List<Part> parts = new ArrayList<>();
        for (Map.Entry<Object, List<Operation>> e : byKey.entrySet()) {
            parts.add(new Part("key " + EdnWriter.write(e.getKey()), new KvModel(false, e.getKey()), e.getValue()));
        }
        return parts;
    }
}
