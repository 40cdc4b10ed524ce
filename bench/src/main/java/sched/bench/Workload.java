package sched.bench;

import java.util.EnumMap;
import java.util.Map;

/**
 * The benchmark workloads (issue 7). Each names its parameters at full and at --quick size, the primitive every
 * peer uses (printed beside the figures, so the comparison can be judged), and the checksum a correct run
 * produces.
 */
public enum Workload {
    SKYNET("skynet", true, 1,
            Params.of("n", 1_000_000, "div", 10),
            Params.of("n", 10_000, "div", 10),
            prims("Chan(div) per node, Go.go per node",
                    "Thread.startVirtualThread per node, CountDownLatch per node",
                    "virtual-thread-per-task ExecutorService, ArrayBlockingQueue(div) per node as the channel",
                    "RecursiveTask per node, invokeAll + join",
                    "goroutine per node, buffered chan per node")) {
        @Override public String describe(Params p) {
            return String.format("%,d leaves, fan-out %d, results over channels", p.get("n"), p.get("div"));
        }

        @Override public long expected(Params p) {
            long n = p.get("n");
            return n * (n - 1) / 2;
        }
    },
    PINGPONG("pingpong", false, 1,
            Params.of("n", 1_000_000),
            Params.of("n", 20_000),
            prims("two unbuffered Chan<Long>",
                    "two virtual threads, spinning hand-off slot (volatile long; onSpinWait, then Thread.yield)",
                    "two virtual threads, two SynchronousQueue<Long>",
                    null,
                    "two goroutines, two unbuffered chans")) {
        @Override public String describe(Params p) {
            return String.format("%,d round trips over unbuffered channels", p.get("n"));
        }

        @Override public long expected(Params p) { return p.get("n"); }
    },
    SPAWN("spawn", false, 1,
            Params.of("n", 1_000_000),
            Params.of("n", 20_000),
            prims("Go.go per goroutine, one WaitGroup",
                    "Thread.startVirtualThread per task, one CountDownLatch",
                    "virtual-thread-per-task ExecutorService.execute, close() joins",
                    null,
                    "go func per goroutine, sync.WaitGroup")) {
        @Override public String describe(Params p) {
            return String.format("%,d trivial goroutines joined by a WaitGroup", p.get("n"));
        }

        @Override public long expected(Params p) { return p.get("n"); }
    },
    FANOUT("fanout", true, 1,
            Params.of("n", 32, "cutoff", 4),
            Params.of("n", 20, "cutoff", 4),
            prims("Go.go + Chan(1) per call at/above the cutoff",
                    "Thread.startVirtualThread per call at/above the cutoff, Thread.join",
                    "virtual-thread-per-task ExecutorService.submit + Future.get",
                    "RecursiveTask: fork fib(n-1), compute fib(n-2), join",
                    "go func + chan(1) per call at/above the cutoff")) {
        @Override public String describe(Params p) {
            int n = p.getInt("n"), c = p.getInt("cutoff");
            return String.format("parallel fib(%d), a goroutine per call with n >= %d (%,d goroutines)", n, c,
                    spawnedCalls(n, c));
        }

        @Override public long expected(Params p) { return Fanout.fibSeq(p.getInt("n")); }
    },
    IDLE_WAKEUP("idle-wakeup", false, 10,
            Params.of("n", 20_000, "consumers", 4, "sleepus", 50),
            Params.of("n", 500, "consumers", 4, "sleepus", 50),
            prims("Go.sleep + unbuffered Chan shared by the consumers",
                    "Thread.sleep + SynchronousQueue, virtual threads",
                    "Thread.sleep + SynchronousQueue, platform threads",
                    null,
                    "time.Sleep + unbuffered chan shared by the consumers")) {
        @Override public String describe(Params p) {
            return String.format("producer sleeps %dus, then hands one item to one of %d consumers, %,d times"
                    + " (CPU time is the figure)", p.get("sleepus"), p.get("consumers"), p.get("n"));
        }

        @Override public long expected(Params p) {
            long n = p.get("n");
            return n * (n - 1) / 2;
        }

        @Override public boolean needsSleep() { return true; }
    },
    TIMERS("timers", false, 1,
            Params.of("n", 100_000, "maxus", 10_000, "seed", 1),
            Params.of("n", 5_000, "maxus", 2_000, "seed", 1),
            prims("Go.sleep per goroutine, WaitGroup",
                    "Thread.sleep per virtual thread, CountDownLatch",
                    "ScheduledThreadPoolExecutor(procs).schedule per task, CountDownLatch",
                    null,
                    "time.Sleep per goroutine, sync.WaitGroup")) {
        @Override public String describe(Params p) {
            return String.format("%,d goroutines each sleeping a pseudo-random 1..%,dus", p.get("n"),
                    p.get("maxus"));
        }

        @Override public long expected(Params p) { return Timers.expected(p); }

        @Override public boolean needsSleep() { return true; }
    };

    public final String id;
    /** Whether the scaling over GOMAXPROCS is measured for it (skynet and fanout). */
    public final boolean scaling;
    /** In-process warm-up iterations run at size n / warmupDiv (the sleep-bound workloads warm up on less). */
    public final int warmupDiv;
    private final Params full, quick;
    private final Map<Peer, String> primitives;

    Workload(String id, boolean scaling, int warmupDiv, Params full, Params quick, Map<Peer, String> primitives) {
        this.id = id;
        this.scaling = scaling;
        this.warmupDiv = warmupDiv;
        this.full = full;
        this.quick = quick;
        this.primitives = primitives;
    }

    public Params params(boolean quickSize) { return quickSize ? quick : full; }

    public abstract String describe(Params p);

    /** The checksum a correct run returns. */
    public abstract long expected(Params p);

    /** Uses Go.sleep on this runtime (timers, part 2 of the runtime). */
    public boolean needsSleep() { return false; }

    /** Whether this peer has an implementation of the workload (FJP only where fork/join shaped). */
    public boolean supports(Peer p) { return primitives.containsKey(p); }

    /** What the peer uses, for the table and the JSON. */
    public String primitive(Peer p) { return primitives.get(p); }

    public static Workload byId(String id) {
        for (Workload w : values()) if (w.id.equals(id)) return w;
        throw new IllegalArgumentException("unknown workload '" + id + "'");
    }

    /** How many calls of fib(n) with the given cutoff start a goroutine (those with argument >= cutoff). */
    static long spawnedCalls(int n, int cutoff) {
        if (n < cutoff) return 0;
        return 1 + spawnedCalls(n - 1, cutoff) + spawnedCalls(n - 2, cutoff);
    }

    private static Map<Peer, String> prims(String gort, String vt, String juc, String fjp, String go) {
        Map<Peer, String> m = new EnumMap<>(Peer.class);
        m.put(Peer.GORT, gort);
        m.put(Peer.VTHREADS, vt);
        m.put(Peer.JUC, juc);
        if (fjp != null) m.put(Peer.FJP, fjp);
        m.put(Peer.GO, go);
        return m;
    }
}
