package sched.runtime;

/** A broken scheduler invariant (Go's throw): a bug in the runtime, never the user's fault. */
public final class SchedulerError extends Error {
    public SchedulerError(String message) { super(message); }
}
