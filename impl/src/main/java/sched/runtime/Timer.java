package sched.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Go's time.Timer: after {@code d}, the clock's value is sent on {@link #c()} (buffered, capacity 1, never
 * blocking the timer). The timer lives in the heap of the P of the goroutine that started it.
 */
public final class Timer {
    private final Chan<Long> c = new Chan<>(1);
    private final Sched sched;
    private final Timers.Timer t;

    public Timer(Duration d) { this(d, Duration.ZERO); }

    Timer(Duration d, Duration period) {
        G gp = Sched.currentG("new Timer");
        this.sched = gp.sched;
        long ns = Objects.requireNonNull(d, "duration").toNanos();
        this.t = new Timers.Timer(sched.seam.nanotime() + ns, period.toNanos(), () -> c.trySend(sched.seam.nanotime()));
        gp.m.p.timers.add(t);
    }

    /** The channel the timer fires on. */
    public Chan<Long> c() { return c; }

    /** Stop the timer; true if that prevented it from firing. */
    public boolean stop() {
        Timers h = t.heap;
        return h != null && h.remove(t);
    }

    /** Stop, then re-arm to fire after {@code d}; true if the timer had been active. */
    public boolean reset(Duration d) {
        G gp = Sched.currentG("Timer.reset");
        boolean active = stop();
        t.when = sched.seam.nanotime() + d.toNanos();
        gp.m.p.timers.add(t);
        return active;
    }
}
