package sched.tlc;

import java.time.Duration;

/**
 * A progress report of a running check. {@code statesPerSecond} is measured over the last interval (0 when
 * unknown); {@code phase} says what TLC is doing (parsing, initial states, exploring, liveness, ...).
 */
public record TlcProgress(String phase, long distinctStates, long statesGenerated, long queue, int depth,
                          double statesPerSecond, Duration elapsed) {

    /** A receiver of progress reports; called from the thread that reads TLC's output. */
    @FunctionalInterface
    public interface Listener {
        void progress(TlcProgress p);

        Listener NONE = p -> {};
    }
}
