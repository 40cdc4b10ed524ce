package sched.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * One P's run queue driven one atomic memory operation at a time, for replaying RunQueue.tla traces: the owner
 * (the P's M: {@link P#runqput}, {@link P#runqget}) and each stealer ({@link P#runqgrab}, as runqsteal calls it)
 * are actors running the real code, each stopping at every probe of that code.
 *
 * <p>Invariants:
 * <ul>
 *   <li>An actor is a {@link Continuation} run on the caller's thread; at most one runs at a time, and between
 *       {@link #resumeOwner}/{@link #resumeStealer} calls none does, so the shared memory read here is exact.</li>
 *   <li>An actor stops only at a probe of the run queue ({@link Kind#PROBE}, with the locals the probe
 *       published), at the owner's mailbox between operations ({@link Kind#WAIT}), or when its code threw
 *       ({@link Kind#FAILED}). A stealer never waits: it grabs again as soon as a grab returns.</li>
 *   <li>The owner never holds runnext's G at the end of a step other than as the put's {@code held}; what a
 *       runqget returned is kept ({@link #lastGot}) so the driver can check it against what the probe said.</li>
 *   <li>Nothing here is a runtime: no M thread, no scheduler loop. The P's {@link Sched} exists for its global
 *       queue (runqputslow's target) and lock; its seam is this harness.</li>
 * </ul>
 */
public final class RunQueueHarness {
    private static final ContinuationScope SCOPE = new ContinuationScope("sched-runqueue-actor");

    /** Where an actor stopped. */
    public enum Kind { PROBE, WAIT, FAILED }

    /**
     * @param step   the probe's label (PROBE only)
     * @param local  the published local (see {@link P}'s class comment), 0 when none
     * @param held   the published G, or null
     * @param failure what the actor's code threw (FAILED only)
     */
    public record Stop(Kind kind, Step step, int local, G held, Throwable failure) {}

    private final Sched sched;
    private final P p;
    private final Map<String, G> gs = new LinkedHashMap<>();
    private final Map<G, String> names = new java.util.IdentityHashMap<>();
    private final Continuation owner;
    private final List<Continuation> stealers = new ArrayList<>();
    private final List<G[]> dsts = new ArrayList<>();
    /** What the running actor stopped at (set by the seam's probe, or by the actor itself). */
    private Stop stop;
    /** The owner's next operation (its mailbox): a put of {@code putG} ({@code putNext}), or a get. */
    private boolean opGet, putNext;
    private G putG;
    private G lastGot;

    /**
     * @param cap      the ring's capacity (a power of two >= 2)
     * @param gNames   the goroutines' names (one G object each; never run)
     * @param stealers how many stealers
     */
    public RunQueueHarness(int cap, List<String> gNames, int stealers) {
        Seam seam = new Seam() {
            @Override public long nanotime() { return 1; }
            @Override public int fastrand(M m) { return 0; }
            @Override public void startM(M m, Runnable body) { throw new UnsupportedOperationException("no Ms here"); }
            @Override public void park(M m, long deadline) { throw new UnsupportedOperationException("no Ms here"); }
            @Override public void unpark(M m) {}
            @Override public void pause(M m, long micros) {}
            @Override public void step(M m, Step step) { stopAt(new Stop(Kind.PROBE, step, 0, null, null)); }
            @Override public void step(M m, Step step, int local, G held) {
                stopAt(new Stop(Kind.PROBE, step, local, held, null));
            }
        };
        Config c = new Config().gomaxprocs(1).seam(seam).runqSize(cap).sysmon(false);
        this.sched = new Sched(null, c);
        this.p = new P(sched, 0);
        long goid = 1;
        for (String n : gNames) {
            G g = new G(sched);
            g.goid = goid++;
            g.label = n;
            gs.put(n, g);
            names.put(g, n);
        }
        this.owner = new Continuation(SCOPE, () -> {
            for (;;) {
                stopAt(new Stop(Kind.WAIT, null, 0, null, null));
                try {
                    if (opGet) lastGot = p.runqget();
                    else p.runqput(putG, putNext);
                } catch (RuntimeException | Error e) {
                    stop = new Stop(Kind.FAILED, null, 0, null, e);
                    return;
                }
            }
        });
        owner.run(); // to its mailbox
        for (int i = 0; i < stealers; i++) {
            // The stealer's own ring: runqgrab copies into dst[0, n) (index & the victim's mask, as in Go).
            G[] dst = new G[cap];
            dsts.add(dst);
            this.stealers.add(new Continuation(SCOPE, () -> {
                try {
                    for (;;) p.runqgrab(dst, 0, true, null);
                } catch (RuntimeException | Error e) {
                    stop = new Stop(Kind.FAILED, null, 0, null, e);
                }
            }));
        }
    }

    /** The running actor stops: record where, and give the thread back to the driver. */
    private void stopAt(Stop s) {
        stop = s;
        if (!Continuation.yield(SCOPE)) throw new SchedulerError("a run-queue actor could not yield");
    }

    // ------------------------------------------------------------------------------------------------ driving

    /** The owner's next operation is runqput(g, next); it starts at the next {@link #resumeOwner}. */
    public void givePut(String g, boolean next) {
        opGet = false;
        putG = gs.get(g);
        putNext = next;
        lastGot = null;
    }

    /** The owner's next operation is runqget(); it starts at the next {@link #resumeOwner}. */
    public void giveGet() {
        opGet = true;
        lastGot = null;
    }

    /** Runs the owner to its next stop. */
    public Stop resumeOwner() {
        return resume(owner);
    }

    /** Runs stealer {@code i} (0-based) to its next stop. */
    public Stop resumeStealer(int i) {
        return resume(stealers.get(i));
    }

    private Stop resume(Continuation c) {
        if (c.isDone()) return new Stop(Kind.FAILED, null, 0, null, new SchedulerError("the actor's code ended"));
        stop = null;
        c.run();
        return stop != null ? stop
                : new Stop(Kind.FAILED, null, 0, null, new SchedulerError("the actor ended without a stop"));
    }

    // -------------------------------------------------------------------------------------------------- state

    /** The name of a G ("none" for null). */
    public String name(G g) {
        return g == null ? "none" : names.getOrDefault(g, "g#" + g.goid);
    }

    public int head() { return p.runqheadRaw(); }

    public int tail() { return p.runqtailRaw(); }

    public int cap() { return p.size; }

    /** Slot i of the ring, stale or not. */
    public G slot(int i) { return p.slotRaw(i); }

    public G runnext() { return p.runnext(); }

    public List<G> globq() { return sched.globalRunqContents(); }

    /** runqputslow's batch entry i (meaningful after a successful PutSlowGrab, before PutSlowGlobal). */
    public G putBatch(int i) { return p.batchRaw(i); }

    /** Entry i of stealer {@code s}'s own ring, where runqgrab copies to. */
    public G stealerDst(int s, int i) { return dsts.get(s)[i]; }

    /** What the owner's last runqget returned (null: nothing, or no get finished yet). */
    public G lastGot() { return lastGot; }
}
