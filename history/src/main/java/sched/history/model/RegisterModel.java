package sched.history.model;

import java.util.List;
import java.util.Objects;
import sched.history.Operation;
import sched.history.edn.EdnWriter;

/**
 * A single register. Three flavours share this class:
 * <ul>
 *   <li>{@code register}: {@code :read v}, {@code :write v}; a read of {@code nil} matches anything (Knossos:
 *       nil means "value unknown").</li>
 *   <li>{@code cas-register}: adds {@code :cas [old new]}, legal only when the state is {@code old}.</li>
 *   <li>{@code etcd-register} (the MANIFEST's "cas-register init=nil (etcd key; nil read = absent)"): a
 *       {@code nil} read is an observation that the key does not exist, and a {@code :fail}ed cas is kept as a
 *       completed operation that saw a value other than {@code old} and changed nothing (Porcupine's
 *       treatment). Failed reads are still dropped: a read has no effect.</li>
 * </ul>
 * The state is the register's value itself.
 */
public final class RegisterModel implements Model {
    private static final int READ = 0, WRITE = 1, CAS = 2, CAS_FAILED = 3, NOOP = 4;

    private record Prepared(int kind, Object a, Object b) {}

    private static final Prepared NO_OP = new Prepared(NOOP, null, null);

    private final String name;
    private final boolean cas;
    private final boolean etcd;
    private final Object init;

    private RegisterModel(String name, boolean cas, boolean etcd, Object init) {
        this.name = name;
        this.cas = cas;
        this.etcd = etcd;
        this.init = init;
    }

    public static RegisterModel register(Object init) { return new RegisterModel("register", false, false, init); }

    public static RegisterModel casRegister(Object init) { return new RegisterModel("cas-register", true, false, init); }

    public static RegisterModel etcdRegister(Object init) { return new RegisterModel("etcd-register", true, true, init); }

    @Override public String describe() { return name + " init=" + EdnWriter.write(init); }

    @Override public Object initialState() { return init; }

    @Override public Object prepare(Operation op) {
        String f = Ops.fn(op);
        boolean failed = op.outcome() == Operation.Outcome.FAIL;
        switch (f) {
            case "read": {
                if (failed) return null;
                if (op.outcome().open()) return NO_OP; // no result, no effect
                if (op.value() == null && !etcd) return NO_OP; // Knossos: nil read = unknown value
                return new Prepared(READ, op.value(), null);
            }
            case "write":
                if (failed) return null;
                return new Prepared(WRITE, op.value(), null);
            case "cas": {
                if (!cas) throw Ops.unknownF(op, name, ":read or :write");
                List<?> t = Ops.tuple(op, 2, "[old new]");
                if (failed) return etcd ? new Prepared(CAS_FAILED, t.get(0), null) : null;
                return new Prepared(CAS, t.get(0), t.get(1));
            }
            default:
                throw Ops.unknownF(op, name, cas ? ":read, :write or :cas" : ":read or :write");
        }
    }

    @Override public Object step(Object state, Object prepared) {
        Prepared p = (Prepared) prepared;
        return switch (p.kind) {
            case READ -> Objects.equals(state, p.a) ? state : ILLEGAL;
            case WRITE -> p.a;
            case CAS -> Objects.equals(state, p.a) ? p.b : ILLEGAL;
            case CAS_FAILED -> Objects.equals(state, p.a) ? ILLEGAL : state;
            default -> state;
        };
    }
}
