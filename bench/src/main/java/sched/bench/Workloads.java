package sched.bench;

/** Runs one iteration of a workload on an in-JVM peer and returns its checksum. */
public final class Workloads {
    private Workloads() {}

    /** Why the peer cannot run the workload in this build, or null if it can. */
    public static String unavailable(Workload w, Peer peer) {
        if (!w.supports(peer)) return "not fork/join shaped";
        if (peer == Peer.GORT && w.needsSleep() && !GoSleep.available()) return "n/a (needs part 2: Go.sleep)";
        return null;
    }

    public static long run(Workload w, Peer peer, Params p, int procs) throws Exception {
        if (!peer.isJava()) throw new IllegalArgumentException("the Go peer runs as its own process");
        String why = unavailable(w, peer);
        if (why != null) throw new IllegalStateException(w.id + " on " + peer.id + ": " + why);
        return switch (w) {
            case SKYNET -> Skynet.run(peer, p, procs);
            case PINGPONG -> PingPong.run(peer, p, procs);
            case SPAWN -> Spawn.run(peer, p, procs);
            case FANOUT -> Fanout.run(peer, p, procs);
            case IDLE_WAKEUP -> IdleWakeup.run(peer, p, procs);
            case TIMERS -> Timers.run(peer, p, procs);
        };
    }

    /** The params with the warm-up size (n divided by the workload's warm-up divisor; fanout's n is fixed). */
    public static Params warmupParams(Workload w, Params p) {
        if (w.warmupDiv <= 1) return p;
        return p.with("n", Math.max(1, p.get("n") / w.warmupDiv));
    }
}
