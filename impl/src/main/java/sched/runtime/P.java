package sched.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A processor: the right to run goroutines, and the local run queue that goes with it.
 *
 * <h2>The local run queue</h2>
 * A ring of {@value #RUNQ_SIZE} slots with {@code runqhead} and {@code runqtail} counters (ints that wrap; only
 * {@code tail - head} and {@code index & MASK} are ever used), plus the one-G {@code runnext} slot.
 * <ul>
 *   <li>Only the owner produces: it writes the slot, then store-releases the tail. A consumer that
 *       load-acquires the tail therefore sees the slots below it.</li>
 *   <li>The owner and stealers consume by CAS on the head; every head load is an acquire, and the CAS publishes
 *       the consumption to the producer, which must not overwrite a slot before its head moved past it.</li>
 *   <li>{@code tail - head} never exceeds {@value #RUNQ_SIZE}. A stealer that reads head and tail at different
 *       moments may compute a half larger than {@value #RUNQ_SIZE}/2: that pair was inconsistent, so it retries.</li>
 *   <li>Only the owner sets {@code runnext} to a G; anyone may CAS it from a G to null (taking that G).</li>
 *   <li>A full ring moves half of itself plus the new G to the global queue in one locked batch
 *       ({@link #runqputslow}), order kept, so the new G stays behind the older ones.</li>
 * </ul>
 * Each atomic memory operation ends at a probe named after the RunQueue.tla action it implements, a failed CAS
 * included (the spec's failure branch is a step of its own). These probes also publish the locals the step leaves
 * in flight, which live in registers ({@link Seam#step(M, Step, int, G)}; a RunQueue replay reads them):
 * <ul>
 *   <li>{@code PutNextCas}: held = the G kicked out of runnext (null: none, the put is over).</li>
 *   <li>{@code PutLoadHead}: local = the loaded head, held = the G being put.</li>
 *   <li>{@code PutSlowGrab}: local = how many Gs were grabbed into {@code batch} (0: the CAS failed).</li>
 *   <li>{@code GetNextCas}: held = the G taken. {@code GetLoadHead}: local = the loaded head.
 *       {@code GetCas}: local 1 and held = the G taken, or local 0 (the CAS failed).</li>
 *   <li>{@code GrabLoadHead}: local = the loaded head. {@code GrabLoadTail}: local = n, the rounded-up half
 *       (computed before the probe: it depends on the two loads only). {@code GrabRunnext}: held = the G taken
 *       (null: runnext was empty, the grab returns 0). {@code GrabCopy}: local = n, the Gs copied to
 *       {@code dst[dstHead, dstHead + n)}. {@code GrabCas}: local = n, or 0 (the CAS failed).</li>
 * </ul>
 *
 * <h2>Recording ({@link HistoryHooks}, {@code -Dsched.record})</h2>
 * Every site is {@code if (HistoryHooks.ENABLED) ...}, folded away when recording is off. The object is this P
 * (the run queue operated on), the process the calling M ({@link HistoryHooks#mProcess}), values goroutine ids.
 * Each operation is invoked before its first atomic step and completed after its linearization point:
 * <ul>
 *   <li>runqput(gp, next=true) is two steps in the code, and is recorded as two operations: {@code :swap-next gp}
 *       (the runnext CAS; completes with {@code [gp old]}, old = the G kicked out or nil), then, when there was an
 *       old G, {@code :put old}. Between them the old G is in neither runnext nor the ring: a thief may see an
 *       empty ring and take the new runnext (docs/HISTORIES.md, "the runnext steal race"); recording the two
 *       steps lets the model account for that window instead of reporting it.</li>
 *   <li>{@code :put gp} completes with gp, or, when the ring was full, with the batch runqputslow moved to the
 *       global queue ({@code [g1 .. gn gp]}: the ring's older half, then gp), reported after the head CAS.</li>
 *   <li>{@code :get} completes with the G taken (runnext or the ring's head) or nil.</li>
 *   <li>runqsteal records {@code :steal} on the victim (completes with the Gs runqgrab took, in queue order), and
 *       then, when more than one was taken, {@code :put-batch [..]} on the thief's own P (the Gs but the last,
 *       published by the tail store). The two never overlap, so an M has one operation open at a time.</li>
 * </ul>
 */
public final class P {
    /** Go's ring capacity, and the default ({@link Config#runqSize} changes it, for replaying small models). */
    public static final int RUNQ_SIZE = 256;
    public static final int IDLE = 0, RUNNING = 1, SYSCALL = 2, DEAD = 4;

    private static final VarHandle HEAD, TAIL, RUNNEXT, STATUS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            HEAD = l.findVarHandle(P.class, "runqhead", int.class);
            TAIL = l.findVarHandle(P.class, "runqtail", int.class);
            RUNNEXT = l.findVarHandle(P.class, "runnext", G.class);
            STATUS = l.findVarHandle(P.class, "status", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final int id;
    final Sched sched;
    private volatile int status = IDLE;
    /** Link in the idle-P list (under sched.lock). */
    P link;
    /** The M that holds this P (null when idle). */
    M m;
    /** Incremented on every fresh time slice (execute without inheritance). */
    int schedtick;
    /** Incremented on every syscall (sysmon compares it to see a syscall still in progress). */
    volatile int syscalltick;
    /** Sysmon's view: schedtick/syscalltick and when it last saw them change. */
    int sysmonTick, sysmonSyscallTick;
    long sysmonWhen, sysmonSchedWhen;
    /** When the current time slice began (nanotime). */
    long sliceStart;

    /** This P's ring capacity (a power of two, {@link #RUNQ_SIZE} unless the config says otherwise) and mask. */
    final int size, mask;
    private final G[] runq;
    @SuppressWarnings("unused") private volatile int runqhead;
    @SuppressWarnings("unused") private volatile int runqtail;
    @SuppressWarnings("unused") private volatile G runnext;
    /** Scratch for runqputslow (owner only: no allocation on the overflow path). */
    private final G[] batch;
    /** Whether the last successful runqget took runnext (the G inherits the time slice). */
    boolean lastInherit;

    /** goid cache: ids [goidcache, goidcacheend) are this P's to hand out. */
    long goidcache, goidcacheend;
    /** Free dead Gs of this P. */
    G gFree;
    int gFreeCount;

    /** Goroutines created on this P (summed by Counters; owner only). */
    long goroutinesCreated;

    /** Timers of this P (part 2). */
    final Timers timers;

    P(Sched sched, int id) {
        this.sched = sched;
        this.id = id;
        this.timers = new Timers(this);
        this.size = sched.config.runqSize;
        this.mask = size - 1;
        this.runq = new G[size];
        this.batch = new G[size / 2 + 1];
    }

    public int id() { return id; }

    public int status() { return status; }

    void setStatus(int s) { STATUS.setVolatile(this, s); }

    boolean casStatus(int from, int to) { return STATUS.compareAndSet(this, from, to); }

    public M m() { return m; }

    public int schedtick() { return schedtick; }

    private void probe(Step s) { sched.probeCurrent(s); }

    /** A probe that publishes the step's in-flight locals (the class comment lists them per label). */
    private void probe(Step s, int local, G held) { sched.probeCurrent(s, local, held); }

    // ---------------------------------------------------------------------------------------------------- put

    /**
     * runqput: put {@code gp} on this P's queue (owner only). With {@code next}, gp takes the runnext slot and
     * whatever was there moves to the tail of the ring. A full ring overflows to the global queue.
     */
    public void runqput(G gp, boolean next) {
        long rp = 0; // the recording process (the calling M), read once
        if (HistoryHooks.ENABLED) rp = HistoryHooks.mProcess();
        if (next) {
            if (HistoryHooks.ENABLED) HistoryHooks.event(this, rp, HistoryHooks.INVOKE, "swap-next", gp.goid);
            G old;
            do {
                old = runnext;
            } while (!RUNNEXT.compareAndSet(this, old, gp));
            if (HistoryHooks.ENABLED) {
                HistoryHooks.event(this, rp, HistoryHooks.OK, "swap-next", java.util.Arrays.asList(gp.goid, old == null ? null : old.goid));
            }
            if (Probes.ENABLED) probe(Step.PutNextCas, 0, old);
            if (old == null) return;
            gp = old; // the kicked-out G goes to the regular queue
        }
        if (HistoryHooks.ENABLED) HistoryHooks.event(this, rp, HistoryHooks.INVOKE, "put", gp.goid);
        for (;;) {
            int h = (int) HEAD.getAcquire(this);
            int t = runqtail; // only the owner writes the tail
            if (Probes.ENABLED) probe(Step.PutLoadHead, h, gp);
            if (t - h < size) {
                runq[t & mask] = gp;
                TAIL.setRelease(this, t + 1); // publishes the slot
                if (HistoryHooks.ENABLED) HistoryHooks.event(this, rp, HistoryHooks.OK, "put", gp.goid);
                if (Probes.ENABLED) probe(Step.PutPublish);
                return;
            }
            if (runqputslow(gp, h, t)) return; // it reported the put's completion
            // the CAS of runqputslow failed: a stealer freed room, the fast path will do
        }
    }

    /**
     * runqputslow: the ring is full. Move its older half plus gp (half + 1 Gs) to the global queue as one batch,
     * order kept. Returns false when a stealer moved the head first (the caller retries the fast path).
     */
    boolean runqputslow(G gp, int h, int t) {
        int n = (t - h) / 2;
        if (n != size / 2) throw new SchedulerError("runqputslow: queue is not full (" + (t - h) + ")");
        G[] b = batch;
        for (int i = 0; i < n; i++) b[i] = runq[(h + i) & mask];
        if (!HEAD.compareAndSet(this, h, h + n)) { // release: the slots may now be reused
            if (Probes.ENABLED) probe(Step.PutSlowGrab, 0, null); // a consumer moved the head first
            return false;
        }
        if (Probes.ENABLED) probe(Step.PutSlowGrab, n, null);
        b[n] = gp;
        if (HistoryHooks.ENABLED) HistoryHooks.event(this, HistoryHooks.mProcess(), HistoryHooks.OK, "put", goids(b, 0, n + 1, -1));
        for (int i = 0; i < n; i++) b[i].schedlink = b[i + 1];
        b[n].schedlink = null;
        sched.globrunqputbatch(b[0], b[n], n + 1);
        java.util.Arrays.fill(b, 0, n + 1, null);
        sched.counters.runqputslow.increment();
        if (Probes.ENABLED) probe(Step.PutSlowGlobal);
        return true;
    }

    // ---------------------------------------------------------------------------------------------------- get

    /**
     * runqget: take a G from this P's queue (owner only): runnext first, which inherits the current time slice
     * ({@link #lastInherit}), then the head of the ring. Null when empty.
     */
    public G runqget() {
        long rp = 0;
        if (HistoryHooks.ENABLED) HistoryHooks.event(this, rp = HistoryHooks.mProcess(), HistoryHooks.INVOKE, "get", null);
        G next = runnext;
        // If the CAS fails a stealer took runnext; the ring is tried next.
        if (next != null && RUNNEXT.compareAndSet(this, next, null)) {
            lastInherit = true;
            if (HistoryHooks.ENABLED) HistoryHooks.event(this, rp, HistoryHooks.OK, "get", next.goid);
            if (Probes.ENABLED) probe(Step.GetNextCas, 0, next);
            return next;
        }
        for (;;) {
            int h = (int) HEAD.getAcquire(this);
            int t = runqtail;
            if (Probes.ENABLED) probe(Step.GetLoadHead, h, null);
            if (t == h) {
                if (HistoryHooks.ENABLED) HistoryHooks.event(this, rp, HistoryHooks.OK, "get", null);
                return null;
            }
            G gp = runq[h & mask];
            if (HEAD.compareAndSet(this, h, h + 1)) { // release: the slot is free again
                lastInherit = false;
                if (HistoryHooks.ENABLED) HistoryHooks.event(this, rp, HistoryHooks.OK, "get", gp.goid);
                if (Probes.ENABLED) probe(Step.GetCas, 1, gp);
                return gp;
            }
            if (Probes.ENABLED) probe(Step.GetCas, 0, null); // a stealer moved the head first
        }
    }

    /** Drain every G (runnext first, then the ring) into {@code sink}; used by procresize and tests. */
    int runqdrain(java.util.function.Consumer<G> sink) {
        int n = 0;
        for (G gp; (gp = runqget()) != null; n++) sink.accept(gp);
        return n;
    }

    // -------------------------------------------------------------------------------------------------- steal

    /**
     * runqgrab: called by a thief on this victim P. Copy the rounded-up half of the ring into {@code dst}
     * starting at index {@code dstHead}, and claim it with a CAS of the head. With {@code stealRunNextG} and an
     * empty ring, take runnext instead. Returns how many Gs were taken.
     */
    int runqgrab(G[] dst, int dstHead, boolean stealRunNextG, M thief) {
        for (;;) {
            int h = (int) HEAD.getAcquire(this);
            if (Probes.ENABLED) probe(Step.GrabLoadHead, h, null);
            int t = (int) TAIL.getAcquire(this);
            int n = t - h;
            n = n - n / 2;
            if (Probes.ENABLED) probe(Step.GrabLoadTail, n, null);
            if (n == 0) {
                if (stealRunNextG) {
                    G next = runnext;
                    if (next != null) {
                        if (status == RUNNING && thief != null) {
                            // The owner is running and is about to schedule runnext; give it a moment
                            // rather than steal a G that would have run right away (Go sleeps 3us).
                            sched.seam.pause(thief, 3);
                        }
                        if (!RUNNEXT.compareAndSet(this, next, null)) continue;
                        dst[dstHead & mask] = next;
                        if (Probes.ENABLED) probe(Step.GrabRunnext, 1, next);
                        return 1;
                    }
                    if (Probes.ENABLED) probe(Step.GrabRunnext, 0, null); // runnext was empty too
                }
                return 0;
            }
            if (n > size / 2) continue; // head and tail read at different moments: inconsistent
            for (int i = 0; i < n; i++) dst[(dstHead + i) & mask] = runq[(h + i) & mask];
            if (Probes.ENABLED) probe(Step.GrabCopy, n, null);
            if (HEAD.compareAndSet(this, h, h + n)) {
                if (Probes.ENABLED) probe(Step.GrabCas, n, null);
                return n;
            }
            if (Probes.ENABLED) probe(Step.GrabCas, 0, null); // another consumer moved the head first
        }
    }

    /**
     * runqsteal: this P (the thief, whose queue is empty) takes half of {@code victim}'s queue. The last G taken
     * is returned to run now; the others are published in this P's ring.
     */
    G runqsteal(P victim, boolean stealRunNextG, M thief) {
        int t = runqtail;
        long rp = 0;
        if (HistoryHooks.ENABLED) HistoryHooks.event(victim, rp = HistoryHooks.mProcess(), HistoryHooks.INVOKE, "steal", null);
        int n = victim.runqgrab(runq, t, stealRunNextG, thief);
        // the grab took dst[t, t + n) (its head CAS or runnext CAS is the steal's linearization point)
        if (HistoryHooks.ENABLED) HistoryHooks.event(victim, rp, HistoryHooks.OK, "steal", goids(runq, t, n, mask));
        if (n == 0) return null;
        n--;
        G gp = runq[(t + n) & mask];
        runq[(t + n) & mask] = null;
        if (n == 0) return gp;
        java.util.List<Long> published = null;
        if (HistoryHooks.ENABLED) HistoryHooks.event(this, rp, HistoryHooks.INVOKE, "put-batch", published = goids(runq, t, n, mask));
        int h = (int) HEAD.getAcquire(this);
        if (t - h + n >= size) throw new SchedulerError("runqsteal: runq overflow on p" + id);
        TAIL.setRelease(this, t + n);
        if (HistoryHooks.ENABLED) HistoryHooks.event(this, rp, HistoryHooks.OK, "put-batch", published);
        return gp;
    }

    /** The ids of {@code a[(from + i) & mask]}, i < n, in that order (for recording; mask -1: no wrap). */
    private static java.util.List<Long> goids(G[] a, int from, int n, int mask) {
        java.util.List<Long> ids = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) ids.add(a[(from + i) & mask].goid);
        return ids;
    }

    // ------------------------------------------------------------------------------------------------ queries

    /**
     * runqempty: true only if the queue really is empty. Reading head, tail and runnext one after another is not
     * enough: runqput may move the old runnext into the ring between the reads, and a reader that saw the old
     * tail and the new (empty) runnext would wrongly see nothing. So re-read the tail until it is stable.
     */
    public boolean runqempty() {
        for (;;) {
            int h = (int) HEAD.getAcquire(this);
            int t = (int) TAIL.getAcquire(this);
            G next = (G) RUNNEXT.getAcquire(this);
            if ((int) TAIL.getAcquire(this) == t) return h == t && next == null;
        }
    }

    /** Number of Gs in the ring (not counting runnext); approximate when others act concurrently. */
    public int runqsize() {
        int n = (int) TAIL.getAcquire(this) - (int) HEAD.getAcquire(this);
        return Math.max(0, Math.min(n, size));
    }

    public G runnext() { return (G) RUNNEXT.getAcquire(this); }

    // The raw shared memory, for the RunQueue replay (RunQueueHarness): read only while no actor runs.
    int runqheadRaw() { return (int) HEAD.getAcquire(this); }

    int runqtailRaw() { return (int) TAIL.getAcquire(this); }

    /** Slot i of the ring as it is, stale Gs outside [head, tail) included. */
    G slotRaw(int i) { return runq[i]; }

    /** Entry i of runqputslow's batch (filled between PutSlowGrab and PutSlowGlobal). */
    G batchRaw(int i) { return batch[i]; }

    /** The ring's Gs, head first (a racy copy: exact only when nobody acts on the queue). */
    public G[] runqContents() {
        int h = (int) HEAD.getAcquire(this);
        int t = (int) TAIL.getAcquire(this);
        int n = Math.max(0, Math.min(t - h, size));
        G[] out = new G[n];
        for (int i = 0; i < n; i++) out[i] = runq[(h + i) & mask];
        return out;
    }

    // ---------------------------------------------------------------------------------------------- free Gs

    /** gfput: keep a dead G for reuse; past 64, move Gs to the global list until fewer than 32 remain. */
    void gfput(G gp) {
        gp.schedlink = gFree;
        gFree = gp;
        if (++gFreeCount >= 64) sched.gfputGlobal(this, 32);
    }

    /** gfget: a dead G to reuse, refilling up to 32 from the global list when this P has none. */
    G gfget() {
        if (gFree == null) sched.gfgetGlobal(this, 32);
        G gp = gFree;
        if (gp == null) return null;
        gFree = gp.schedlink;
        gp.schedlink = null;
        gFreeCount--;
        return gp;
    }

    @Override public String toString() { return "p" + id; }
}
