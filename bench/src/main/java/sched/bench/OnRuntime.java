package sched.bench;

import java.util.Map;
import java.util.function.LongSupplier;
import sched.runtime.Config;
import sched.runtime.GoRuntime;

/** Runs a body as the main goroutine of a fresh runtime with GOMAXPROCS {@code procs}; returns its result. */
final class OnRuntime {
    private OnRuntime() {}

    /** The counters of the last runtime run on this thread (for the JSON: steals, parks, wakeups...). */
    static final ThreadLocal<Map<String, Long>> LAST_COUNTERS = new ThreadLocal<>();

    static long run(int procs, LongSupplier main) {
        long[] out = new long[1];
        GoRuntime rt = new GoRuntime(new Config().gomaxprocs(procs));
        rt.run(() -> out[0] = main.getAsLong());
        LAST_COUNTERS.set(rt.counters().snapshot());
        return out[0];
    }
}
