package sched.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The global run queue ({@code sched.runq} in Go): a linked FIFO of runnable Gs through {@link G#schedlink}.
 *
 * <p>Invariants: every method runs with sched.lock held by the caller (the lock belongs to {@link Sched}, which
 * also guards what the Gs move to); {@code size} equals the number of Gs linked from {@code head}; {@code tail}
 * is the last of them, null iff {@code head} is null; {@code size} is volatile so that the scheduler may read it
 * without the lock as a hint. Order is kept: puts append at the tail, gets take from the head.
 *
 * <p>With {@link HistoryHooks#ENABLED}, each operation reports itself (process = the calling M): the
 * invocation before the first write, the completion after the last, both under the lock.
 */
public final class GlobalRunq {
    private G head, tail;
    private volatile int size;

    public GlobalRunq() {}

    /** Gs queued (a racy hint without the lock). */
    public int size() { return size; }

    /** globrunqput: append one G (lock held). */
    public void globrunqput(G gp) {
        long p = 0;
        if (HistoryHooks.ENABLED) HistoryHooks.event(this, p = HistoryHooks.mProcess(), HistoryHooks.INVOKE, "put", gp.goid);
        gp.schedlink = null;
        if (tail != null) tail.schedlink = gp;
        else head = gp;
        tail = gp;
        size = size + 1;
        if (HistoryHooks.ENABLED) HistoryHooks.event(this, p, HistoryHooks.OK, "put", gp.goid);
    }

    /** globrunqputbatch: append the linked batch {@code head..tail} of n Gs, order kept (lock held). */
    void globrunqputbatch(G bhead, G btail, int n) {
        long p = 0;
        List<Long> ids = null;
        if (HistoryHooks.ENABLED) {
            ids = goids(bhead, n);
            HistoryHooks.event(this, p = HistoryHooks.mProcess(), HistoryHooks.INVOKE, "put-batch", ids);
        }
        if (tail != null) tail.schedlink = bhead;
        else head = bhead;
        tail = btail;
        btail.schedlink = null;
        size = size + n;
        if (HistoryHooks.ENABLED) HistoryHooks.event(this, p, HistoryHooks.OK, "put-batch", ids);
    }

    /**
     * globrunqget: take a batch (lock held): at most {@code size/gomaxprocs + 1}, at most {@code max} when
     * max > 0, at most half of pp's ring. The first G is returned, the rest go to pp's queue in order. Null when
     * the queue is empty.
     */
    public G globrunqget(P pp, int max, int gomaxprocs) {
        long p = 0;
        if (HistoryHooks.ENABLED) HistoryHooks.event(this, p = HistoryHooks.mProcess(), HistoryHooks.INVOKE, "get", null);
        int sz = size;
        if (sz == 0) {
            if (HistoryHooks.ENABLED) HistoryHooks.event(this, p, HistoryHooks.OK, "get", List.of());
            return null;
        }
        int n = sz / gomaxprocs + 1;
        if (n > sz) n = sz;
        if (max > 0 && n > max) n = max;
        if (n > pp.size / 2) n = pp.size / 2;
        List<Long> taken = HistoryHooks.ENABLED ? goids(head, n) : null;
        size = sz - n;
        G gp = head;
        head = gp.schedlink;
        n--;
        for (; n > 0; n--) {
            G gp1 = head;
            head = gp1.schedlink;
            gp1.schedlink = null;
            pp.runqput(gp1, false);
        }
        if (head == null) tail = null;
        gp.schedlink = null;
        if (HistoryHooks.ENABLED) HistoryHooks.event(this, p, HistoryHooks.OK, "get", taken);
        return gp;
    }

    /** The Gs queued, head first (lock held). */
    public List<G> contents() {
        List<G> out = new ArrayList<>(size);
        for (G g = head; g != null; g = g.schedlink) out.add(g);
        return out;
    }

    /** The ids of the n Gs linked from g. */
    private static List<Long> goids(G g, int n) {
        List<Long> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++, g = g.schedlink) ids.add(g.goid);
        return ids;
    }
}
