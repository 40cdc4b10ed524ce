package sched.runtime;

/**
 * sysmon: a monitor thread that holds no P. Every tick it
 * <ul>
 *   <li>retakes the P of an M that has been in a syscall since its last tick (at least 20us), handing it off
 *       ({@link Sched#handoffp}) so that the other goroutines keep running;</li>
 *   <li>marks a goroutine that has run for 10ms on one time slice for preemption (it yields at its next safe
 *       point: {@link Go#checkpoint}, a channel operation, a sleep);</li>
 *   <li>starts an M when a timer is overdue and a P is idle with nobody spinning;</li>
 *   <li>prints the schedtrace line when asked.</li>
 * </ul>
 * It sleeps 20us per tick and, after 50 ticks that found nothing to do, doubles the sleep up to 10ms, as Go
 * does, so an idle runtime costs almost nothing. Its clock and sleeps go through the seam.
 */
final class Sysmon {
    static final long FORCE_PREEMPT_NS = 10_000_000L;
    static final long MIN_DELAY_US = 20, MAX_DELAY_US = 10_000;

    private final Sched sched;
    private final M self;
    private volatile boolean stop;
    private volatile boolean alive;
    private final SchedTrace trace;

    Sysmon(Sched sched) {
        this.sched = sched;
        this.self = new M(sched, -1);
        this.trace = sched.config.schedtrace.isZero() ? null : new SchedTrace(sched, sched.config);
    }

    void start() {
        alive = true;
        Thread t = new Thread(null, this::loop, "sched-sysmon", 0, false);
        t.setDaemon(true);
        self.thread = t;
        t.start();
    }

    boolean alive() { return alive; }

    void stop() {
        stop = true;
        sched.seam.unpark(self);
        Thread t = self.thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        try {
            long delay = MIN_DELAY_US;
            int idle = 0;
            Seam seam = sched.seam;
            while (!stop && !sched.exiting) {
                if (idle == 0) delay = MIN_DELAY_US;
                else if (idle > 50) delay = Math.min(delay * 2, MAX_DELAY_US);
                seam.park(self, seam.nanotime() + delay * 1000);
                if (stop || sched.exiting) break;
                long now = seam.nanotime();
                boolean acted = sched.config.sysmon && retake(now);
                if (sched.config.sysmon && timersOverdue(now)) acted = true;
                if (trace != null) trace.tick(now);
                idle = acted ? 0 : idle + 1;
            }
        } finally {
            alive = false;
        }
    }

    /** retake: hand off Ps blocked in syscalls, and mark long-running goroutines for preemption. */
    boolean retake(long now) {
        boolean acted = false;
        for (P pp : sched.allp) {
            int s = pp.status();
            if (s == P.SYSCALL) {
                int t = pp.syscalltick;
                if (pp.sysmonSyscallTick != t) {
                    // A new syscall since the last look: give it one tick.
                    pp.sysmonSyscallTick = t;
                    pp.sysmonWhen = now;
                    continue;
                }
                if (pp.casStatus(P.SYSCALL, P.IDLE)) {
                    pp.syscalltick++;
                    sched.counters.retakes.increment();
                    if (Probes.ENABLED) sched.seam.step(self, Step.Retake);
                    sched.handoffp(pp);
                    acted = true;
                }
            } else if (s == P.RUNNING) {
                int t = pp.schedtick;
                if (pp.sysmonTick != t) {
                    pp.sysmonTick = t;
                    pp.sysmonSchedWhen = now;
                } else if (now - pp.sysmonSchedWhen >= FORCE_PREEMPT_NS) {
                    M m = pp.m;
                    G gp = m == null ? null : m.curg;
                    if (gp != null && !gp.preempt) {
                        gp.preempt = true;
                        acted = true;
                    }
                }
            }
        }
        return acted;
    }

    /** A timer is overdue and nobody is looking: start a spinning M (Go's fallback for #38860). */
    private boolean timersOverdue(long now) {
        long next = sched.earliestTimer();
        if (next == 0 || now - next < 1_000_000L) return false;
        if (sched.npidle() > 0 && sched.nmspinning() == 0 && sched.casNmspinning(0, 1)) {
            sched.startm(null, null, true);
            return true;
        }
        return false;
    }
}
