package sched.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The scheduler: Go's {@code runtime/proc.go} for one runtime instance.
 *
 * <h2>Overview</h2>
 * Goroutines (G) run on machines (M, platform threads) that hold processors (P). There are exactly GOMAXPROCS
 * Ps; an M must hold one to run Go code. Each P has a local run queue ({@link P}); there is also a global queue
 * under {@link #lock}. An M's life is {@link #mstart}: {@link #schedule} picks a G, {@link #execute} runs it
 * until it blocks, yields or exits, and round again. A G that blocks is parked ({@link #gopark}) and later
 * readied ({@link #ready}) into its readier's {@code runnext}.
 *
 * <h2>Parking and unparking Ms: the spinning protocol</h2>
 * Two goals pull against each other: keep enough Ms running to use every P, and do not burn CPU or wake threads
 * for nothing. An M that finds no work <em>spins</em> (looks in the other Ps' queues) before it parks, and the
 * runtime keeps at most a few spinning. The rules:
 * <ol>
 *   <li>Whoever makes a G runnable (newproc, ready) calls {@link #wakep} afterwards; wakep wakes an M only if a P
 *       is idle and no M is spinning, and claims the right to do so by moving {@code nmspinning} from 0 to 1 by
 *       CAS. The woken M starts spinning; it, not the submitter, finds the G. {@link #startm} undoes the
 *       increment when no P is idle after all.</li>
 *   <li>A spinning M that finds work stops spinning ({@link #resetspinning}); if it was the last spinner and a
 *       P is idle it wakes another, so there is always a spinner while work may be unclaimed.</li>
 *   <li>An M that gives up (findRunnable) first releases its P, then decrements {@code nmspinning}, and only
 *       then looks at every P's queue once more. A submitter enqueues, then reads {@code nmspinning}. Both sides
 *       write then read (volatile accesses: a StoreLoad fence between), so either the submitter sees the
 *       spinner and leaves it the work, or the spinner's re-check sees the work. Without the re-check a G can
 *       sit in a queue beside an idle P with every M parked: a lost wakeup.</li>
 *   <li>A new M starts spinning only while {@code 2 * nmspinning < GOMAXPROCS - npidle}, so spinning stays
 *       proportional to the busy Ps.</li>
 * </ol>
 * Every numbered step of that dance is an action of {@code spec/Spinning.tla}; the probes in this class carry
 * the action names (docs/ACTIONS.md), so a TLC behaviour can be replayed here step by step.
 *
 * <h2>Invariants (checked by the runtime where cheap, by the specs and conformance suite everywhere)</h2>
 * <ul>
 *   <li>{@code nmspinning} = number of spinning Ms + wakeups in flight; never negative.</li>
 *   <li>{@code npidle} = length of the idle-P list; an idle P has an empty run queue (pidleput checks).</li>
 *   <li>A spinning M's P has an empty run queue.</li>
 *   <li>Every G is in exactly one place: a run queue, runnext, the global queue, an M's hands, or a wait queue.</li>
 * </ul>
 */
public final class Sched {
    private static final VarHandle NMSPINNING, NPIDLE;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            NMSPINNING = l.findVarHandle(Sched.class, "nmspinning", int.class);
            NPIDLE = l.findVarHandle(Sched.class, "npidle", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Why a goroutine's continuation yielded. */
    static final int Y_PARK = 1, Y_GOSCHED = 2, Y_PREEMPT = 3, Y_EXITSYSCALL = 4;
    static final int GOID_BATCH = 16;

    final Seam seam;
    final Config config;
    final Counters counters = new Counters(this);
    final GoRuntime runtime;

    /** sched.lock: guards the global queue, the idle lists and M bookkeeping. */
    final RtLock lock = new RtLock();

    /** The global run queue (under lock; its size is also read without it as a hint). */
    final GlobalRunq runq = new GlobalRunq();

    @SuppressWarnings("unused") private volatile int nmspinning;
    @SuppressWarnings("unused") private volatile int npidle;
    private P pidle;
    private M midle;
    int nmidle;
    int nmidlelocked;
    /** Ms that do not run Go code (sysmon). */
    int nmsys;
    int mcount;
    final List<M> allm = new CopyOnWriteArrayList<>();

    volatile P[] allp;
    volatile int gomaxprocs;
    final StealOrder stealOrder = new StealOrder();

    private final java.util.concurrent.atomic.AtomicLong goidgen = new java.util.concurrent.atomic.AtomicLong();
    private final RtLock gFreeLock = new RtLock();
    private G gFreeHead;
    private int gFreeCount;
    /** Every G ever allocated (they are recycled, so this is bounded by the peak number alive). */
    private final ArrayList<G> allgs = new ArrayList<>();
    private final RtLock allgsLock = new RtLock();

    volatile boolean mainStarted;
    volatile boolean exiting;
    G mainG;

    /**
     * Replay hook (set by {@link DeterministicSeam#install}): the main goroutine is an ordinary one, so its return
     * is a plain goexit and does not end the run (a TLA+ behaviour may let g1 exit and go on).
     */
    boolean mainIsOrdinary;
    /**
     * Replay hook: when set, a verdict of checkdead from an M that is about to park (a deadlock report, or a
     * lost wakeup) goes here and the M parks as usual, instead of ending the run; the driver decides.
     */
    java.util.function.Consumer<Throwable> checkdeadSink;

    Sched(GoRuntime runtime, Config config) {
        this.runtime = runtime;
        this.config = config;
        this.seam = config.seam;
    }

    // ======================================================================================= probes and helpers

    /** The probe at the end of step {@code s} of M {@code m}, whose pc becomes {@code after}. */
    void probe(M m, Step s, MState after) {
        m.pc = after;
        seam.step(m, s);
    }

    /** A probe from code that does not know its M (the run queue's memory steps). */
    void probeCurrent(Step s) {
        seam.step(Carrier.m(), s);
    }

    /** A run-queue probe that publishes its step's in-flight locals ({@link Seam#step(M, Step, int, G)}). */
    void probeCurrent(Step s, int local, G held) {
        seam.step(Carrier.m(), s, local, held);
    }

    public int nmspinning() { return (int) NMSPINNING.getVolatile(this); }

    public int npidle() { return (int) NPIDLE.getVolatile(this); }

    boolean casNmspinning(int from, int to) { return NMSPINNING.compareAndSet(this, from, to); }

    private int addNmspinning(int delta) {
        int v = (int) NMSPINNING.getAndAdd(this, delta) + delta;
        if (v < 0) throw new SchedulerError("nmspinning is negative (" + v + ")");
        return v;
    }

    /** The M running the calling goroutine; {@code what} names the operation for the error otherwise. */
    static M currentM(String what) {
        M m = Carrier.m();
        if (m != null && m.curg != null) return m;
        throw new IllegalStateException(what + " called outside a goroutine: it must run inside GoRuntime.run");
    }

    /**
     * The calling goroutine (one carrier lookup). Goroutine-side code looks itself up once per operation and then
     * uses {@code gp.m}, which execute sets on whichever M resumes it, after any yield.
     */
    static G currentG(String what) { return currentM(what).curg; }

    /** The calling goroutine's M, or null when the caller is not a goroutine. */
    static M currentMOrNull() {
        M m = Carrier.m();
        return m != null && m.curg != null ? m : null;
    }

    // ================================================================================================ bootstrap

    void init(int procs) {
        allp = new P[0];
        lock.lock();
        try {
            procresize(procs);
        } finally {
            lock.unlock();
        }
    }

    /** Start m0 with P0, create the main goroutine on it and run the scheduler there. */
    void start(Runnable main) {
        M m0 = allocm();
        lock.lock();
        P p0;
        try {
            mcount++;
            p0 = pidleget();
        } finally {
            lock.unlock();
        }
        m0.nextp = p0;
        seam.startM(m0, () -> {
            acquirep(m0, m0.nextp);
            m0.nextp = null;
            mainG = newproc1(m0, main, "main");
            mainStarted = true;
            m0.pc = MState.schedule;
            mloop(m0);
        });
    }

    M allocm() {
        M m = new M(this, allm.size());
        allm.add(m);
        return m;
    }

    /** The body of a new M's thread (mstart): take the handed P, then schedule until told to exit. */
    void mstart(M m) {
        if (m.nextp != null) {
            acquirep(m, m.nextp);
            m.nextp = null;
            if (Probes.ENABLED) probe(m, Step.AcquireP, MState.schedule);
        }
        mloop(m);
    }

    private void mloop(M m) {
        try {
            for (;;) {
                G gp = schedule(m);
                if (gp == null) break;
                execute(m, gp);
                if (m.exitThread) break;
            }
        } catch (Throwable t) {
            runtime.fatal(t instanceof SchedulerError ? t
                    : new SchedulerError("m" + m.id + " died: " + t), null);
        } finally {
            m.pc = MState.exited;
            runtime.mexited(m);
        }
    }

    // ============================================================================================ newproc & co.

    /** newproc: create a goroutine running {@code fn}, put it in runnext of the current P, wake a P if needed. */
    G newproc(M m, Runnable fn, String label) {
        G gp = newproc1(m, fn, label);
        if (mainStarted) wakep(m);
        return gp;
    }

    private G newproc1(M m, Runnable fn, String label) {
        P pp = m.p;
        G gp = pp.gfget();
        if (gp == null) {
            gp = new G(this);
            allgsLock.lock();
            try {
                allgs.add(gp);
            } finally {
                allgsLock.unlock();
            }
        }
        if (pp.goidcache == pp.goidcacheend) {
            // Ids come from the global counter in batches, so Ps rarely touch the shared counter.
            pp.goidcache = goidgen.getAndAdd(GOID_BATCH) + 1;
            pp.goidcacheend = pp.goidcache + GOID_BATCH;
        }
        gp.goid = pp.goidcache++;
        gp.label = label;
        gp.newContinuation(fn);
        gp.casgstatus(gp.status(), G.RUNNABLE);
        pp.goroutinesCreated++; // per P, owner only: no shared counter on the spawn path
        SchedEvents.create(gp, m.curg, pp);
        pp.runqput(gp, true);
        if (Probes.ENABLED) {
            m.ret = MState.running;
            probe(m, Step.NewProc, MState.submit);
        }
        return gp;
    }

    /**
     * ready (goready): make the waiting {@code gp} runnable in the current P's runnext and wake a P if needed.
     * From a thread that is not a goroutine (a timer thread, a syscall returning) the G goes to the global queue.
     */
    void ready(G gp) { ready(gp, Carrier.m()); }

    /** ready, when the caller knows its M ({@code m}: the readier's M, or null outside the scheduler). */
    void ready(G gp, M m) {
        if (m == null || m.sched != this || m.p == null) {
            injectglist(gp);
            return;
        }
        gp.casgstatus(G.WAITING, G.RUNNABLE);
        SchedEvents.unpark(gp, m);
        m.p.runqput(gp, true);
        if (Probes.ENABLED) {
            m.ret = MState.running;
            probe(m, Step.GoReady, MState.submit);
        }
        wakep(m);
    }

    /** injectglist: make a waiting G runnable from outside the scheduler, on the global queue, and start an M. */
    void injectglist(G gp) {
        gp.casgstatus(G.WAITING, G.RUNNABLE);
        lock.lock();
        try {
            globrunqput(gp);
        } finally {
            lock.unlock();
        }
        // Unconditionally, as Go does since #63555: Ps that went idle meanwhile must not stay idle.
        if (npidle() > 0 && nmspinning() == 0 && NMSPINNING.compareAndSet(this, 0, 1)) startm(null, null, true);
    }

    // ======================================================================================== wakep and startm

    /**
     * wakep: a G was made runnable; if a P is idle and no M is spinning, start a spinning M for it. The CAS of
     * nmspinning from 0 to 1 is the claim: of many submitters, one wakes an M, and while that M spins (or the
     * wakeup is in flight) nobody else does.
     */
    void wakep(M m) {
        if (npidle() != 0 && nmspinning() == 0 && NMSPINNING.compareAndSet(this, 0, 1)) {
            if (Probes.ENABLED) probe(m, Step.WakeP, MState.startm);
            startm(m, null, true);
        } else if (Probes.ENABLED) {
            probe(m, Step.WakePSkip, endWakeup(m));
        }
    }

    /**
     * startm: run some M on {@code pp}, or on an idle P when pp is null (and if there is none, undo the caller's
     * nmspinning increment when {@code spinning}). A parked M is woken with the P in its nextp; if none is
     * parked a new one is started.
     */
    void startm(M caller, P pp, boolean spinning) {
        lock.lock();
        if (exiting) {
            // No new Ms once the run is over (exit() sets exiting under this lock, so shutdown sees every M).
            lock.unlock();
            if (spinning) addNmspinning(-1);
            return;
        }
        if (pp == null) {
            pp = pidleget();
            if (pp == null) {
                lock.unlock();
                if (spinning) addNmspinning(-1);
                if (Probes.ENABLED && caller != null) probe(caller, Step.StartMUndo, endWakeup(caller));
                return;
            }
        }
        M nmp = mget();
        if (nmp == null) {
            if (mcount >= config.maxMCount) {
                lock.unlock();
                throw new SchedulerError("startm: too many threads (" + mcount + "), maxMCount is "
                        + config.maxMCount);
            }
            nmp = allocm();
            mcount++;
        }
        lock.unlock();
        if (spinning && !pp.runqempty()) {
            throw new SchedulerError("startm: " + pp + " has work but is handed to a spinning M");
        }
        nmp.spinning = spinning;
        nmp.nextp = pp;
        counters.wakeups.increment();
        if (nmp.thread == null) {
            nmp.pc = MState.woken;
            M started = nmp;
            seam.startM(started, () -> mstart(started));
        } else {
            nmp.pc = MState.woken;
            nmp.notewakeup();
        }
        if (Probes.ENABLED && caller != null) probe(caller, Step.StartM, endWakeup(caller));
    }

    /** A wakep sequence ends: the M goes back to where it came from, and its return point resets. */
    private static MState endWakeup(M m) {
        MState r = m.ret;
        m.ret = MState.running;
        return r;
    }

    /** resetspinning: a spinning M found work; if it was the last spinner, keep one looking. */
    void resetspinning(M m) {
        if (!m.spinning) throw new SchedulerError("resetspinning: m" + m.id + " is not spinning");
        m.spinning = false;
        int nmspin = addNmspinning(-1);
        boolean wake = nmspin == 0 && npidle() > 0;
        if (Probes.ENABLED) {
            m.ret = MState.picked;
            probe(m, Step.ResetSpinning, wake ? MState.resetwake : MState.picked);
        }
        if (wake) wakep(m);
    }

    /**
     * handoffp: give away the P of an M that is blocked (in a syscall, or locked). Start an M for it only if
     * there is work for it or nobody is spinning; else put it on the idle list.
     */
    void handoffp(P pp) {
        counters.handoffs.increment();
        if (Probes.ENABLED) probeCurrent(Step.HandoffP);
        if (gcwaiting) {
            // The world is stopping: this P counts as stopped.
            lock.lock();
            pp.setStatus(P.IDLE);
            boolean last = --stopwait == 0;
            lock.unlock();
            if (last) stopper.notewakeup();
            return;
        }
        if (!pp.runqempty() || runq.size() != 0) {
            startm(null, pp, false);
            return;
        }
        if (nmspinning() + npidle() == 0 && NMSPINNING.compareAndSet(this, 0, 1)) {
            startm(null, pp, true);
            return;
        }
        lock.lock();
        if (runq.size() != 0) {
            lock.unlock();
            startm(null, pp, false);
            return;
        }
        if (pp.timers.next() != 0) {
            // Somebody must run this P's timers.
            lock.unlock();
            startm(null, pp, false);
            return;
        }
        pidleput(pp);
        lock.unlock();
    }

    // ==================================================================================== the idle lists

    /** pidleput: put an idle P on the idle list (lock held). Its queue must be empty. */
    void pidleput(P pp) {
        if (!pp.runqempty()) throw new SchedulerError("pidleput: " + pp + " has a non-empty run queue");
        pp.setStatus(P.IDLE);
        pp.m = null;
        pp.link = pidle;
        pidle = pp;
        NPIDLE.getAndAdd(this, 1);
    }

    /** pidleget: take an idle P (lock held), or null. */
    P pidleget() {
        P pp = pidle;
        if (pp != null) {
            pidle = pp.link;
            pp.link = null;
            NPIDLE.getAndAdd(this, -1);
        }
        return pp;
    }

    /** mput: put an M on the idle list (lock held), and see whether that leaves nobody running. */
    void mput(M m) {
        m.schedlink = midle;
        midle = m;
        nmidle++;
    }

    /**
     * Put m on the idle list and run checkdead, all under the lock; a deadlock or lost wakeup found there ends
     * the run (after the lock is released). False when the runtime is exiting.
     */
    private boolean mputAndCheckdead(M m) {
        lock.lock();
        if (exiting) {
            lock.unlock();
            return false;
        }
        mput(m);
        Throwable dead = checkdead();
        lock.unlock();
        if (dead != null) {
            if (checkdeadSink != null) {
                checkdeadSink.accept(dead);
                return true;
            }
            runtime.fatal(dead, null);
            return false;
        }
        return true;
    }

    /** The idle-P list, head first (for the replay snapshot: call only while no M moves). */
    List<P> pidleList() {
        List<P> out = new ArrayList<>();
        for (P p = pidle; p != null; p = p.link) out.add(p);
        return out;
    }

    /** The idle-M list, head first (for the replay snapshot: call only while no M moves). */
    List<M> midleList() {
        List<M> out = new ArrayList<>();
        for (M m = midle; m != null; m = m.schedlink) out.add(m);
        return out;
    }

    /** mget: take an idle M (lock held), or null. */
    M mget() {
        M m = midle;
        if (m != null) {
            midle = m.schedlink;
            m.schedlink = null;
            nmidle--;
        }
        return m;
    }

    /** stopm: park this M until startm hands it a P. Returns false when the runtime is exiting instead. */
    boolean stopm(M m) {
        return stopm(m, 0);
    }

    /** acquirep: M takes P. */
    void acquirep(M m, P pp) {
        if (m.p != null) throw new SchedulerError("acquirep: m" + m.id + " already holds " + m.p);
        if (pp.m != null && pp.m != m) {
            throw new SchedulerError("acquirep: " + pp + " is held by m" + pp.m.id + ", wanted by m" + m.id);
        }
        m.p = pp;
        pp.m = m;
        pp.setStatus(P.RUNNING);
    }

    /** releasep: M gives up its P (the caller decides where the P goes). */
    P releasep(M m) {
        P pp = m.p;
        if (pp == null || pp.m != m) throw new SchedulerError("releasep: m" + m.id + " does not hold its P");
        m.p = null;
        pp.m = null;
        pp.setStatus(P.IDLE);
        return pp;
    }

    // ============================================================================================ global queue

    /** globrunqput: append one G to the global queue (lock held). */
    void globrunqput(G gp) { runq.globrunqput(gp); }

    /** globrunqputbatch: append a linked batch of n Gs to the global queue, taking the lock. */
    void globrunqputbatch(G head, G tail, int n) {
        lock.lock();
        try {
            runq.globrunqputbatch(head, tail, n);
        } finally {
            lock.unlock();
        }
    }

    /**
     * globrunqget: take a batch from the global queue (lock held): at most {@code size/GOMAXPROCS + 1}, at most
     * {@code max} when max > 0, at most half a local ring. The first is returned, the rest go to pp's queue.
     */
    G globrunqget(P pp, int max) { return runq.globrunqget(pp, max, gomaxprocs); }

    public int globalRunqSize() { return runq.size(); }

    /** The global queue's Gs, head first (lock taken). */
    public List<G> globalRunqContents() {
        lock.lock();
        try {
            return runq.contents();
        } finally {
            lock.unlock();
        }
    }

    // ================================================================================================ schedule

    /**
     * schedule: find a runnable G for M m (which holds a P) and return it, with m.inheritTime set. Every
     * {@code globalCheckPeriod}-th tick the global queue goes first, so two goroutines that keep re-spawning each
     * other in runnext cannot starve it. Returns null when the runtime exits.
     */
    G schedule(M m) {
        for (;;) {
            G gp = schedule1(m);
            if (gp == null) return null;
            if (gp.lockedm != null && gp.lockedm != m) {
                // gp is locked to another M: hand our P to that M and stop (startlockedm).
                m.nextg = null;
                startlockedm(m, gp);
                if (!stopm(m)) return null;
                continue;
            }
            return gp;
        }
    }

    private G schedule1(M m) {
        if (exiting) return null;
        if (m.nextg != null) return m.nextg; // picked already (exitsyscall found a P for it)
        if (m.lockedg != null) {
            // This M is locked to a G: it runs nothing else. Give the P away and sleep until the G is runnable.
            if (!stoplockedm(m)) return null;
            m.inheritTime = false;
            m.nextg = m.lockedg;
            return m.lockedg;
        }
        if (gcwaiting) {
            gcstopm(m);
            return schedule1(m);
        }
        P pp = m.p;
        if (pp.timers.next() != 0) pp.timers.run(m, seam.nanotime());
        G gp = null;
        boolean inherit = false;
        int period = config.globalCheckPeriod;
        if (period > 0 && pp.schedtick % period == 0 && runq.size() > 0) {
            lock.lock();
            try {
                gp = globrunqget(pp, 1);
            } finally {
                lock.unlock();
            }
            if (gp != null && Probes.ENABLED) {
                m.nextg = gp; // published before the probe: the snapshot sees the picked G
                m.inheritTime = false;
                probe(m, Step.Schedule61, MState.picked);
            }
        }
        if (gp == null) {
            gp = pp.runqget();
            if (gp != null) {
                inherit = pp.lastInherit;
                if (Probes.ENABLED) {
                    m.nextg = gp;
                    m.inheritTime = inherit;
                    probe(m, Step.RunqGet, MState.picked);
                }
            }
        }
        if (gp == null) {
            gp = findRunnable(m);
            if (gp == null) return null;
            inherit = m.inheritTime;
        }
        m.nextg = gp;
        m.inheritTime = inherit;
        if (m.spinning) resetspinning(m);
        return gp;
    }

    /** startlockedm: gp is locked to another M; give that M our P and wake it to run gp. */
    private void startlockedm(M m, G gp) {
        M mp = gp.lockedm;
        if (mp.nextp != null) throw new SchedulerError("startlockedm: m" + mp.id + " has a P already");
        P pp = releasep(m);
        if (m.spinning) resetspinning(m);
        lock.lock();
        nmidlelocked--;
        lock.unlock();
        mp.nextp = pp;
        mp.notewakeup();
    }

    /**
     * stoplockedm: this M is locked to a G that is not runnable: hand the P off and sleep until startlockedm
     * hands a P back. False when the runtime exits.
     */
    private boolean stoplockedm(M m) {
        m.noteclear(); // before the P goes: whoever takes it may startlockedm us at once
        lock.lock();
        if (exiting) {
            lock.unlock();
            return false;
        }
        nmidlelocked++;
        lock.unlock();
        if (m.p != null) handoffp(releasep(m));
        lock.lock();
        Throwable dead = checkdead();
        lock.unlock();
        if (dead != null) {
            runtime.fatal(dead, null);
            return false;
        }
        // The locked G may already be runnable again: startlockedm will hand us a P (or did).
        m.notesleep(0);
        if (exiting || m.exitThread) return false;
        acquirep(m, m.nextp);
        m.nextp = null;
        return true;
    }

    /**
     * findRunnable: look for work in the local queue, the global queue, then in other Ps' queues (spinning), and
     * finally park. Returns with m holding a P and m.inheritTime set, or null when the runtime exits.
     */
    G findRunnable(M m) {
        top:
        for (;;) {
            if (exiting) return null;
            if (gcwaiting) {
                gcstopm(m);
                continue;
            }
            P pp = m.p;
            long now = 0;
            long due = earliestTimer();
            if (due != 0) {
                now = seam.nanotime();
                // Run every P's due timers, not just ours: the P that owns a timer may be idle, or busy with
                // a goroutine that does not reach a scheduling point (timers are stolen with work: #38860).
                if (due - now <= 0) runAllTimers(m, now);
            }
            // local runq
            G gp = pp.runqget();
            if (gp != null) {
                m.inheritTime = pp.lastInherit;
                if (Probes.ENABLED) {
                    m.nextg = gp;
                    probe(m, Step.RunqGet, MState.picked);
                }
                return gp;
            }
            // global runq
            if (runq.size() != 0) {
                lock.lock();
                try {
                    gp = globrunqget(pp, 0);
                } finally {
                    lock.unlock();
                }
                if (gp != null) {
                    m.inheritTime = false;
                    if (Probes.ENABLED) {
                        m.nextg = gp;
                        probe(m, Step.GlobRunqGet, MState.picked);
                    }
                    return gp;
                }
            }
            // Steal from other Ps. Limit the number of spinning Ms to half the busy Ps, so that a
            // GOMAXPROCS >> 1 program with little parallelism does not burn CPU.
            int procs = gomaxprocs;
            // Every other P idle (or GOMAXPROCS=1): new work can only come from outside the run queues
            // (syscalls returning, timers), so there is nothing to steal (Go up to 1.13; 1.14 dropped the test
            // when it began stealing timers from idle Ps, which this runtime does above, before this point).
            // Spinning.tla's StartSpinning has the same branch. Otherwise limit the spinning Ms.
            boolean spin = npidle() != procs - 1 && (m.spinning || 2 * nmspinning() < procs - npidle());
            if (spin && !m.spinning) {
                m.spinning = true;
                addNmspinning(1);
                counters.spins.increment();
            }
            if (Probes.ENABLED) probe(m, Step.StartSpinning, spin ? MState.spinning : MState.stop);
            if (spin) {
                P[] ps = allp;
                int n = ps.length;
                for (int i = 0; i < 4; i++) {
                    boolean stealRunNextG = i == 3; // runnext only on the last round
                    int r = seam.fastrand(m);
                    int pos = stealOrder.start(r, n), inc = stealOrder.inc(r, n);
                    for (int k = 0; k < n; k++, pos = (pos + inc) % n) {
                        P p2 = ps[pos];
                        if (p2 == pp) continue;
                        // (Go also steals timers here; ours run in checkTimers of their own P or via sysmon.)
                        gp = pp.runqsteal(p2, stealRunNextG, m);
                        if (gp != null) {
                            counters.steals.increment();
                            SchedEvents.steal(pp, p2, gp);
                            m.inheritTime = false;
                            if (Probes.ENABLED) {
                                m.nextg = gp;
                                probe(m, Step.RunqSteal, MState.picked);
                            }
                            return gp;
                        }
                    }
                }
                if (Probes.ENABLED) probe(m, Step.StealFail, MState.stop);
            }
            // Timers that came due while we looked.
            due = earliestTimer();
            if (due != 0 && due - seam.nanotime() <= 0) {
                runAllTimers(m, seam.nanotime());
                continue;
            }

            // Nothing found. Return the P (unless the global queue got work in the meantime).
            lock.lock();
            if (exiting) {
                lock.unlock();
                return null;
            }
            if (gcwaiting) {
                // A stop-the-world began while we looked: our P must be counted as stopped, not go idle.
                lock.unlock();
                continue;
            }
            if (runq.size() != 0) {
                gp = globrunqget(pp, 0);
                m.inheritTime = false;
                lock.unlock();
                if (Probes.ENABLED) {
                    m.nextg = gp;
                    probe(m, Step.GlobRunqGet, MState.picked);
                }
                return gp;
            }
            releasep(m);
            pidleput(pp);
            lock.unlock();
            if (Probes.ENABLED) probe(m, Step.ReleaseP, MState.dropped);

            // Delicate dance: drop spinning first, then look at every queue again. A submitter that enqueued
            // before our decrement and saw nmspinning > 0 skipped wakep, trusting us to find its G.
            boolean wasSpinning = m.spinning;
            if (m.spinning) {
                m.spinning = false;
                addNmspinning(-1);
            }
            m.wasSpinning = wasSpinning;
            if (Probes.ENABLED) probe(m, Step.DropSpinning, MState.recheck);

            P[] ps = allp;
            for (P p2 : ps) {
                if (!p2.runqempty()) {
                    lock.lock();
                    P got;
                    try {
                        got = pidleget();
                    } finally {
                        lock.unlock();
                    }
                    if (got != null) {
                        acquirep(m, got);
                        if (wasSpinning) {
                            m.spinning = true;
                            addNmspinning(1);
                        }
                        m.wasSpinning = false;
                        if (Probes.ENABLED) probe(m, Step.RecheckAllP, MState.schedule);
                        continue top;
                    }
                    break;
                }
            }
            m.wasSpinning = false;
            if (Probes.ENABLED) probe(m, Step.RecheckAllP, MState.park);

            // Park until startm hands us a P, or until the earliest timer of any P is due.
            long pollUntil = earliestTimer();
            if (pollUntil != 0) {
                if (!stopm(m, pollUntil)) return null;
                continue;
            }
            if (!stopm(m)) return null;
        }
    }

    /** Run the due timers of every P on M m (which holds a P: the callbacks ready Gs into it). */
    private void runAllTimers(M m, long now) {
        for (P p : allp) p.timers.run(m, now);
    }

    /** The earliest pending timer over all Ps, or 0. */
    long earliestTimer() {
        long min = 0;
        for (P p : allp) {
            long w = p.timers.next();
            if (w != 0 && (min == 0 || w - min < 0)) min = w;
        }
        return min;
    }

    /**
     * stopm with a deadline: {@code when} = 0 sleeps until startm hands this M a P (Go's stopm). Otherwise the M
     * parks while timers are pending and sleeps only until the earliest one ({@code when}, Go blocks in netpoll
     * with that timeout); on time-out it takes an idle P back, if one is left, and schedules so the timer runs.
     * Returns false when the runtime is exiting instead.
     */
    private boolean stopm(M m, long when) {
        if (m.p != null) throw new SchedulerError("stopm: m" + m.id + " holds " + m.p);
        if (m.spinning) throw new SchedulerError("stopm: m" + m.id + " is spinning");
        m.noteclear();
        if (!mputAndCheckdead(m)) return false;
        counters.parks.increment();
        if (Probes.ENABLED) probe(m, Step.StopM, MState.parked);
        boolean woken = m.notesleep(when); // always true when when = 0
        if (exiting || m.exitThread) return false;
        if (!woken) {
            lock.lock();
            // Not woken by startm: leave the idle list, unless a wakeup raced in.
            if (removeIdleM(m)) {
                P pp = pidleget();
                if (pp != null) {
                    lock.unlock();
                    acquirep(m, pp);
                    return true;
                }
                // Every P is busy; their Ms will run the timers. Sleep like any idle M.
                m.noteclear();
                mput(m);
                Throwable dead = checkdead();
                lock.unlock();
                if (dead != null) {
                    runtime.fatal(dead, null);
                    return false;
                }
            } else {
                lock.unlock(); // startm has taken us and is about to (or did) wake us
            }
            m.notesleep(0);
            if (exiting || m.exitThread) return false;
        }
        P pp = m.nextp;
        if (pp == null) throw new SchedulerError("stopm: m" + m.id + " woken without a P");
        acquirep(m, pp);
        m.nextp = null;
        if (Probes.ENABLED) probe(m, Step.AcquireP, MState.schedule);
        return true;
    }

    private boolean removeIdleM(M m) {
        M prev = null;
        for (M x = midle; x != null; prev = x, x = x.schedlink) {
            if (x == m) {
                if (prev == null) midle = x.schedlink;
                else prev.schedlink = x.schedlink;
                x.schedlink = null;
                nmidle--;
                return true;
            }
        }
        return false;
    }

    // ================================================================================================= execute

    /**
     * execute: run gp on m until its continuation yields or ends, then do what the yield asked for (park_m,
     * gosched_m, goexit0, ...). A fresh time slice bumps schedtick; a G taken from runnext inherits the slice.
     */
    void execute(M m, G gp) {
        boolean inherit = m.inheritTime;
        m.nextg = null;
        m.curg = gp;
        gp.m = m;
        gp.casgstatus(G.RUNNABLE, G.RUNNING);
        gp.preempt = false;
        P pp = m.p;
        if (!inherit) pp.schedtick++;
        pp.sliceStart = seam.nanotime();
        if (Probes.ENABLED) probe(m, Step.Execute, MState.running);
        if (gp.lockedm != null && gp.lockedm != m) {
            throw new SchedulerError("execute: goroutine " + gp.goid + " is locked to m" + gp.lockedm.id);
        }
        gp.yieldReason = 0;
        SchedEvents.start(gp, m, inherit);
        gp.cont.run();
        // gp stopped running on this M. Note: gp may have moved M while it was running only by yielding, and a
        // yield returns here, to the M that mounted it.
        if (gp.cont.isDone()) {
            goexit0(m, gp);
            return;
        }
        switch (gp.yieldReason) {
            case Y_PARK -> parkM(m, gp);
            case Y_GOSCHED -> goschedM(m, gp, Step.Gosched);
            case Y_PREEMPT -> goschedM(m, gp, Step.Preempt);
            case Y_EXITSYSCALL -> exitsyscall0(m, gp);
            default -> throw new SchedulerError("execute: goroutine " + gp.goid + " yielded without a reason");
        }
    }

    /** park_m: the G has yielded in gopark; mark it waiting, then release what it asked to release. */
    private void parkM(M m, G gp) {
        gp.casgstatus(G.RUNNING, G.WAITING);
        Unlocker u = m.waitunlock;
        m.waitunlock = null;
        m.curg = null;
        gp.m = null;
        if (u != null) u.unlock();
        SchedEvents.park(gp);
        if (Probes.ENABLED) probe(m, Step.GoPark, MState.schedule);
    }

    /** gosched_m / gopreempt_m: the G yields its M; it goes to the global queue (not the local one: #20168). */
    private void goschedM(M m, G gp, Step why) {
        gp.casgstatus(G.RUNNING, G.RUNNABLE);
        m.curg = null;
        gp.m = null;
        if (why == Step.Preempt) counters.preemptions.increment();
        lock.lock();
        try {
            globrunqput(gp);
        } finally {
            lock.unlock();
        }
        if (Probes.ENABLED) probe(m, why, MState.schedule);
    }

    /** goexit0: the G finished; recycle it. An exception that escaped it ends the run (Go's panic). */
    private void goexit0(M m, G gp) {
        gp.casgstatus(G.RUNNING, G.DEAD);
        Throwable panic = gp.panic;
        m.curg = null;
        gp.m = null;
        gp.cont = null;
        gp.fn = null;
        gp.panic = null;
        gp.waitreason = null;
        gp.param = null;
        gp.preempt = false;
        boolean locked = gp.lockedm != null;
        gp.lockedm = null;
        gp.lockedExt = 0;
        boolean isMain = gp == mainG && !mainIsOrdinary;
        if (!isMain) m.p.gfput(gp);
        if (Probes.ENABLED) probe(m, Step.GoExit, MState.schedule);
        if (panic != null) {
            runtime.fatal(new GoPanic(gp.goid, gp.label, panic), null);
        } else if (isMain) {
            runtime.exit();
        } else if (locked) {
            // A goroutine that exits while locked takes its thread down with it, as in Go: hand the P on.
            m.lockedg = null;
            P pp = releasep(m);
            handoffp(pp);
            m.exitThread = true;
        }
    }

    // ================================================================================= goroutine-side blocking

    /** gopark: block the calling goroutine; park_m releases {@code unlock} once the G is marked waiting. */
    static void gopark(G gp, Unlocker unlock, WaitReason reason) {
        M m = gp.m;
        gp.waitreason = reason;
        m.waitunlock = unlock;
        gp.yieldReason = Y_PARK;
        yieldNow(gp);
    }

    /** Gosched: yield the processor; the G goes to the global queue and runs again later. */
    static void gosched() {
        M m = currentM("Go.gosched");
        G gp = m.curg;
        gp.yieldReason = Y_GOSCHED;
        yieldNow(gp);
    }

    // ================================================================================================ syscalls

    /**
     * entersyscall: the goroutine is about to block its M's thread in a call the scheduler cannot see into.
     * The P stays attached in status SYSCALL (m.oldp) so that a quick call can take it back without any
     * bookkeeping; sysmon retakes it (CAS SYSCALL to IDLE, then handoffp) if the call lasts.
     */
    static void entersyscall(G gp) {
        M m = gp.m;
        Sched s = m.sched;
        P pp = m.p;
        gp.casgstatus(G.RUNNING, G.SYSCALL);
        m.insyscall = true;
        pp.syscalltick++;
        m.oldp = pp;
        m.p = null;
        pp.m = null;
        pp.setStatus(P.SYSCALL);
        s.counters.syscalls.increment();
        if (Probes.ENABLED) s.probe(m, Step.EnterSyscall, MState.syscall);
        if (s.gcwaiting) s.syscallStopP(pp); // the world is stopping: give the P up now
    }

    /**
     * exitsyscall: the call returned. Take the old P back if sysmon did not retake it, else any idle P; with
     * neither, the G goes to the global queue and this M parks (exitsyscall0, after the G's continuation has
     * yielded).
     */
    static void exitsyscall(G gp) {
        M m = gp.m;
        Sched s = m.sched;
        P oldp = m.oldp;
        m.oldp = null;
        if (!s.gcwaiting && oldp != null && oldp.casStatus(P.SYSCALL, P.RUNNING)) {
            m.p = oldp;
            oldp.m = m;
            oldp.syscalltick++;
        } else if (!s.gcwaiting) {
            s.lock.lock();
            P pp = s.pidleget();
            s.lock.unlock();
            if (pp != null) s.acquirep(m, pp);
        }
        if (m.p != null) {
            gp.casgstatus(G.SYSCALL, G.RUNNING);
            m.insyscall = false;
            if (Probes.ENABLED) s.probe(m, Step.ExitSyscall, MState.running);
            return;
        }
        gp.yieldReason = Y_EXITSYSCALL;
        yieldNow(gp);
    }

    /** exitsyscall0: no P for the returning G: queue it globally and park this M (on the M's own stack). */
    private void exitsyscall0(M m, G gp) {
        gp.casgstatus(G.SYSCALL, G.RUNNABLE);
        m.curg = null;
        gp.m = null;
        m.insyscall = false;
        lock.lock();
        P pp = gcwaiting ? null : pidleget();
        if (pp == null) globrunqput(gp);
        lock.unlock();
        if (Probes.ENABLED) probe(m, Step.ExitSyscall, pp == null ? MState.stop : MState.picked);
        if (pp != null) {
            acquirep(m, pp);
            m.nextg = gp;
            m.inheritTime = false;
            return;
        }
        if (m.lockedg != null) return; // schedule's stoplockedm parks it
        stopm(m);
    }

    // ======================================================================================= stop the world

    /** Set while a stop-the-world is in progress; every M that sees it gives up its P. */
    volatile boolean gcwaiting;
    private int stopwait;
    private M stopper;

    /** A P whose M is in a syscall during a stop-the-world: count it as stopped. */
    private void syscallStopP(P pp) {
        lock.lock();
        if (gcwaiting && pp.casStatus(P.SYSCALL, P.IDLE)) {
            if (--stopwait == 0) stopper.notewakeup();
        }
        lock.unlock();
    }

    /** gcstopm: give up the P for a stop-the-world and park. */
    private void gcstopm(M m) {
        if (m.spinning) {
            m.spinning = false;
            addNmspinning(-1);
        }
        P pp = releasep(m);
        lock.lock();
        pp.setStatus(P.IDLE);
        boolean last = --stopwait == 0;
        lock.unlock();
        if (last) stopper.notewakeup();
        stopm(m);
    }

    /**
     * procresize at run time (GOMAXPROCS(n)): stop the world (every P idle or stopped: Ms running goroutines
     * are asked to yield at their next safe point), resize the P array, moving the queued goroutines of removed
     * Ps to the global queue, then start the world again. Called from a goroutine; its own M keeps a P.
     */
    void setGomaxprocs(G gp, int n) {
        if (n < 1) throw new IllegalArgumentException("GOMAXPROCS must be at least 1, got " + n);
        M m = gp.m;
        lock.lock();
        if (gcwaiting) {
            lock.unlock();
            throw new IllegalStateException("GOMAXPROCS changed concurrently");
        }
        gcwaiting = true;
        stopper = m;
        m.noteclear();
        stopwait = gomaxprocs - 1;
        for (P p : allp) {
            if (p == m.p) continue;
            if (p.casStatus(P.SYSCALL, P.IDLE)) stopwait--;
        }
        for (P p; (p = pidleget()) != null; ) stopwait--;
        boolean wait = stopwait > 0;
        lock.unlock();
        for (P p : allp) {
            M pm = p.m;
            G running = pm == null ? null : pm.curg;
            if (running != null && running != gp) running.preempt = true;
        }
        if (wait) m.notesleep(0); // blocks this M's thread (and this goroutine) until every P has stopped
        lock.lock();
        P mine = m.p;
        if (mine.id >= n) {
            // Our P goes away: its queue moves to the global queue and we take P0 (stopped: nobody holds it).
            releasep(m);
            mine.runqdrain(this::globrunqput);
            acquirep(m, allp[0]);
        }
        procresize(n);
        gcwaiting = false;
        stopper = null;
        int work = runq.size();
        lock.unlock();
        // Start Ms for the work that moved (startTheWorld), then let wakep find the rest.
        for (int i = 0; i < work && npidle() > 0; i++) startm(null, null, false);
        wakep(m);
    }

    // ============================================================================================ sleep & locks

    /** time.Sleep: park gp until a timer on its P fires (the timer is armed by park_m, after the park). */
    static void sleep(G gp, long ns) {
        if (ns <= 0) return;
        Sched s = gp.sched;
        Timers.Timer t = new Timers.Timer(s.seam.nanotime() + ns, 0, () -> s.ready(gp));
        gopark(gp, () -> Carrier.m().p.timers.add(t), WaitReason.SLEEP);
    }

    /** LockOSThread: wire gp to its current M (nesting counted). */
    static void lockOSThread(G gp) {
        M m = gp.m;
        gp.lockedm = m;
        m.lockedg = gp;
        gp.lockedExt++;
    }

    /** UnlockOSThread: undo one lockOSThread; at zero the G may run on any M again. */
    static void unlockOSThread(G gp) {
        if (gp.lockedExt == 0) return;
        if (--gp.lockedExt == 0) {
            gp.m.lockedg = null;
            gp.lockedm = null;
        }
    }

    /** A safe point: if sysmon asked this G to give up its slice, do so now (to the global queue). */
    static void checkpoint() {
        M m = Carrier.m();
        if (m != null && m.curg != null) checkpoint(m.curg);
    }

    /** A safe point for the calling goroutine gp. */
    static void checkpoint(G gp) {
        if (gp.preempt) {
            gp.yieldReason = Y_PREEMPT;
            yieldNow(gp);
        }
    }

    private static void yieldNow(G gp) {
        if (!jdk.internal.vm.Continuation.yield(G.SCOPE)) {
            throw new SchedulerError("goroutine " + gp.goid + " could not yield");
        }
    }

    // =============================================================================================== free Gs

    void gfputGlobal(P pp, int keep) {
        gFreeLock.lock();
        try {
            while (pp.gFreeCount > keep) {
                G gp = pp.gFree;
                pp.gFree = gp.schedlink;
                pp.gFreeCount--;
                gp.schedlink = gFreeHead;
                gFreeHead = gp;
                gFreeCount++;
            }
        } finally {
            gFreeLock.unlock();
        }
    }

    void gfgetGlobal(P pp, int want) {
        if (gFreeHead == null) return; // racy hint; re-checked under the lock
        gFreeLock.lock();
        try {
            while (pp.gFreeCount < want && gFreeHead != null) {
                G gp = gFreeHead;
                gFreeHead = gp.schedlink;
                gFreeCount--;
                gp.schedlink = pp.gFree;
                pp.gFree = gp;
                pp.gFreeCount++;
            }
        } finally {
            gFreeLock.unlock();
        }
    }

    /** Free-list sizes: global, then each P's (for tests). */
    public int[] freeListSizes() {
        P[] ps = allp;
        int[] out = new int[ps.length + 1];
        out[0] = gFreeCount;
        for (int i = 0; i < ps.length; i++) out[i + 1] = ps[i].gFreeCount;
        return out;
    }

    // =============================================================================================== checkdead

    /**
     * checkdead (lock held): if no M is running Go code and none can be woken by a timer or a syscall return,
     * the program can make no progress: returns Go's deadlock report for the caller to end the run with (once
     * it has released the lock). A runnable G at that point means the scheduler lost a wakeup: returned as a
     * runtime error.
     */
    Throwable checkdead() {
        if (exiting || !mainStarted) return null;
        int run = mcount - nmidle - nmidlelocked - nmsys;
        if (run > 0) return null;
        if (run < 0) {
            return new SchedulerError("checkdead: inconsistent counts: mcount=" + mcount + " nmidle=" + nmidle
                    + " nmidlelocked=" + nmidlelocked + " nmsys=" + nmsys);
        }
        for (P p : allp) if (p.timers.next() != 0) return null; // a timer will wake somebody
        List<G> waiting = new ArrayList<>();
        allgsLock.lock();
        try {
            for (G gp : allgs) {
                switch (gp.status()) {
                    case G.WAITING -> waiting.add(gp);
                    case G.RUNNABLE, G.RUNNING, G.SYSCALL -> {
                        return new SchedulerError("checkdead: goroutine " + gp.goid + " is "
                                + gp.statusName() + " but no M is running: a lost wakeup\n" + dumpLocked());
                    }
                    default -> { }
                }
            }
        } finally {
            allgsLock.unlock();
        }
        return new DeadlockException(waiting);
    }

    /** A scheduler dump for error reports, safe to build with sched.lock and allgsLock held. */
    private String dumpLocked() {
        StringBuilder sb = new StringBuilder("mcount=" + mcount + " nmidle=" + nmidle + " nmidlelocked="
                + nmidlelocked + " npidle=" + npidle() + " nmspinning=" + nmspinning() + " runqsize=" + runq.size() + "\n");
        appendPsAndMs(sb);
        for (G g : allgs) {
            int st = g.status();
            if (st != G.DEAD && st != G.IDLE) appendG(sb, g);
        }
        return sb.toString();
    }

    /**
     * One row per P (status, owner, ring length, runnext) and per M (P, nextp, curg, nextg, lockedg, spinning,
     * thread alive): the scheduler dump shared by checkdead's report and the watchdog's. Racy reads, no locks.
     */
    void appendPsAndMs(StringBuilder sb) {
        for (P p : allp) {
            G next = p.runnext();
            M pm = p.m;
            sb.append("  P").append(p.id).append(" status=").append(p.status()).append(" m=")
                    .append(pm == null ? "-" : "m" + pm.id).append(" runq=").append(p.runqsize()).append(" runnext=")
                    .append(next == null ? "-" : "g" + next.goid).append('\n');
        }
        for (M m : allm) {
            sb.append("  M").append(m.id).append(" p=").append(m.p == null ? "-" : "p" + m.p.id).append(" nextp=")
                    .append(m.nextp == null ? "-" : "p" + m.nextp.id).append(" curg=")
                    .append(m.curg == null ? "-" : "g" + m.curg.goid).append(" nextg=")
                    .append(m.nextg == null ? "-" : "g" + m.nextg.goid).append(" lockedg=")
                    .append(m.lockedg == null ? "-" : "g" + m.lockedg.goid).append(" spinning=").append(m.spinning)
                    .append(" alive=").append(m.thread != null && m.thread.isAlive()).append('\n');
        }
    }

    /** One goroutine's dump row: id, status (with the wait reason when waiting), label, locked M. */
    static void appendG(StringBuilder sb, G g) {
        sb.append("  goroutine ").append(g.goid).append(" [").append(g.statusName())
                .append(g.waitreason == null || g.status() != G.WAITING ? "" : ", " + g.waitreason).append("]")
                .append(g.label == null ? "" : " " + g.label)
                .append(g.lockedm == null ? "" : " lockedm=m" + g.lockedm.id).append('\n');
    }

    /** Every G that is not dead or idle (a racy copy, for reports and tests). */
    public List<G> liveGoroutines() {
        allgsLock.lock();
        try {
            List<G> out = new ArrayList<>();
            for (G gp : allgs) {
                int s = gp.status();
                if (s != G.DEAD && s != G.IDLE) out.add(gp);
            }
            return out;
        } finally {
            allgsLock.unlock();
        }
    }

    // ============================================================================================= procresize

    /**
     * procresize (lock held, world stopped or not yet started): make the P array {@code nprocs} long. New Ps start
     * idle; the queued Gs of removed Ps move to the global queue; every idle P is (re)put on the idle list.
     */
    void procresize(int nprocs) {
        P[] old = allp;
        P[] ps = java.util.Arrays.copyOf(old, nprocs);
        for (int i = old.length; i < nprocs; i++) ps[i] = new P(this, i);
        for (int i = nprocs; i < old.length; i++) {
            P pp = old[i];
            pp.runqdrain(this::globrunqput);
            pp.timers.moveTo(ps[i % nprocs].timers);
            counters.goroutines.add(pp.goroutinesCreated);
            gfputGlobal(pp, 0);
            pp.setStatus(P.DEAD);
        }
        allp = ps;
        gomaxprocs = nprocs;
        stealOrder.reset(nprocs);
        // Rebuild the idle list from every P nobody holds.
        pidle = null;
        NPIDLE.setVolatile(this, 0);
        for (int i = nprocs - 1; i >= 0; i--) {
            P pp = ps[i];
            if (pp.m == null) {
                if (!pp.runqempty()) pp.runqdrain(this::globrunqput);
                pidleput(pp);
            }
        }
    }
}
