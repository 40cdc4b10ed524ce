package sched.history.model;

import java.util.List;
import java.util.Objects;
import sched.history.Operation;
import sched.history.edn.EdnWriter;

/**
 * Knossos's FIFO queue: {@code :enqueue v} appends; {@code :dequeue v} is legal when {@code v} is at the head
 * and removes it. Two choices of ours, both documented in docs/HISTORIES.md: a completed {@code :dequeue nil}
 * observes an empty queue (legal only when empty); a dequeue with an open outcome removes whatever is at the
 * head (legal only when the queue is not empty).
 */
public final class FifoQueueModel implements Model {
    private static final int ENQUEUE = 0, DEQUEUE = 1, DEQUEUE_EMPTY = 2, DEQUEUE_ANY = 3;

    private record Prepared(int kind, Object value) {}

    private final List<?> init;

    public FifoQueueModel(List<?> init) { this.init = init; }

    @Override public String describe() { return "fifo-queue init=" + EdnWriter.write(init); }

    @Override public Object initialState() { return PQueue.of(init); }

    @Override public Object prepare(Operation op) {
        if (op.outcome() == Operation.Outcome.FAIL) return null;
        return switch (Ops.fn(op)) {
            case "enqueue" -> new Prepared(ENQUEUE, op.value());
            case "dequeue" -> op.outcome().open() ? new Prepared(DEQUEUE_ANY, null)
                    : new Prepared(op.value() == null ? DEQUEUE_EMPTY : DEQUEUE, op.value());
            default -> throw Ops.unknownF(op, "fifo-queue", ":enqueue or :dequeue");
        };
    }

    @Override public Hints hints(List<Operation> ops) {
        return Ops.queueHints(ops, op -> Ops.fn(op).equals("enqueue") ? op.value() : null,
                op -> Ops.fn(op).equals("dequeue") && op.value() != null ? java.util.Collections.singletonList(op.value()) : null, true);
    }

    @Override public Object step(Object state, Object prepared) {
        PQueue q = (PQueue) state;
        Prepared p = (Prepared) prepared;
        return switch (p.kind) {
            case ENQUEUE -> q.append(p.value);
            case DEQUEUE -> !q.isEmpty() && Objects.equals(q.head(), p.value) ? q.drop(1) : ILLEGAL;
            case DEQUEUE_EMPTY -> q.isEmpty() ? q : ILLEGAL;
            default -> q.isEmpty() ? ILLEGAL : q.drop(1);
        };
    }
}
