package sched.history.check;

import java.util.ArrayList;
import java.util.List;
import sched.history.History;
import sched.history.Operation;
import sched.history.Pairing;
import sched.history.model.Model;

/**
 * Checks a history for linearizability against a {@link Model}.
 *
 * <p>First P-compositionality: when the model splits the history into independent parts (by key), each part
 * is checked on its own, and the history is linearizable iff every part is; a part that is not decides the
 * verdict at once. Each part is searched with the WGL algorithm as improved by Lowe (see {@code Search} for
 * the algorithm and its memo). A shared deadline bounds the whole check: past it the verdict is
 * {@link Verdict#UNKNOWN}, never a hang.
 */
public final class Checker {
    private Checker() {}

    /** The three verdicts, spelled as the CLI prints them. */
    public enum Verdict {
        LINEARIZABLE("linearizable"), NOT_LINEARIZABLE("not linearizable"), UNKNOWN("unknown");

        private final String text;

        Verdict(String text) { this.text = text; }

        public String text() { return text; }

        @Override public String toString() { return text; }
    }

    /**
     * Where a non-linearizable history fails.
     *
     * @param part       the part's label ("whole history" or "key ...")
     * @param model      the part's model
     * @param ops        the part's operations that took part in the search (failed ones dropped)
     * @param op         the completed operation that no linearization could place before it returned
     * @param linearized how many completed operations returned before it (all linearized at that point)
     * @param states     states the model could be in when {@code op} had to be linearized (at most 16)
     */
    public record Failure(String part, Model model, List<Operation> ops, Operation op, int linearized, List<Object> states) {}

    /**
     * The outcome of a check.
     *
     * @param verdict    the verdict
     * @param operations operations checked (all parts; failed operations that the model drops excluded)
     * @param parts      how many independent parts the history was split into
     * @param nanos      wall time of the check
     * @param memo       memo entries created in all parts (a measure of the search's work)
     * @param reason     for UNKNOWN: why (time or memory limit)
     * @param failure    for NOT_LINEARIZABLE: where
     */
    public record Result(Verdict verdict, int operations, int parts, long nanos, long memo, String reason, Failure failure) {
        public long millis() { return nanos / 1_000_000; }
    }

    /** Default bound on memo entries per part (about 100 bytes each, model states aside). */
    public static final int DEFAULT_MEMO_LIMIT = 30_000_000;

    public static Result check(Model model, History history, double timeLimitSeconds) {
        return check(model, Pairing.pair(history), timeLimitSeconds, true);
    }

    /**
     * Checks {@code ops} (as {@link Pairing#pair} returns them). {@code timeLimitSeconds <= 0} means no limit;
     * {@code partition} false keeps the history whole even when the model could split it.
     */
    public static Result check(Model model, List<Operation> ops, double timeLimitSeconds, boolean partition) {
        long start = System.nanoTime();
        long deadline = timeLimitSeconds <= 0 ? start + Long.MAX_VALUE / 2 : start + (long) (timeLimitSeconds * 1e9);
        List<Model.Part> parts = partition ? model.partition(ops) : null;
        if (parts == null) parts = List.of(new Model.Part("whole history", model, ops));
        int checked = 0;
        long memo = 0;
        String unknownReason = null;
        List<Search> searches = new ArrayList<>(parts.size());
        List<List<Operation>> keptOps = new ArrayList<>(parts.size());
        for (Model.Part part : parts) {
            List<Operation> kept = new ArrayList<>(part.ops().size());
            List<Object> prepared = new ArrayList<>(part.ops().size());
            for (Operation op : part.ops()) {
                Object p = part.model().prepare(op);
                if (p != null) {
                    kept.add(op);
                    prepared.add(p);
                }
            }
            checked += kept.size();
            searches.add(new Search(part.model(), kept, prepared.toArray(), part.model().hints(kept), DEFAULT_MEMO_LIMIT));
            keptOps.add(kept);
        }
        // Parts run round-robin with doubling step budgets, so that one hard part cannot hide a quick
        // non-linearizable one behind it (the verdict is decided by the first part that fails).
        long budget = 1 << 14;
        int live = searches.size();
        while (live > 0 && unknownReason == null) {
            for (int i = 0; i < searches.size() && unknownReason == null; i++) {
                Search s = searches.get(i);
                if (s == null) continue;
                Search.Outcome o = s.run(deadline, budget);
                if (o == null) continue;
                memo += s.memoSize();
                searches.set(i, null);
                live--;
                Model.Part part = parts.get(i);
                switch (o) {
                    case LINEARIZABLE -> { }
                    case NOT_LINEARIZABLE -> {
                        List<Operation> kept = keptOps.get(i);
                        Operation bad = kept.get(s.failingOp());
                        Failure f = new Failure(part.label(), part.model(), kept, bad, s.bestRank, s.statesAtFailure(16));
                        return new Result(Verdict.NOT_LINEARIZABLE, checked, parts.size(), System.nanoTime() - start, memo, null, f);
                    }
                    case TIMEOUT -> unknownReason = "time limit of " + timeLimitSeconds + " s reached in " + part.label();
                    case MEMORY -> unknownReason = "memo limit of " + DEFAULT_MEMO_LIMIT + " configurations reached in " + part.label();
                }
            }
            budget = Math.min(budget * 2, 1L << 40);
        }
        if (unknownReason != null) {
            return new Result(Verdict.UNKNOWN, checked, parts.size(), System.nanoTime() - start, memo, unknownReason, null);
        }
        return new Result(Verdict.LINEARIZABLE, checked, parts.size(), System.nanoTime() - start, memo, null, null);
    }
}
