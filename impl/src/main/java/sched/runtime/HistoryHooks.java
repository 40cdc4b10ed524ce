package sched.runtime;

/**
 * The recording seam: operations on the global run queue ({@link GlobalRunq}), on the Ps' local run queues
 * ({@link P}: runqput, runqget, runqsteal) and on channels ({@link Chan}, {@link Select}) report their invocation and completion to an installed {@link Hook}, from which module
 * {@code history} builds Knossos-style histories.
 *
 * <p>Invariants:
 * <ul>
 *   <li>{@link #ENABLED} is a static final read once from the system property {@code sched.record} (default
 *       false). Every call site is written {@code if (HistoryHooks.ENABLED) ...}: with the flag off the branch is
 *       dead code to javac's runtime and C2 folds it away (a static final boolean is a compile-time constant to
 *       the JIT), so recording off costs nothing; {@link #install} refuses a hook then, so nothing can observe
 *       the sites.</li>
 *   <li>An invocation is reported before the operation can take effect, its completion after it took effect:
 *       every event's interval contains the operation's linearization point.</li>
 *   <li>Processes: the M's id for the run queues (global: its operations run on Ms, under sched.lock; local: the
 *       owner M and the thief Ms), the goroutine's
 *       id for channels. A thread that is neither (a timer callback, a test thread) is process
 *       {@code -threadId}.</li>
 * </ul>
 */
public final class HistoryHooks {
    /** The recording switch: {@code -Dsched.record=true}. */
    public static final boolean ENABLED = Boolean.getBoolean("sched.record");

    /** Event types, as Knossos spells them. */
    public static final int INVOKE = 0, OK = 1, FAIL = 2, INFO = 3;

    /** The value a receive reports when the channel was closed and drained (Go's {@code v, ok := <-c} with !ok). */
    public static final Object CLOSED = new Object() {
        @Override public String toString() { return ":closed"; }
    };

    /** Receives the runtime's events; called on the thread that performs the operation, maybe under locks. */
    public interface Hook {
        /**
         * One event: {@code obj} is the {@link GlobalRunq}, {@link P} or {@link Chan} operated on, {@code f} one of
         * "put", "put-batch", "get" (global queue: values goroutine ids, batches {@code List<Long>} in queue order),
         * "swap-next", "put", "get", "steal", "put-batch" (a P's run queue, see {@link P}'s "Recording") or
         * "send", "recv", "close" (channels: values as sent, {@link #CLOSED} for a closed receive).
         */
        void event(Object obj, long process, int type, String f, Object value);
    }

    private static volatile Hook hook;

    private HistoryHooks() {}

    /** Installs {@code h} (null removes it). Refused when recording is off: the sites are compiled away. */
    public static void install(Hook h) {
        if (h != null && !ENABLED) {
            throw new IllegalStateException("history recording is off: run the JVM with -Dsched.record=true");
        }
        hook = h;
    }

    /** Reports one event to the installed hook, if any. Call sites test {@link #ENABLED} first. */
    static void event(Object obj, long process, int type, String f, Object value) {
        Hook h = hook;
        if (h != null) h.event(obj, process, type, f, value);
    }

    /** The process of an operation on the global queue: the calling M's id, or -threadId off the Ms. */
    static long mProcess() {
        M m = Carrier.m();
        return m != null ? m.id : -Carrier.thread().threadId();
    }

    /** The process of a channel operation: the calling goroutine's id, or -threadId outside goroutines. */
    static long gProcess() {
        M m = Sched.currentMOrNull();
        return m != null ? m.curg.goid : -Carrier.thread().threadId();
    }
}
