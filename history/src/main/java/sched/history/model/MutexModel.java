package sched.history.model;

import sched.history.Operation;

/** A lock: {@code :acquire} only when unlocked, {@code :release} only when locked. The state is a Boolean (locked). */
public final class MutexModel implements Model {
    private static final Object ACQUIRE = "acquire", RELEASE = "release";
    private final boolean initLocked;

    public MutexModel(boolean initLocked) { this.initLocked = initLocked; }

    @Override public String describe() { return "mutex init=" + (initLocked ? "locked" : "unlocked"); }

    @Override public Object initialState() { return initLocked; }

    @Override public Object prepare(Operation op) {
        if (op.outcome() == Operation.Outcome.FAIL) return null;
        return switch (Ops.fn(op)) {
            case "acquire" -> ACQUIRE;
            case "release" -> RELEASE;
            default -> throw Ops.unknownF(op, "mutex", ":acquire or :release");
        };
    }

    @Override public Object step(Object state, Object prepared) {
        boolean locked = (Boolean) state;
        if (prepared == ACQUIRE) return locked ? ILLEGAL : Boolean.TRUE;
        return locked ? Boolean.FALSE : ILLEGAL;
    }

    @Override public String showState(Object state) { return (Boolean) state ? "locked" : "unlocked"; }
}
