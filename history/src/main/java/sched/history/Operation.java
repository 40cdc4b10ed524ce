package sched.history;

/**
 * An operation: an invocation paired with its completion.
 *
 * @param id       position in the list of operations returned by {@link Pairing#pair}
 * @param process  the process that ran it
 * @param f        the function
 * @param value    the operation's value: the completion's for {@code :ok}, the invocation's otherwise
 * @param outcome  how it ended
 * @param call     history index of the invocation
 * @param ret      history index of the completion, or {@link #OPEN} when it may take effect at any later time
 * @param invoke   the invocation record
 * @param complete the completion record, or null when the history ends before it
 */
public record Operation(int id, Object process, Object f, Object value, Outcome outcome, int call, int ret,
                        Op invoke, Op complete) {
    /** The return index of an operation that never returns: {@code :info} or still pending at the end. */
    public static final int OPEN = Integer.MAX_VALUE;

    /** How an operation ended. */
    public enum Outcome {
        /** Took effect exactly once, with the completion's value. */
        OK,
        /** Certainly took no effect. */
        FAIL,
        /** Completed with {@code :info}: may have taken effect at any time after its invocation, or never. */
        INFO,
        /** Never completed in the history: treated exactly like {@link #INFO}. */
        PENDING;

        /** True when the result is unknown (info or pending). */
        public boolean open() { return this == INFO || this == PENDING; }
    }

    public boolean open() { return ret == OPEN; }

    /** A copy with another id. */
    public Operation withId(int newId) {
        return new Operation(newId, process, f, value, outcome, call, ret, invoke, complete);
    }

    /** A copy with another value. */
    public Operation withValue(Object newValue) {
        return new Operation(id, process, f, newValue, outcome, call, ret, invoke, complete);
    }
}
