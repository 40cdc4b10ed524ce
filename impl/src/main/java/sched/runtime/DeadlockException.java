package sched.runtime;

import java.util.List;

/** Every goroutine is blocked and nothing can wake one: Go's "all goroutines are asleep - deadlock!". */
public final class DeadlockException extends RuntimeException {
    private final List<String> waiting;

    DeadlockException(List<G> gs) {
        super(report(gs));
        this.waiting = gs.stream().map(DeadlockException::line).toList();
    }

    /** One line per waiting goroutine: {@code goroutine 1 [chan receive]}. */
    public List<String> waiting() { return waiting; }

    private static String line(G g) {
        return "goroutine " + g.goid + " [" + g.waitreason + "]" + (g.label == null ? "" : " " + g.label);
    }

    private static String report(List<G> gs) {
        StringBuilder sb = new StringBuilder("fatal error: all goroutines are asleep - deadlock!\n");
        for (G g : gs.stream().sorted(java.util.Comparator.comparingLong(G::goid)).toList()) {
            sb.append('\n').append(line(g));
        }
        return sb.toString();
    }
}
