package sched.history.model;

import java.util.List;
import sched.history.Operation;
import sched.history.edn.EdnWriter;

/**
 * A deterministic sequential object: the specification a history is checked against.
 *
 * <p>The checker calls {@link #prepare} once per operation, outside the search, so that {@link #step} (the hot
 * path) works on a model-specific, pre-parsed form. States must be immutable and have value-based
 * {@code equals}/{@code hashCode} (the checker caches (linearized set, state) pairs); {@code null} is a valid
 * state. {@code step} returns {@link #ILLEGAL} when the operation cannot take effect in that state.
 *
 * <p>Operations whose outcome is open ({@code :info} or never completed) carry no trustworthy result: a model
 * applies their effect without checking a result (a read becomes a no-op, a dequeue removes whatever is at the
 * head). The checker may also leave them out of the linearization entirely.
 */
public interface Model {
    /** The result of {@link #step} for an operation that cannot happen in the given state. */
    Object ILLEGAL = new Object() {
        @Override public String toString() { return "ILLEGAL"; }
    };

    /** Name and initial state, as {@code history check --model} and the MANIFEST spell them. */
    String describe();

    Object initialState();

    /**
     * The operation in the form {@link #step} takes, or null to leave it out of the check (failed operations,
     * unless the model gives them meaning). Throws {@link ModelException} for an operation it does not know.
     */
    Object prepare(Operation op);

    /** The state after {@code prepared} in {@code state}, or {@link #ILLEGAL}. */
    Object step(Object state, Object prepared);

    /**
     * P-compositionality: independent parts of the history (by key), each checked on its own with its own
     * model; the history is linearizable iff every part is. Null when the model does not split this history.
     */
    default List<Part> partition(List<Operation> ops) { return null; }

    /**
     * Search hints for a part's operations (those that take part in the search, in invocation order). They
     * never change the verdict, only how fast it is found:
     *
     * @param priority among the operations that could take effect at some point, the search tries lower
     *                 numbers first (null: invocation order)
     * @param after    for each operation, operations that every linearization must place before it, beyond
     *                 what real time already says (derived from the model's semantics; null entries: none).
     *                 The search does not try an operation before these.
     */
    record Hints(int[] priority, int[][] after) {}

    /**
     * Hints for {@code ops}, or null (the default: plain invocation order). Queue-like models put each
     * producer where its consumer took effect, and FIFO models add the rule that if the consumer of a
     * completed before the consumer of b began, a was produced before b.
     */
    default Hints hints(List<Operation> ops) { return null; }

    /** A state as EDN text, for reports (states that are not plain EDN data print themselves as EDN). */
    default String showState(Object state) {
        try {
            return EdnWriter.write(state);
        } catch (IllegalArgumentException e) {
            return String.valueOf(state);
        }
    }

    /** A part of a partitioned history. */
    record Part(String label, Model model, List<Operation> ops) {}
}
