package sched.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sched.examples.Deadlock;
import sched.examples.Hog;
import sched.examples.Syscalls;
import sched.examples.PingPong;
import sched.examples.Primes;
import sched.examples.Skynet;
import sched.runtime.Config;
import sched.runtime.DeadlockException;
import sched.runtime.GoPanic;
import sched.runtime.GoRuntime;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an example program on the Java scheduler and print its result, elapsed time and counters.",
        footer = {"", "Examples:", "  ./sched run skynet --size 1000000     (prints 499999500000)",
                "  ./sched run pingpong --n 1000000", "  ./sched run primes --n 100",
                "  ./sched run deadlock                  (ends with Go's deadlock report, exit 1)",
                "  ./sched run syscalls                  (blocking calls; see handoffs and retakes)",
                "  ./sched run timers", "  ./sched run idle                      (CPU used while idle)",
                "  ./sched run hog -p 1                  (preemption keeps a tight loop from starving others)",
                "  ./sched run skynet --schedtrace 100ms"})
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "EXAMPLE", description = "One of: ${COMPLETION-CANDIDATES}")
    Example example;

    @Option(names = "--size", description = "skynet: number of leaves, a power of 10 (default ${DEFAULT-VALUE})",
            defaultValue = "1000000")
    long size;

    @Option(names = "--n", description = "pingpong: round trips (default 1000000); primes: how many (default 100);"
            + " syscalls: goroutines (1000); timers: sleepers (100000); hog: round trips beside the hog (100)")
    Long n;

    @Option(names = {"--procs", "-p"}, description = "GOMAXPROCS (default: available processors)")
    Integer procs;

    @Option(names = "--schedtrace", description = "print a scheduler line every interval, e.g. 100ms (like GODEBUG=schedtrace)")
    String schedtrace;

    @Option(names = "--scheddetail", description = "with --schedtrace: a line per P and per M too")
    boolean scheddetail;

    enum Example { skynet, pingpong, primes, deadlock, syscalls, timers, hog, idle }

    @Override public Integer call() {
        Config cfg = new Config();
        if (procs != null) {
            if (procs < 1) throw new UserError("--procs must be at least 1, got " + procs);
            cfg.gomaxprocs(procs);
        }
        if (schedtrace != null) cfg.schedtrace(parseDuration(schedtrace), scheddetail);
        GoRuntime rt = new GoRuntime(cfg);
        Object[] result = new Object[1];
        long t0 = System.nanoTime();
        try {
            switch (example) {
                case skynet -> {
                    if (size < 1 || !isPowerOf10(size)) throw new UserError("--size must be a power of 10, got " + size);
                    rt.run(() -> result[0] = Skynet.run(size));
                }
                case pingpong -> rt.run(() -> result[0] = PingPong.run(n == null ? 1_000_000 : n));
                case primes -> rt.run(() -> {
                    List<Long> ps = Primes.run((int) (n == null ? 100 : n));
                    result[0] = ps.size() <= 20 ? ps : ps.subList(0, 10) + " ... " + ps.get(ps.size() - 1);
                });
                case deadlock -> rt.run(Deadlock::run);
                case syscalls -> rt.run(() -> result[0] = Syscalls.run((int) (n == null ? 1000 : n)) + " bytes read");
                case timers -> rt.run(() -> result[0] = sched.examples.Timers.run((int) (n == null ? 100_000 : n), 1)
                        + " woke early (must be 0)");
                case hog -> rt.run(() -> result[0] = Hog.run((int) (n == null ? 100 : n)) + " hog iterations");
                case idle -> rt.run(() -> result[0] = String.format(java.util.Locale.ROOT,
                        "%.2f%% of one core used by the process while one goroutine slept %d s",
                        100 * sched.examples.Idle.run(java.time.Duration.ofSeconds(n == null ? 2 : n)), n == null ? 2 : n));
            }
        } catch (DeadlockException e) {
            System.out.println(e.getMessage());
            printTime(t0, rt);
            return 1;
        } catch (GoPanic e) {
            System.out.println(e.getMessage());
            printTime(t0, rt);
            return 1;
        }
        System.out.println(example + ": " + result[0]);
        printTime(t0, rt);
        return 0;
    }

    private static void printTime(long t0, GoRuntime rt) {
        System.out.printf("elapsed: %.1f ms (GOMAXPROCS=%d)%n", (System.nanoTime() - t0) / 1e6, rt.gomaxprocs());
        System.out.println("counters: " + rt.counters());
    }

    private static boolean isPowerOf10(long v) {
        while (v % 10 == 0) v /= 10;
        return v == 1;
    }

    static Duration parseDuration(String s) {
        String t = s.trim().toLowerCase();
        try {
            if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            if (t.endsWith("us")) return Duration.ofNanos(1000 * Long.parseLong(t.substring(0, t.length() - 2)));
            if (t.endsWith("s")) return Duration.ofMillis(Math.round(1000 * Double.parseDouble(t.substring(0, t.length() - 1))));
            return Duration.ofMillis(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new UserError("not a duration: '" + s + "' (use e.g. 100ms, 1s)");
        }
    }
}
