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
 * Unbuffered (c = 0): a send and the recv that takes its value happen together, at one moment inside both
 * their intervals (a rendezvous). When values are unique, the history is rewritten before the search: each
 * matched (send v, recv v) pair becomes one {@code :rendezvous v} operation whose interval is the intersection
 * of the two; a completed send that no completed recv took pairs with an open recv invoked before the send
 * returned, if there is one (the receiver got the value but the history ended before it resumed); a pair whose
 * intervals do not meet, a completed send that nobody received, and a completed recv of a
 * value nobody sent become operations that can never be linearized, so the check fails there. A send with an
 * open outcome that nobody received is dropped (it never happened). Without unique values the fallback rule is
 * weaker: a send parks its value and the very next operation of the linearization must be the recv taking it.
 * Open-outcome operations: a send applies if it can, a recv takes the head (or, closed and empty, nothing).
 */
public final class ChanModel implements Model {
    private static final int SEND = 0, RECV = 1, RECV_CLOSED = 2, RECV_ANY = 3, CLOSE = 4, RENDEZVOUS = 5, NEVER = 6;
    private static final Keyword RENDEZVOUS_F = Keyword.of("rendezvous");
    private static final Keyword NEVER_F = Keyword.of("impossible");
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
            case "rendezvous" -> new Prepared(RENDEZVOUS, op.value());
            case "impossible" -> new Prepared(NEVER, op.value());
            default -> throw Ops.unknownF(op, "chan", ":send, :recv or :close");
        };
    }

    @Override public Hints hints(java.util.List<Operation> ops) {
        return Ops.queueHints(ops, op -> Ops.fn(op).equals("send") ? op.value() : null,
                op -> Ops.fn(op).equals("recv") && op.value() != null && !CLOSED.equals(op.value())
                        ? java.util.Collections.singletonList(op.value()) : null, true);
    }

    /** For c = 0 with unique values: the rendezvous rewrite described above, as a single part. */
    @Override public java.util.List<Part> partition(java.util.List<Operation> ops) {
        if (capacity != 0) return null;
        java.util.Map<Object, Operation> sends = new java.util.HashMap<>(), recvs = new java.util.HashMap<>();
        java.util.List<Operation> out = new java.util.ArrayList<>();
        java.util.List<Operation> openRecvs = new java.util.ArrayList<>(), unreceived = new java.util.ArrayList<>();
        for (Operation op : ops) {
            if (op.outcome() == Operation.Outcome.FAIL) continue;
            String f = Ops.fn(op);
            if (f.equals("send")) {
                if (sends.put(op.value(), op) != null) return null;
            } else if (f.equals("recv") && !op.outcome().open() && op.value() != null && !CLOSED.equals(op.value())) {
                if (recvs.put(op.value(), op) != null) return null;
            } else if (f.equals("recv") && op.outcome().open()) {
                openRecvs.add(op);
            } else {
                out.add(op);
            }
        }
        for (Operation s : sends.values()) {
            Operation r = recvs.remove(s.value());
            if (r == null) {
                if (!s.outcome().open()) unreceived.add(s);
                continue;
            }
            int from = Math.max(s.call(), r.call());
            int to = Math.min(s.ret(), r.ret());
            if (from < to) out.add(rewrite(r, RENDEZVOUS_F, from, to, null));
            else out.add(rewrite(r, NEVER_F, r.call(), r.ret(), "send and recv never overlap"));
        }
        for (Operation r : recvs.values()) out.add(rewrite(r, NEVER_F, r.call(), r.ret(), "recv of a value nobody sent"));
        // A completed send that no completed recv took met an open recv (the receiver was handed the value, the
        // history ended before it resumed): pair it, in order of return, with the open recv invoked earliest
        // before it returned. The recvs a send may pair with are also open to every send returning later, so this
        // greedy choice pairs every send that any pairing could.
        unreceived.sort(java.util.Comparator.comparingInt(Operation::ret));
        openRecvs.sort(java.util.Comparator.comparingInt(Operation::call));
        for (Operation s : unreceived) {
            Operation r = openRecvs.isEmpty() || openRecvs.get(0).call() > s.ret() ? null : openRecvs.remove(0);
            if (r == null) out.add(rewrite(s, NEVER_F, s.call(), s.ret(), "completed send with no receiver"));
            else out.add(rewrite(s, RENDEZVOUS_F, Math.max(s.call(), r.call()), s.ret(), null));
        }
        out.addAll(openRecvs);
        out.sort(java.util.Comparator.comparingInt(Operation::call));
        return java.util.List.of(new Part("rendezvous", this, out));
    }

    private static Operation rewrite(Operation o, Keyword f, int call, int ret, String why) {
        Object value = why == null ? o.value() : java.util.List.of(String.valueOf(o.value()), why);
        return new Operation(o.id(), o.process(), f, value, Operation.Outcome.OK, call, ret, o.invoke(), o.complete());
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
            case RENDEZVOUS:
                return s.closed ? ILLEGAL : s;
            case NEVER:
                return ILLEGAL;
            default: // CLOSE
                return s.closed || handoffPending ? ILLEGAL : new State(b, true);
        }
    }
}
