package sched.history.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sched.history.Operation;
import sched.history.edn.EdnWriter;

/**
 * Knossos's multi-register: a map of registers, every operation a {@code :txn} whose value is a vector of
 * micro-ops {@code [:read k v]} / {@code [:write k v]} applied atomically and in order. A read of {@code nil}
 * matches anything; a missing key holds {@code nil}. When every transaction of a history touches a single key,
 * the history splits by key (P-compositionality) into one-key multi-registers.
 */
public final class MultiRegisterModel implements Model {
    private final Map<Object, Object> init;

    private record Micro(boolean write, Object key, Object value) {}

    public MultiRegisterModel(Map<?, ?> init) { this.init = new LinkedHashMap<>(init); }

    @Override public String describe() { return "multi-register init=" + EdnWriter.write(init); }

    @Override public Object initialState() { return new MapState(init); }

    @Override public Object prepare(Operation op) {
        if (op.outcome() == Operation.Outcome.FAIL) return null;
        if (!Ops.fn(op).equals("txn")) throw Ops.unknownF(op, "multi-register", ":txn");
        if (!(op.value() instanceof List<?> micros)) throw Ops.bad(op, "needs a vector of [:read k v] / [:write k v]");
        List<Micro> out = new ArrayList<>(micros.size());
        for (Object m : micros) {
            if (!(m instanceof List<?> t) || t.size() != 3 || !(t.get(0) instanceof sched.history.edn.Keyword kind)) {
                throw Ops.bad(op, "has a micro-op " + EdnWriter.write(m) + " that is not [:read k v] or [:write k v]");
            }
            switch (kind.symbolic()) {
                case "read" -> {
                    // an open transaction has no results; a nil read is "unknown": neither constrains the state
                    if (!op.outcome().open() && t.get(2) != null) out.add(new Micro(false, t.get(1), t.get(2)));
                }
                case "write" -> out.add(new Micro(true, t.get(1), t.get(2)));
                default -> throw Ops.bad(op, "has a micro-op " + EdnWriter.write(m) + " that is not :read or :write");
            }
        }
        return out.toArray(new Micro[0]);
    }

    @Override public Object step(Object state, Object prepared) {
        MapState s = (MapState) state;
        for (Micro m : (Micro[]) prepared) {
            if (m.write) s = s.with(m.key, m.value);
            else if (!Objects.equals(s.get(m.key, null), m.value)) return ILLEGAL;
        }
        return s;
    }

    @Override public List<Part> partition(List<Operation> ops) {
        Map<Object, List<Operation>> byKey = new LinkedHashMap<>();
        for (Operation op : ops) {
            if (!(op.value() instanceof List<?> micros)) return null;
            Object key = null;
            boolean first = true;
            for (Object m : micros) {
                if (!(m instanceof List<?> t) || t.size() != 3) return null;
                if (first) key = t.get(1);
                else if (!Objects.equals(key, t.get(1))) return null; // a multi-key transaction: no split
                first = false;
            }
            if (first) continue; // an empty transaction has no effect
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(op);
        }
        if (byKey.size() < 2) return null;
        List<Part> parts = new ArrayList<>();
        for (Map.Entry<Object, List<Operation>> e : byKey.entrySet()) {
            Map<Object, Object> one = new LinkedHashMap<>();
            one.put(e.getKey(), init.get(e.getKey()));
            parts.add(new Part("key " + EdnWriter.write(e.getKey()), new MultiRegisterModel(one), e.getValue()));
        }
        return parts;
    }
}
