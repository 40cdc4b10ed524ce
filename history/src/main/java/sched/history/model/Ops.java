package sched.history.model;

import java.util.ArrayList;
import java.util.List;
import sched.history.Operation;
import sched.history.edn.EdnWriter;
import sched.history.edn.Keyword;

/** Small helpers shared by the models. */
final class Ops {
    private Ops() {}

    /** The operation's function name ({@code :read} gives "read"). */
    static String fn(Operation op) {
        if (op.f() instanceof Keyword k) return k.symbolic();
        if (op.f() instanceof String s) return s;
        if (op.f() != null) return String.valueOf(op.f());
        throw bad(op, "has no :f");
    }

    static ModelException bad(Operation op, String problem) {
        String where = op.invoke() != null && op.invoke().line() > 0 ? "line " + op.invoke().line() : "record " + (op.call() + 1);
        return new ModelException("operation " + EdnWriter.write(op.f()) + " " + EdnWriter.write(op.value())
                + " of process " + EdnWriter.write(op.process()) + " (" + where + ") " + problem);
    }

    static ModelException unknownF(Operation op, String model, String known) {
        return bad(op, "is not a " + model + " operation (expected " + known + ")");
    }

    /** The value as a list of exactly {@code n} elements. */
    static List<?> tuple(Operation op, int n, String shape) {
        if (op.value() instanceof List<?> l && l.size() == n) return l;
        throw bad(op, "needs a value of the form " + shape);
    }

    /**
     * Search hints for queue-like models (see {@link Model#hints}). {@code produced} gives the value an operation
     * puts in (or null), {@code consumed} the values a completed operation took out (or null). Priorities: a
     * consumer's is the midpoint of its interval (the expected moment of its effect), a producer's that of the
     * first consumer of its value (never consumed: last), any other operation's its own midpoint. With
     * {@code fifo} and unique values, {@code after} holds, for overlapping completed producers a and b whose
     * consumers are ordered in real time (a's completed before b's began), the rule "a before b".
     */
    static Model.Hints queueHints(List<Operation> ops, java.util.function.Function<Operation, Object> produced,
                                  java.util.function.Function<Operation, List<?>> consumed, boolean fifo) {
        int n = ops.size();
        java.util.HashMap<Object, Integer> consumerOf = new java.util.HashMap<>();
        java.util.HashSet<Object> producedValues = new java.util.HashSet<>();
        boolean unique = true;
        for (int i = 0; i < n; i++) {
            Operation op = ops.get(i);
            Object pv = produced.apply(op);
            if (pv != null && !producedValues.add(pv)) unique = false;
            if (op.outcome() != Operation.Outcome.OK) continue;
            List<?> c = consumed.apply(op);
            if (c == null) continue;
            for (Object v : c) if (consumerOf.putIfAbsent(v, i) != null) unique = false;
        }
        int[] priority = new int[n];
        for (int i = 0; i < n; i++) {
            Operation op = ops.get(i);
            Object pv = produced.apply(op);
            Operation at = op;
            if (pv != null) {
                Integer c = consumerOf.get(pv);
                at = c == null ? null : ops.get(c);
            }
            priority[i] = at == null || at.open() ? Integer.MAX_VALUE : (int) (((long) at.call() + at.ret()) / 2);
        }
        int[][] after = null;
        if (fifo && unique) {
            List<List<Integer>> lists = new ArrayList<>(n);
            for (int i = 0; i < n; i++) lists.add(null);
            // sweep the completed producers in time order; those running at the same time overlap
            List<long[]> events = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Operation op = ops.get(i);
                if (op.open() || produced.apply(op) == null || !consumerOf.containsKey(produced.apply(op))) continue;
                events.add(new long[] {op.call(), 1, i});
                events.add(new long[] {op.ret(), 0, i});
            }
            events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            java.util.LinkedHashSet<Integer> active = new java.util.LinkedHashSet<>();
            for (long[] e : events) {
                int x = (int) e[2];
                if (e[1] == 0) {
                    active.remove(x);
                    continue;
                }
                Operation dx = ops.get(consumerOf.get(produced.apply(ops.get(x))));
                for (int y : active) {
                    Operation dy = ops.get(consumerOf.get(produced.apply(ops.get(y))));
                    if (dy.ret() < dx.call()) add(lists, x, y);
                    else if (dx.ret() < dy.call()) add(lists, y, x);
                }
                active.add(x);
            }
            after = new int[n][];
            for (int i = 0; i < n; i++) {
                List<Integer> l = lists.get(i);
                if (l != null) after[i] = l.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return new Model.Hints(priority, after);
    }

    private static void add(List<List<Integer>> lists, int op, int mustComeFirst) {
        if (lists.get(op) == null) lists.set(op, new ArrayList<>(2));
        lists.get(op).add(mustComeFirst);
    }

    /** Hash spreading for additive (order-free) hashes of collections. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    static long hash(Object o) { return mix(o == null ? 0x9e3779b97f4a7c15L : o.hashCode()); }
}
