package sched.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;

/**
 * User+sys CPU time of this process from getrusage(RUSAGE_SELF) (microsecond resolution; the JDK's own process
 * CPU time counts in clock ticks of 10 ms on Linux, too coarse for the small runs). Falls back to the
 * management bean where the native call is not available.
 */
final class CpuClock {
    private CpuClock() {}

    private static final MethodHandle GETRUSAGE = find();
    /** struct rusage is 144 bytes on Linux x86-64 and aarch64; ru_utime and ru_stime (timeval) come first. */
    private static final int RUSAGE_BYTES = 144;

    private static MethodHandle find() {
        try {
            Linker linker = Linker.nativeLinker();
            var sym = linker.defaultLookup().find("getrusage");
            if (sym.isEmpty() || !System.getProperty("os.name").toLowerCase().contains("linux")) return null;
            return linker.downcallHandle(sym.get(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        } catch (Throwable t) {
            return null;
        }
    }

    /** The source of the figures, for the record. */
    static String source() { return GETRUSAGE != null ? "getrusage(RUSAGE_SELF)" : "OperatingSystemMXBean"; }

    static long processCpuNanos() {
        if (GETRUSAGE != null) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment ru = arena.allocate(RUSAGE_BYTES, 8);
                int rc = (int) GETRUSAGE.invokeExact(0, ru);
                if (rc == 0) {
                    long us = ru.get(ValueLayout.JAVA_LONG, 0) * 1_000_000 + ru.get(ValueLayout.JAVA_LONG, 8)
                            + ru.get(ValueLayout.JAVA_LONG, 16) * 1_000_000 + ru.get(ValueLayout.JAVA_LONG, 24);
                    return us * 1000;
                }
            } catch (Throwable t) {
                // fall through
            }
        }
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getProcessCpuTime();
        return -1;
    }
}
