package sched.runtime;

import java.util.function.BooleanSupplier;

/**
 * The lost-wakeup watchdog: samples a running runtime and reports when runnable work has sat beside an idle P,
 * with no M running a goroutine and none spinning, for a whole {@code window} of the seam's clock. In a correct
 * scheduler that state never lasts: someone is always about to look. The report carries a scheduler dump.
 *
 * <p>The sampling is racy by design (it reads counters without the lock); a lost wakeup is a state that
 * persists, so a condition that holds on every sample for a full window is not a race of the sampler.
 */
public final class Watchdog {
    private final Sched sched;
    private final long windowNs;
    private long badSince;

    public Watchdog(GoRuntime rt, java.time.Duration window) {
        this.sched = rt.sched;
        this.windowNs = window.toNanos();
    }

    /** True when this sample shows work, an idle P, and nobody running or spinning. */
    public static boolean suspicious(Sched s) {
        if (s.npidle() == 0 || s.nmspinning() != 0) return false;
        boolean work = s.globalRunqSize() > 0;
        for (P p : s.allp) if (!p.runqempty()) work = true;
        if (!work) return false;
        for (M m : s.allm) if (m.curg != null || m.insyscall) return false;
        return true;
    }

    /**
     * Take one sample at time {@code now}; returns a report (with a dump) once the suspicious state has held
     * on every sample for the whole window, else null.
     */
    public String sample(long now) {
        return sample(now, () -> suspicious(sched));
    }

    String sample(long now, BooleanSupplier suspicious) {
        if (!suspicious.getAsBoolean()) {
            badSince = 0;
            return null;
        }
        if (badSince == 0) badSince = now == 0 ? 1 : now;
        if (now - badSince < windowNs) return null;
        return "lost wakeup: runnable work beside an idle P with no running or spinning M for "
                + (now - badSince) / 1_000_000 + " ms\n" + dump(sched);
    }

    /** A scheduler dump: the schedtrace line, every P and M, and every live goroutine. */
    public static String dump(Sched s) {
        StringBuilder sb = new StringBuilder(SchedTrace.line(s, 0)).append('\n');
        s.appendPsAndMs(sb);
        for (G g : s.liveGoroutines()) Sched.appendG(sb, g);
        return sb.toString();
    }
}
