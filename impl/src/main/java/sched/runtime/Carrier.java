package sched.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Which platform thread (and so which M) is running the caller, asked in a way the JIT cannot cache.
 *
 * <p>Why not plain {@code Thread.currentThread()}: C2 treats its result as immutable within a compiled method
 * unless that method is marked {@code @ChangesCurrentThread} (a JDK-internal annotation honoured only for JDK
 * code). Goroutine code calls {@code Continuation.yield} and may resume on another M's thread; if a compiled
 * method that inlined a channel operation read the current thread before the yield, it would keep using the
 * old one after it (seen here: a goroutine parking recorded its park on another M's goroutine). So every
 * lookup goes through a method handle held in a non-final field: C2 cannot inline a call through a handle it
 * does not know to be constant, so the thread is read afresh, in the callee, on every call.
 */
final class Carrier {
    @SuppressWarnings("FieldMayBeFinal") // must NOT be final: a final handle would be inlined and cached
    private static MethodHandle currentThread;

    static {
        try {
            currentThread = MethodHandles.lookup().findStatic(Thread.class, "currentThread",
                    MethodType.methodType(Thread.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Carrier() {}

    /** The current platform thread, read afresh. */
    static Thread thread() {
        try {
            return (Thread) currentThread.invokeExact();
        } catch (Throwable t) {
            throw new SchedulerError("cannot read the current thread: " + t);
        }
    }

    /** The M whose thread runs the caller, or null. */
    static M m() {
        return thread() instanceof MThread mt ? mt.m : null;
    }
}
