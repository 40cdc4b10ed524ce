package sched.examples;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import sched.runtime.Go;

/**
 * The cost of doing nothing: one goroutine sleeps for {@code d} while nothing else is runnable. Returns the CPU
 * time the whole process used meanwhile, as a share of one core (sysmon's backed-off ticks plus the JVM's own
 * housekeeping); Go's goal for this is "almost nothing".
 */
public final class Idle {
    private Idle() {}

    public static double run(Duration d) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Go.sleep(Duration.ofMillis(100)); // let start-up settle (Ms park, sysmon backs off)
        long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        Go.sleep(d);
        long cpu = os.getProcessCpuTime() - cpu0, wall = System.nanoTime() - t0;
        return (double) cpu / wall;
    }
}
