package sched.history.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sched.history.Operation;
import sched.history.edn.EdnWriter;
import sched.history.edn.Keyword;

/**
 * A P's local run queue, as in Go's {@code runtime/proc.go}: a ring of goroutines plus the {@code runnext} slot.
 * State: (runnext or nil, ring in FIFO order). Operations (values are goroutine ids, any EDN value but nil or a
 * vector, since vectors are batches):
 * <ul>
 *   <li>{@code :put g}: g goes to the ring's tail ({@code runqput(pp, g, false)}).</li>
 *   <li>{@code :put-next g}: g goes to runnext; the old runnext, if any, goes to the ring's tail
 *       ({@code runqput(pp, g, true)}).</li>
 *   <li>{@code :get} returning g or nil: runnext first, then the ring's head; nil only when both are empty
 *       ({@code runqget}).</li>
 *   <li>{@code :steal} returning a vector: with n goroutines in the ring, takes the first ceil(n/2) from the
 *       head, in order ({@code runqgrab}: {@code n - n/2}). With an empty ring it returns {@code [runnext]}
 *       (taking runnext) or {@code []}: Go takes runnext only when the thief passes {@code stealRunNextG}, so
 *       both results are legal then; with an empty ring and no runnext only {@code []} is.</li>
 * </ul>
 * The runtime's own hooks ({@code sched.runtime.P}, "Recording") record runqput at the granularity of its
 * atomic steps, with three more forms:
 * <ul>
 *   <li>{@code :swap-next g} completing with {@code [g old]}: runnext was {@code old} (nil: empty) and is now g;
 *       old is now the putter's, which puts it with a following {@code :put old} (Go's runqput(next=true) is
 *       this swap, then a put of the kicked-out G; a thief may act in between). Open: runnext becomes g, whatever
 *       was there is dropped (the putter never got to put it). This model does not check that the kicked-out G
 *       is put later.</li>
 *   <li>{@code :put g} completing with a vector {@code [g1 .. gn g]}: the ring was full and runqputslow moved its
 *       n oldest Gs plus g to the global queue; legal only when the ring holds exactly 2n Gs (1
 *       when n = 0: a ring of one slot), its first n being g1..gn, and, with {@code :capacity}, when it is full.</li>
 *   <li>{@code :put-batch [g ...]}: a thief publishes the Gs it stole (but the one it runs) in its own ring's
 *       tail, in order.</li>
 * </ul>
 * Operations with an open outcome apply their effect without a result to check: a get takes runnext or the
 * head, a steal takes ceil(n/2) of the ring, or runnext when the ring is empty. The ring is unbounded unless
 * the initial state gives {@code :capacity}; then a put that would overflow the ring is illegal (Go would move
 * half the ring to the global queue, which this model does not see: a recorder records such a put as
 * something else). Initial state: nil, or {@code {:runnext g, :ring [g ...], :capacity n}}, all keys optional.
 */
public final class RunqModel implements Model {
    private static final int PUT = 0, PUT_NEXT = 1, GET = 2, GET_ANY = 3, STEAL = 4, STEAL_ANY = 5, SWAP_NEXT = 6,
            SWAP_NEXT_ANY = 7, PUT_SLOW = 8, PUT_BATCH = 9;

    private record Prepared(int kind, Object value, List<?> stolen) {}

    /** The error for a value shaped [p x]: goroutines are never vectors (vectors are batches). */
    private static final String KEYED = "has a vector where a goroutine belongs: a history keyed by P ([p x], as"
            + " 'history record runq' writes) is checked with --model runq-per-p";

    /** A run-queue state. */
    record State(Object runnext, PQueue ring) {
        @Override public String toString() {
            return "{:runnext " + EdnWriter.write(runnext) + ", :ring " + ring + "}";
        }
    }

    private final Object initRunnext;
    private final List<?> initRing;
    private final int capacity;

    public RunqModel(Object init) {
        Object rn = null;
        List<?> ring = List.of();
        int cap = Integer.MAX_VALUE;
        if (init instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = e.getKey() instanceof Keyword kw ? kw.symbolic() : String.valueOf(e.getKey());
                switch (k) {
                    case "runnext" -> rn = e.getValue();
                    case "ring" -> {
                        if (!(e.getValue() instanceof List<?> l)) throw new ModelException("runq :ring must be a vector");
                        ring = l;
                    }
                    case "capacity" -> {
                        if (!(e.getValue() instanceof Long n) || n < 1) throw new ModelException("runq :capacity must be a positive integer");
                        cap = (int) Math.min(n, Integer.MAX_VALUE);
                    }
                    default -> throw new ModelException("runq initial state has unknown key " + EdnWriter.write(e.getKey())
                            + " (expected :runnext, :ring, :capacity)");
                }
            }
        } else if (init != null) {
            throw new ModelException("runq initial state must be nil or a map {:runnext g, :ring [...], :capacity n}");
        }
        this.initRunnext = rn;
        this.initRing = ring;
        this.capacity = cap;
    }

    @Override public String describe() {
        return "runq init={:runnext " + EdnWriter.write(initRunnext) + ", :ring " + EdnWriter.write(initRing)
                + (capacity == Integer.MAX_VALUE ? "" : ", :capacity " + capacity) + "}";
    }

    @Override public Object initialState() { return new State(initRunnext, PQueue.of(initRing)); }

    @Override public Object prepare(Operation op) {
        if (op.outcome() == Operation.Outcome.FAIL) return null;
        boolean open = op.outcome().open();
        return switch (Ops.fn(op)) {
            case "put" -> {
                if (op.value() == null) throw Ops.bad(op, "needs a goroutine as its value");
                if (op.value() instanceof List<?> l) {
                    if (l.isEmpty()) throw Ops.bad(op, "needs a non-empty overflow batch [g1 .. gn g]");
                    yield new Prepared(PUT_SLOW, null, l);
                }
                yield new Prepared(PUT, op.value(), null);
            }
            case "swap-next" -> {
                if (op.value() == null) throw Ops.bad(op, "needs a goroutine as its value");
                if (op.value() instanceof List<?> l) {
                    if (l.size() != 2 || l.get(0) == null) throw Ops.bad(op, "needs [g old] as its completion value (old: nil or a goroutine)");
                    if (l.get(0) instanceof List || l.get(1) instanceof List) throw Ops.bad(op, KEYED);
                    yield new Prepared(SWAP_NEXT, l.get(0), l);
                }
                if (!open) throw Ops.bad(op, "needs [g old] as its completion value (old: nil or a goroutine)");
                yield new Prepared(SWAP_NEXT_ANY, op.value(), null);
            }
            case "put-batch" -> {
                if (!(op.value() instanceof List<?> l) || l.isEmpty()) throw Ops.bad(op, "needs a non-empty vector of goroutines");
                yield new Prepared(PUT_BATCH, null, l);
            }
            case "put-next" -> {
                if (op.value() == null) throw Ops.bad(op, "needs a goroutine as its value");
                yield new Prepared(Ops.fn(op).equals("put") ? PUT : PUT_NEXT, op.value(), null);
            }
            case "get" -> {
                if (op.value() instanceof List) throw Ops.bad(op, KEYED);
                yield new Prepared(open ? GET_ANY : GET, op.value(), null);
            }
            case "steal" -> {
                if (open) yield new Prepared(STEAL_ANY, null, null);
                if (!(op.value() instanceof List<?> l)) throw Ops.bad(op, "needs the vector of stolen goroutines as its value");
                yield new Prepared(STEAL, null, l);
            }
            default -> throw Ops.unknownF(op, "runq", ":put, :put-next, :swap-next, :put-batch, :get or :steal");
        };
    }

    @Override public Hints hints(List<Operation> ops) {
        // runnext breaks FIFO order, so priorities only
        return Ops.queueHints(ops, op -> switch (Ops.fn(op)) {
                    case "put", "put-next" -> op.value() instanceof List<?> ? null : op.value();
                    case "swap-next" -> op.value() instanceof List<?> l ? l.get(0) : op.value();
                    default -> null;
                },
                op -> switch (Ops.fn(op)) {
                    case "get" -> op.value() == null ? null : java.util.Collections.singletonList(op.value());
                    case "steal" -> op.value() instanceof List<?> l ? l : null;
                    default -> null;
                }, false);
    }

    @Override public Object step(Object state, Object prepared) {
        State s = (State) state;
        Prepared p = (Prepared) prepared;
        PQueue ring = s.ring;
        switch (p.kind) {
            case PUT:
                return ring.size() >= capacity ? ILLEGAL : new State(s.runnext, ring.append(p.value));
            case PUT_NEXT:
                if (s.runnext == null) return new State(p.value, ring);
                return ring.size() >= capacity ? ILLEGAL : new State(p.value, ring.append(s.runnext));
            case SWAP_NEXT:
                return Objects.equals(s.runnext, p.stolen.get(1)) ? new State(p.value, ring) : ILLEGAL;
            case SWAP_NEXT_ANY:
                return new State(p.value, ring);
            case PUT_SLOW: {
                // runqputslow: the full ring's n oldest Gs, then the put G, went to the global queue
                int n = p.stolen.size() - 1, k = ring.size();
                boolean full = capacity == Integer.MAX_VALUE ? k == 2 * n || (n == 0 && k == 1) : k == capacity && n == capacity / 2;
                return full && ring.take(n).equals(p.stolen.subList(0, n)) ? new State(s.runnext, ring.drop(n)) : ILLEGAL;
            }
            case PUT_BATCH: {
                if (ring.size() + p.stolen.size() > capacity) return ILLEGAL;
                PQueue r = ring;
                for (Object g : p.stolen) r = r.append(g);
                return new State(s.runnext, r);
            }
            case GET:
            case GET_ANY: {
                Object got;
                State next;
                if (s.runnext != null) {
                    got = s.runnext;
                    next = new State(null, ring);
                } else if (!ring.isEmpty()) {
                    got = ring.head();
                    next = new State(null, ring.drop(1));
                } else {
                    got = null;
                    next = s;
                }
                if (p.kind == GET_ANY) return got == null ? ILLEGAL : next;
                return Objects.equals(got, p.value) ? next : ILLEGAL;
            }
            case STEAL: {
                int n = ring.size();
                List<?> v = p.stolen;
                if (n > 0) {
                    int k = n - n / 2;
                    return v.size() == k && ring.take(k).equals(v) ? new State(s.runnext, ring.drop(k)) : ILLEGAL;
                }
                if (v.isEmpty()) return s;
                return s.runnext != null && v.size() == 1 && Objects.equals(v.get(0), s.runnext) ? new State(null, ring) : ILLEGAL;
            }
            default: { // STEAL_ANY
                int n = ring.size();
                if (n > 0) return new State(s.runnext, ring.drop(n - n / 2));
                return s.runnext != null ? new State(null, ring) : ILLEGAL;
            }
        }
    }

    /** The goroutines a state holds, runnext first (for tests and reports). */
    static List<Object> contents(Object state) {
        State s = (State) state;
        List<Object> out = new ArrayList<>();
        if (s.runnext != null) out.add(s.runnext);
        out.addAll(s.ring.toList());
        return out;
    }
}
