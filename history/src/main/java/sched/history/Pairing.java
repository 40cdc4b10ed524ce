package sched.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sched.history.edn.EdnWriter;

/**
 * Pairs invocations with completions, following Knossos's semantics (see docs/HISTORIES.md):
 * <ul>
 *   <li>a process has at most one operation in flight; its next {@code :ok}, {@code :fail} or {@code :info}
 *       completes it;</li>
 *   <li>{@code :ok} takes the completion's value; {@code :fail} and {@code :info} keep the invocation's;</li>
 *   <li>{@code :info}, and an invocation still pending at the end, give an open-ended operation;</li>
 *   <li>records of the {@code :nemesis} process, and {@code :info} records with nothing in flight, are not
 *       client operations and are skipped.</li>
 * </ul>
 * Errors (a {@link HistoryException} naming file and line): a completion with nothing in flight, and an
 * invocation from a process that still has an operation open, including one that ended {@code :info} (such an
 * operation may still take effect, and Jepsen gives a crashed worker a new process id).
 */
public final class Pairing {
    private Pairing() {}

    /** The operations of {@code history}, ordered by invocation, failed ones included. */
    public static List<Operation> pair(History history) {
        Map<Object, Op> inFlight = new HashMap<>();
        Map<Object, Op[]> crashed = new HashMap<>(); // process -> {invoke, info}
        List<Operation> out = new ArrayList<>();
        for (Op op : history.ops()) {
            if (op.isNemesis()) continue;
            Object p = op.process();
            switch (op.type()) {
                case INVOKE -> {
                    Op open = inFlight.get(p);
                    if (open != null) {
                        throw new HistoryException(history.where(op) + ": process " + EdnWriter.write(p) + " invokes "
                                + EdnWriter.write(op.f()) + " while its " + EdnWriter.write(open.f()) + " invoked at "
                                + history.where(open) + " is still open (a process has at most one operation in flight)");
                    }
                    Op[] c = crashed.get(p);
                    if (c != null) {
                        throw new HistoryException(history.where(op) + ": process " + EdnWriter.write(p) + " invokes "
                                + EdnWriter.write(op.f()) + " while its " + EdnWriter.write(c[0].f()) + " invoked at "
                                + history.where(c[0]) + " ended :info at " + history.where(c[1])
                                + " and is still open: it may take effect at any later time (Jepsen gives a crashed"
                                + " process a new id)");
                    }
                    inFlight.put(p, op);
                }
                case OK, FAIL -> {
                    Op inv = inFlight.remove(p);
                    if (inv == null) {
                        throw new HistoryException(history.where(op) + ": process " + EdnWriter.write(p) + " completes "
                                + EdnWriter.write(op.f()) + " with " + op.type().keyword() + " but has no invocation in flight");
                    }
                    boolean ok = op.type() == Op.Type.OK;
                    out.add(new Operation(-1, p, inv.f(), ok ? op.value() : inv.value(),
                            ok ? Operation.Outcome.OK : Operation.Outcome.FAIL, inv.index(), op.index(), inv, op));
                }
                case INFO -> {
                    Op inv = inFlight.remove(p);
                    if (inv == null) continue; // not a client operation (e.g. a nemesis-like record)
                    crashed.put(p, new Op[] {inv, op});
                    out.add(new Operation(-1, p, inv.f(), inv.value(), Operation.Outcome.INFO, inv.index(),
                            Operation.OPEN, inv, op));
                }
            }
        }
        for (Op inv : inFlight.values()) {
            out.add(new Operation(-1, inv.process(), inv.f(), inv.value(), Operation.Outcome.PENDING, inv.index(),
                    Operation.OPEN, inv, null));
        }
        out.sort(Comparator.comparingInt(Operation::call));
        List<Operation> numbered = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) numbered.add(out.get(i).withId(i));
        return numbered;
    }
}
