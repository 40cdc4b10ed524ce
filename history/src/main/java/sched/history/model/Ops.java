package sched.history.model;

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
