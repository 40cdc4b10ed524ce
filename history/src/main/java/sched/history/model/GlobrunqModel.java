package sched.history.model;

import java.util.Collections;
import java.util.List;
import sched.history.Operation;
import sched.history.edn.EdnWriter;

/**
 * Go's global run queue ({@code sched.runq}: {@code globrunqput}, {@code globrunqputbatch}, {@code globrunqget}),
 * a FIFO of goroutines whose get takes a batch. State: the queue in FIFO order. Operations (values are goroutine
 * ids):
 * <ul>
 *   <li>{@code :put g}: g goes to the tail.</li>
 *   <li>{@code :put-batch [g ...]}: the whole batch goes to the tail at once, in order (a P's overflow, from
 *       {@code runqputslow}).</li>
 *   <li>{@code :get} returning {@code [g ...]}: a non-empty prefix of the queue, taken at once (the first G is
 *       run, the rest go to the taker's local queue); {@code []} (or nil) only when the queue is empty. The
 *       batch size depends on GOMAXPROCS, the caller's limit and the local ring's room, which the history does
 *       not carry, so any non-empty prefix is legal.</li>
 * </ul>
 * A get with an open outcome (never completed) cannot be checked, its batch size being unknown: a clear error.
 * A failed operation had no effect. Initial state: a vector (default []).
 */
public final class GlobrunqModel implements Model {
    private static final int PUT = 0, GET = 1;

    private record Prepared(int kind, List<?> values) {}

    private final List<?> init;

    public GlobrunqModel(List<?> init) { this.init = init; }

    @Override public String describe() { return "globrunq init=" + EdnWriter.write(init); }

    @Override public Object initialState() { return PQueue.of(init); }

    @Override public Object prepare(Operation op) {
        if (op.outcome() == Operation.Outcome.FAIL) return null;
        return switch (Ops.fn(op)) {
            case "put" -> {
                if (op.value() == null) throw Ops.bad(op, "needs a goroutine as its value");
                yield new Prepared(PUT, List.of(op.value()));
            }
            case "put-batch" -> {
                if (!(op.value() instanceof List<?> l) || l.isEmpty()) throw Ops.bad(op, "needs a non-empty vector of goroutines as its value");
                yield new Prepared(PUT, l);
            }
            case "get" -> {
                if (op.outcome().open()) throw Ops.bad(op, "has no completion: the batch an open :get took is unknown, so globrunq cannot check it");
                if (op.value() == null) yield new Prepared(GET, List.of());
                if (!(op.value() instanceof List<?> l)) throw Ops.bad(op, "needs the vector of goroutines taken as its value");
                yield new Prepared(GET, l);
            }
            default -> throw Ops.unknownF(op, "globrunq", ":put, :put-batch or :get");
        };
    }

    @Override public Hints hints(List<Operation> ops) {
        // goroutines come back to the global queue many times, so values repeat: priorities only
        return Ops.queueHints(ops, op -> switch (Ops.fn(op)) {
                    case "put" -> op.value();
                    case "put-batch" -> op.value() instanceof List<?> l && !l.isEmpty() ? l.get(0) : null;
                    default -> null;
                },
                op -> Ops.fn(op).equals("get") && op.value() instanceof List<?> l ? l : Collections.emptyList(), false);
    }

    @Override public Object step(Object state, Object prepared) {
        PQueue q = (PQueue) state;
        Prepared p = (Prepared) prepared;
        if (p.kind == PUT) {
            for (Object g : p.values) q = q.append(g);
            return q;
        }
        int k = p.values.size();
        if (k == 0) return q.isEmpty() ? q : ILLEGAL;
        return k <= q.size() && q.take(k).equals(p.values) ? q.drop(k) : ILLEGAL;
    }
}
