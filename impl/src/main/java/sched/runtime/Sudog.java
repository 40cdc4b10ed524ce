package sched.runtime;

/**
 * A goroutine waiting on a channel (Go's sudog): one per wait queue the G sits in. {@code elem} carries the value
 * to send, or receives the value sent; {@code success} says whether the wakeup came from a real communication
 * (false: the channel was closed).
 */
final class Sudog {
    final G g;
    final Chan<?> c;
    Object elem;
    boolean success;
    /** Part of a select with several cases: only one of them may win (G.selectDone). */
    final boolean isSelect;
    /** The select case index this sudog stands for. */
    final int caseIndex;
    Sudog next, prev;

    Sudog(G g, Chan<?> c, Object elem, boolean isSelect, int caseIndex) {
        this.g = g;
        this.c = c;
        this.elem = elem;
        this.isSelect = isSelect;
        this.caseIndex = caseIndex;
    }

    /** A FIFO of sudogs (Go's waitq). */
    static final class WaitQ {
        Sudog first, last;

        void enqueue(Sudog s) {
            s.next = null;
            s.prev = last;
            if (last == null) first = s;
            else last.next = s;
            last = s;
        }

        /**
         * Take the first sudog whose G can still be woken: a select whose G was already won by another case is
         * skipped (and removed).
         */
        Sudog dequeue() {
            for (;;) {
                Sudog s = first;
                if (s == null) return null;
                remove(s);
                if (s.isSelect && !G.SELECT_DONE.compareAndSet(s.g, 0, 1)) continue;
                return s;
            }
        }

        void remove(Sudog s) {
            if (s.prev != null) s.prev.next = s.next;
            else if (first == s) first = s.next;
            else return; // not in this queue
            if (s.next != null) s.next.prev = s.prev;
            else last = s.prev;
            s.next = s.prev = null;
        }

        boolean isEmpty() { return first == null; }
    }
}
