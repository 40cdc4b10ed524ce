package sched.runtime;

import java.time.Duration;

/** Go's time.Ticker: sends the clock's value on {@link #c()} every period; slow receivers miss ticks. */
public final class Ticker {
    private final Timer timer;

    public Ticker(Duration period) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("non-positive interval for Ticker: " + period);
        }
        this.timer = new Timer(period, period);
    }

    public Chan<Long> c() { return timer.c(); }

    public void stop() { timer.stop(); }
}
