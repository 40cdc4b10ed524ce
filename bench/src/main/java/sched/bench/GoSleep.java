package sched.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import sched.runtime.Go;

/**
 * {@code Go.sleep(Duration)}, looked up at run time: timers are part 2 of the runtime, which may not be on the
 * branch this module is built against. Without it the timer workloads report the runtime as "n/a".
 */
final class GoSleep {
    private GoSleep() {}

    private static final MethodHandle SLEEP = find();

    private static MethodHandle find() {
        try {
            return MethodHandles.publicLookup().findStatic(Go.class, "sleep",
                    MethodType.methodType(void.class, Duration.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }

    static boolean available() { return SLEEP != null; }

    static void sleep(Duration d) {
        try {
            SLEEP.invokeExact(d);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
