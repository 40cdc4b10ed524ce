package sched.history.model;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import sched.history.Operation;
import sched.history.edn.EdnWriter;

/**
 * Knossos's set: {@code :add v} adds an element; {@code :read s} returns the whole set and is legal when
 * {@code s} (a set or vector) has exactly the current elements. Open reads are no-ops.
 */
public final class SetModel implements Model {
    private record Prepared(boolean add, Object value, Set<Object> read) {}

    private static final Prepared NO_OP = new Prepared(false, null, null);

    private final Collection<?> init;

    public SetModel(Collection<?> init) { this.init = init; }

    @Override public String describe() { return "set init=" + EdnWriter.write(new LinkedHashSet<>(init)); }

    @Override public Object initialState() {
        Bag b = Bag.EMPTY;
        for (Object o : new LinkedHashSet<>(init)) b = b.add(o);
        return b;
    }

    @Override public Object prepare(Operation op) {
        if (op.outcome() == Operation.Outcome.FAIL) return null;
        return switch (Ops.fn(op)) {
            case "add" -> new Prepared(true, op.value(), null);
            case "read" -> {
                if (op.outcome().open()) yield NO_OP;
                if (!(op.value() instanceof Collection<?> c)) throw Ops.bad(op, "needs the set read as its value");
                yield new Prepared(false, null, new LinkedHashSet<>(c));
            }
            default -> throw Ops.unknownF(op, "set", ":add or :read");
        };
    }

    @Override public Object step(Object state, Object prepared) {
        Bag b = (Bag) state;
        Prepared p = (Prepared) prepared;
        if (p.add) return b.count(p.value) > 0 ? b : b.add(p.value);
        if (p.read == null) return b;
        return b.sameElements(p.read) ? b : ILLEGAL;
    }
}
