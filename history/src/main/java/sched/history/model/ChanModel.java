package sched.history.model;

import java.util.Objects;
import sched.history.Operation;
import sched.history.edn.Keyword;

/**
 * A Go channel of capacity c (the initial state given to the model is c: {@code --init 0} is unbuffered).
 * State: (buffer in FIFO order, closed?). Operations:
 * <ul>
 *   <li>{@code :send v}: legal when the channel is open and the buffer has room; appends v.</li>
 *   <li>{@code :recv} returning v: legal when v is at the head of the buffer, and removes it. A recv returning
 *       {@code nil} or {@code :closed} is legal only when the channel is closed and the buffer empty (Go's zero
 *       value with ok=false). A recv on an empty open channel would block: illegal.</li>
 *   <li>{@code :close}: legal when open (closing twice panics in Go).</li>
 * </ul>
 * Unbuffered (c = 0): a send parks its value in a one-element buffer, and the next operation in the
 * linearization must be the recv that takes it. Sender and receiver thus meet at adjacent points of the order;
 * this is the sequential rendering of a rendezvous that the linearizability framework allows.
 * Open-outcome operations: a send applies if it can, a recv takes the head (or, closed and empty, nothing).
 */
public final class ChanModel implements Model {
    private static final int SEND = 0, RECV = 1, RECV_CLOSED = 2, RECV_ANY = 3, CLOSE = 4;
    private static final Keyword CLOSED = Keyword.of("closed");

    private record Prepared(int kind, Object value) {}

    /** A channel state. */
    record State(PQueue buffer, boolean closed) {
        @Override public String toString() { return "{:buffer " + buffer + ", :closed " + closed + "}"; }
    }

    private final int capacity;

    public ChanModel(int capacity) {
        if (capacity < 0) throw new ModelException("chan capacity must be >= 0");
        this.capacity = capacity;
    }

    @Override public String describe() { return "chan init=" + capacity; }

    @Override public Object initialState() { return new State(PQueue.EMPTY, false); }

    @Override public Object prepare(Operation op) {
        if (op.outcome() == Operation.Outcome.FAIL) return null;
        return switch (Ops.fn(op)) {
            case "send" -> new Prepared(SEND, op.value());
            case "recv" -> op.outcome().open() ? new Prepared(RECV_ANY, null)
                    : op.value() == null || CLOSED.equals(op.value()) ? new Prepared(RECV_CLOSED, null)
                    : new Prepared(RECV, op.value());
            case "close" -> new Prepared(CLOSE, null);
            default -> throw Ops.unknownF(op, "chan", ":send, :recv or :close");
        };
    }

    @Override public Hints hints(java.util.List<Operation> ops) {
        return Ops.queueHints(ops, op -> Ops.fn(op).equals("send") ? op.value() : null,
                op -> Ops.fn(op).equals("recv") && op.value() != null && !CLOSED.equals(op.value())
                        ? java.util.Collections.singletonList(op.value()) : null, true);
    }

    @Override public Object step(Object state, Object prepared) {
        State s = (State) state;
        Prepared p = (Prepared) prepared;
        PQueue b = s.buffer;
        boolean handoffPending = capacity == 0 && !b.isEmpty();
        switch (p.kind) {
            case SEND:
                if (s.closed || handoffPending || b.size() >= Math.max(capacity, 1)) return ILLEGAL;
                return new State(b.append(p.value), false);
            case RECV:
                return !b.isEmpty() && Objects.equals(b.head(), p.value) ? new State(b.drop(1), s.closed) : ILLEGAL;
            case RECV_CLOSED:
                return s.closed && b.isEmpty() ? s : ILLEGAL;
            case RECV_ANY:
                if (!b.isEmpty()) return new State(b.drop(1), s.closed);
                return s.closed ? s : ILLEGAL;
            default: // CLOSE
                return s.closed || handoffPending ? ILLEGAL : new State(b, true);
        }
    }
}
