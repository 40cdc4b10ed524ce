package sched.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code select} over several channel cases, with an optional default.
 *
 * <pre>
 *   Select s = new Select().recv(c1).send(c2, v).orDefault();
 *   switch (s.select()) {
 *       case 0 -&gt; use(s.value());   // received from c1 (s.ok() false if c1 was closed)
 *       case 1 -&gt; ...               // sent v on c2
 *       default -&gt; ...              // -1: nothing was ready
 *   }
 * </pre>
 *
 * As selectgo does: lock every channel (in a fixed global order, so two selects cannot deadlock), poll the cases
 * in a random order (drawn through the seam) and take the first that is ready; with none ready, return the
 * default or enqueue a sudog on every channel and park once. The first channel to fire wins the G by CAS of its
 * {@code selectDone} flag; the losers' sudogs are removed after the wakeup. A Select object can be reused.
 *
 * <p>With {@link HistoryHooks#ENABLED}, a select whose cases are on distinct channels reports each case as one
 * operation on its channel (process = the goroutine): every case is invoked before the channels are locked;
 * the chosen case completes as the plain send or receive would, every other case completes with FAIL (no
 * effect), and with the default taken all fail. A select with two cases on one channel is not reported (one
 * process would have two operations open on that channel at once, which a history cannot express).
 */
public final class Select {
    private final List<Chan<?>> chans = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();
    private final List<Boolean> isSend = new ArrayList<>();
    private boolean hasDefault;
    private Object received;
    private boolean ok;

    /** Add a receive case {@code <-c}; its index is the number of cases added before it. */
    public Select recv(Chan<?> c) {
        chans.add(java.util.Objects.requireNonNull(c, "channel"));
        values.add(null);
        isSend.add(false);
        return this;
    }

    /** Add a send case {@code c <- v}. */
    public <T> Select send(Chan<T> c, T v) {
        chans.add(java.util.Objects.requireNonNull(c, "channel"));
        values.add(v);
        isSend.add(true);
        return this;
    }

    /** Add a default case: select returns -1 instead of blocking. */
    public Select orDefault() {
        hasDefault = true;
        return this;
    }

    /** The value received by the chosen receive case (null if its channel was closed). */
    public Object value() { return received; }

    /** Whether the chosen receive case got a sent value (false: its channel was closed). */
    public boolean ok() { return ok; }

    /** Run the select; returns the chosen case's index, or -1 for the default. */
    public int select() {
        G self = Sched.currentG("Select.select");
        Sched.checkpoint(self); // may move this goroutine to another M
        M m = self.m;
        int n = chans.size();
        received = null;
        ok = false;
        if (n == 0) {
            if (hasDefault) return -1;
            Sched.gopark(self, null, WaitReason.SELECT_NO_CASES); // select {}: blocks forever
            throw new SchedulerError("select with no cases was woken");
        }
        // Lock order: by channel id, each channel once.
        List<Chan<?>> order = new ArrayList<>(chans);
        order.sort(java.util.Comparator.comparingLong(c -> c.id));
        List<Chan<?>> locks = new ArrayList<>(n);
        for (Chan<?> c : order) if (locks.isEmpty() || locks.get(locks.size() - 1) != c) locks.add(c);
        // Poll order: a random permutation (Fisher-Yates on draws from the seam).
        int[] poll = new int[n];
        for (int i = 0; i < n; i++) poll[i] = i;
        Seam seam = m.sched.seam;
        for (int i = n - 1; i > 0; i--) {
            int j = Integer.remainderUnsigned(seam.fastrand(m), i + 1);
            int t = poll[i];
            poll[i] = poll[j];
            poll[j] = t;
        }
        boolean rec = HistoryHooks.ENABLED && locks.size() == n;
        long proc = self.goid;
        if (rec) {
            for (int i = 0; i < n; i++) {
                boolean snd = isSend.get(i);
                HistoryHooks.event(chans.get(i), proc, HistoryHooks.INVOKE, snd ? "send" : "recv", snd ? values.get(i) : null);
            }
        }
        for (Chan<?> c : locks) c.lock.lock();
        Object[] out = new Object[1];
        Sudog[] wake = new Sudog[1];
        for (int k = 0; k < n; k++) {
            int i = poll[k];
            Chan<?> c = chans.get(i);
            boolean snd = isSend.get(i);
            int r = snd ? c.sendCore(values.get(i), wake) : c.recvCore(out, wake);
            if (r != Chan.BLOCK) {
                unlockAll(locks);
                if (rec) completed(proc, i, r, out[0]);
                Chan.finish(r, wake[0], snd, self);
                if (!snd) {
                    received = out[0];
                    ok = r == Chan.DONE;
                }
                return i;
            }
        }
        if (hasDefault) {
            unlockAll(locks);
            if (rec) completed(proc, -1, Chan.BLOCK, null);
            return -1;
        }
        // Block on every case.
        G gp = self;
        G.SELECT_DONE.setVolatile(gp, 0);
        gp.param = null;
        Sudog[] sgs = new Sudog[n];
        for (int i = 0; i < n; i++) {
            Chan<?> c = chans.get(i);
            boolean snd = isSend.get(i);
            Sudog sg = new Sudog(gp, c, snd ? values.get(i) : null, true, i);
            sgs[i] = sg;
            (snd ? c.sendq : c.recvq).enqueue(sg);
        }
        Sched.gopark(gp, () -> unlockAll(locks), WaitReason.SELECT);
        // Woken by exactly one case; take our other sudogs off their queues.
        Sudog winner = (Sudog) gp.param;
        gp.param = null;
        for (Chan<?> c : locks) c.lock.lock();
        for (int i = 0; i < n; i++) {
            if (sgs[i] == winner) continue;
            Chan<?> c = chans.get(i);
            (isSend.get(i) ? c.sendq : c.recvq).remove(sgs[i]);
        }
        unlockAll(locks);
        if (winner == null) throw new SchedulerError("select woken without a winning case");
        int i = winner.caseIndex;
        if (rec) completed(proc, i, winner.success ? Chan.DONE : Chan.CLOSED, winner.elem);
        if (isSend.get(i)) {
            if (!winner.success) throw new IllegalStateException("send on closed channel");
        } else {
            received = winner.elem;
            ok = winner.success;
        }
        return i;
    }

    /** Reports every case's completion: case {@code chosen} ended with r (and value v), the others had no effect. */
    private void completed(long proc, int chosen, int r, Object v) {
        for (int k = 0; k < chans.size(); k++) {
            Chan<?> c = chans.get(k);
            boolean snd = isSend.get(k);
            if (k != chosen) HistoryHooks.event(c, proc, HistoryHooks.FAIL, snd ? "send" : "recv", snd ? values.get(k) : null);
            else if (snd) c.sent(proc, r, values.get(k));
            else c.received(proc, r, v);
        }
    }

    private static void unlockAll(List<Chan<?>> locks) {
        for (int i = locks.size() - 1; i >= 0; i--) locks.get(i).lock.unlock();
    }
}
