package sched.runtime;

import java.io.PrintStream;

/**
 * GODEBUG=schedtrace=X: one line per interval with the scheduler's vital signs, and with scheddetail one more
 * line per P and per M. Printed by sysmon.
 */
final class SchedTrace {
    private final Sched sched;
    private final long everyNs;
    private final boolean detail;
    private final PrintStream out;
    private final long start;
    private long last;

    SchedTrace(Sched sched, Config config) {
        this.sched = sched;
        this.everyNs = config.schedtrace.toNanos();
        this.detail = config.scheddetail;
        this.out = config.traceOut;
        this.start = sched.seam.nanotime();
        this.last = start;
    }

    void tick(long now) {
        if (now - last < everyNs) return;
        last = now;
        out.println(line(sched, (now - start) / 1_000_000));
        if (detail) {
            for (P p : sched.allp) {
                M m = p.m;
                G next = p.runnext();
                out.println("  P" + p.id + ": status=" + p.status() + " schedtick=" + p.schedtick + " syscalltick="
                        + p.syscalltick + " m=" + (m == null ? -1 : m.id) + " runqsize=" + p.runqsize()
                        + " runnext=" + (next == null ? "-" : "g" + next.goid) + " timers="
                        + p.timers.size());
            }
            for (M m : sched.allm) {
                out.println("  M" + m.id + ": p=" + (m.p == null ? -1 : m.p.id) + " curg="
                        + (m.curg == null ? -1 : m.curg.goid) + " spinning=" + m.spinning + " insyscall="
                        + m.insyscall + " lockedg=" + (m.lockedg == null ? -1 : m.lockedg.goid));
            }
        }
    }

    /** The schedtrace line, in Go's shape. */
    static String line(Sched s, long ms) {
        StringBuilder sb = new StringBuilder();
        int threads = 0;
        for (M m : s.allm) if (m.thread != null && m.thread.isAlive()) threads++;
        sb.append("SCHED ").append(ms).append("ms: gomaxprocs=").append(s.gomaxprocs)
                .append(" idleprocs=").append(s.npidle())
                .append(" threads=").append(threads)
                .append(" spinningthreads=").append(s.nmspinning())
                .append(" idlethreads=").append(s.nmidle)
                .append(" runqueue=").append(s.globalRunqSize())
                .append(" [");
        P[] ps = s.allp;
        for (int i = 0; i < ps.length; i++) {
            if (i > 0) sb.append(' ');
            sb.append(ps[i].runqsize() + (ps[i].runnext() == null ? 0 : 1)); // racy but null-safe
        }
        return sb.append(']').toString();
    }
}
