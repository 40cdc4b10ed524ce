package sched.runtime;

/** An exception escaped a goroutine: the run ends with it, as a panic ends a Go program. */
public final class GoPanic extends RuntimeException {
    private final long goid;

    public GoPanic(long goid, String label, Throwable cause) {
        super("panic in goroutine " + goid + (label == null ? "" : " (" + label + ")") + ": " + cause, cause);
        this.goid = goid;
    }

    /** The id of the goroutine that panicked. */
    public long goid() { return goid; }
}
