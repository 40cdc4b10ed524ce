package sched.history.model;

import java.util.List;
import sched.history.Operation;
import sched.history.edn.EdnWriter;

/**
 * Knossos's unordered queue (a multiset): {@code :enqueue v} adds; {@code :dequeue v} is legal when {@code v}
 * is present and removes one copy. A dequeue with an open outcome has no known value and is never linearized:
 * since nothing in this model observes absence, leaving an element in can never make a later step illegal
 * that removing it would have allowed, so this loses no linearizations.
 */
public final class UnorderedQueueModel implements Model {
    private record Prepared(boolean enqueue, Object value) {}

    private final List<?> init;

    public UnorderedQueueModel(List<?> init) { this.init = init; }

    @Override public String describe() { return "unordered-queue init=" + EdnWriter.write(init); }

    @Override public Object initialState() {
        Bag b = Bag.EMPTY;
        for (Object o : init) b = b.add(o);
        return b;
    }

    @Override public Object prepare(Operation op) {
        if (op.outcome() == Operation.Outcome.FAIL) return null;
        return switch (Ops.fn(op)) {
            case "enqueue" -> new Prepared(true, op.value());
            case "dequeue" -> op.outcome().open() ? null : new Prepared(false, op.value());
            default -> throw Ops.unknownF(op, "unordered-queue", ":enqueue or :dequeue");
        };
    }

    @Override public Hints hints(List<Operation> ops) {
        return Ops.queueHints(ops, op -> Ops.fn(op).equals("enqueue") ? op.value() : null,
                op -> Ops.fn(op).equals("dequeue") ? java.util.Collections.singletonList(op.value()) : null, false);
    }

    @Override public Object step(Object state, Object prepared) {
        Bag b = (Bag) state;
        Prepared p = (Prepared) prepared;
        if (p.enqueue) return b.add(p.value);
        Bag r = b.remove(p.value);
        return r == null ? ILLEGAL : r;
    }
}
