package sched.bench;

/** What a workload runs on. */
public enum Peer {
    /** This project's runtime: goroutines on continuations, G/M/P scheduling. */
    GORT("go-rt", "this runtime (sched.runtime)"),
    /** JDK 25 virtual threads on their default scheduler, with the fastest primitive we found for the workload. */
    VTHREADS("vthreads", "JDK virtual threads, fastest primitive"),
    /** The idiomatic java.util.concurrent translation (executors, futures, blocking queues). */
    JUC("juc", "idiomatic java.util.concurrent"),
    /** ForkJoinPool with RecursiveTask fork/join, where the workload is fork/join shaped. */
    FJP("fjp", "ForkJoinPool fork/join"),
    /** The same workload as a Go program (bench/go), when go is on the PATH. */
    GO("go", "Go (gc toolchain)");

    public final String id;
    public final String title;

    Peer(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public static Peer byId(String id) {
        for (Peer p : values()) if (p.id.equals(id)) return p;
        throw new IllegalArgumentException("unknown peer '" + id + "'");
    }

    /** Runs inside a JVM (everything but Go). */
    public boolean isJava() { return this != GO; }
}
