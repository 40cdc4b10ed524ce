package sched.history.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sched.history.Operation;
import sched.history.edn.EdnWriter;

/**
 * The local run queues of several Ps in one history, keyed by P: every value (invocation and completion) is
 * {@code [p x]}, p the P's id and x what {@link RunqModel} takes ({@code :put [0 17]}, {@code :get} →
 * {@code [0 17]} or {@code [0 nil]}, {@code :steal} → {@code [1 [5 6]]}, {@code :swap-next} →
 * {@code [0 [18 17]]}). This is how the runtime's hooks record a running scheduler (one history, processes =
 * Ms, which move between Ps).
 *
 * <p>Invariants: the Ps' queues are independent objects, so the history is linearizable iff each P's part is
 * (P-compositionality); {@link #partition} splits it by p into {@link RunqModel} parts, each starting from the
 * same initial state. Without the split ({@code --no-partition}) the state is a map from p to that P's
 * {@link RunqModel} state (a P never seen is in the initial state), and the verdict is the same.
 */
public final class RunqPerPModel implements Model {
    private static final Object ABSENT = new Object();

    private record Prepared(Object p, Object inner) {}

    private final Object init;
    private final RunqModel inner;

    public RunqPerPModel(Object init) {
        this.init = init;
        this.inner = new RunqModel(init);
    }

    @Override public String describe() { return "runq-per-p (each P: " + inner.describe() + ")"; }

    @Override public Object initialState() { return new MapState(Map.of()); }

    private static List<?> keyed(Operation op) {
        List<?> t = Ops.tuple(op, 2, "[p x] (a P's id, then the runq operation's value)");
        if (t.get(0) == null) throw Ops.bad(op, "needs a P's id (not nil) as the first element of [p x]");
        return t;
    }

    @Override public Object prepare(Operation op) {
        if (op.outcome() == Operation.Outcome.FAIL) return null;
        List<?> t = keyed(op);
        Object in = inner.prepare(op.withValue(t.get(1)));
        return in == null ? null : new Prepared(t.get(0), in);
    }

    @Override public Object step(Object state, Object prepared) {
        MapState m = (MapState) state;
        Prepared p = (Prepared) prepared;
        Object s = m.get(p.p, ABSENT);
        Object next = inner.step(s == ABSENT ? inner.initialState() : s, p.inner);
        return next == ILLEGAL ? ILLEGAL : m.with(p.p, next);
    }

    @Override public List<Part> partition(List<Operation> ops) {
        Map<Object, List<Operation>> byP = new LinkedHashMap<>();
        for (Operation op : ops) {
            List<?> t = keyed(op);
            byP.computeIfAbsent(t.get(0), k -> new ArrayList<>()).add(op.withValue(t.get(1)));
        }
        List<Part> parts = new ArrayList<>();
        for (Map.Entry<Object, List<Operation>> e : byP.entrySet()) {
            parts.add(new Part("p " + EdnWriter.write(e.getKey()), new RunqModel(init), e.getValue()));
        }
        return parts;
    }
}
