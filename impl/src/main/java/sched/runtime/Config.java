package sched.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How a runtime is built. {@code new Config()} gives Go's defaults: GOMAXPROCS = available processors, the
 * production seam, the global queue checked every 61st schedule tick, sysmon on.
 */
public final class Config {
    int gomaxprocs = Runtime.getRuntime().availableProcessors();
    Seam seam = Seam.PRODUCTION;
    int globalCheckPeriod = 61;
    boolean sysmon = true;
    Duration schedtrace = Duration.ZERO;
    boolean scheddetail;
    java.io.PrintStream traceOut = System.err;
    int maxMCount = 10_000;
    int runqSize = P.RUNQ_SIZE;

    public Config() {}

    /** GOMAXPROCS: the number of Ps. Must be at least 1. */
    public Config gomaxprocs(int n) {
        if (n < 1) throw new IllegalArgumentException("GOMAXPROCS must be at least 1, got " + n);
        this.gomaxprocs = n;
        return this;
    }

    /** The nondeterminism seam (tests and the conformance driver pass a deterministic one). */
    public Config seam(Seam seam) {
        this.seam = Objects.requireNonNull(seam, "seam");
        return this;
    }

    /**
     * Check the global queue first on every n-th schedule tick (Go: 61). 0 turns the check off, which only the
     * conformance driver does, to replay models that leave schedtick out.
     */
    public Config globalCheckPeriod(int n) {
        if (n < 0) throw new IllegalArgumentException("globalCheckPeriod must be >= 0, got " + n);
        this.globalCheckPeriod = n;
        return this;
    }

    /** Run sysmon (syscall retake, time-slice preemption). On by default. */
    public Config sysmon(boolean on) {
        this.sysmon = on;
        return this;
    }

    /** GODEBUG=schedtrace=X: print one scheduler line every interval (zero: off). */
    public Config schedtrace(Duration every, boolean detail) {
        this.schedtrace = Objects.requireNonNull(every, "every");
        this.scheddetail = detail;
        return this;
    }

    public Config traceOut(java.io.PrintStream out) {
        this.traceOut = Objects.requireNonNull(out, "out");
        return this;
    }

    /** The most Ms the runtime may start (Go's maxmcount, 10000). */
    public Config maxMCount(int n) {
        if (n < 1) throw new IllegalArgumentException("maxMCount must be >= 1, got " + n);
        this.maxMCount = n;
        return this;
    }

    /**
     * The capacity of each P's local ring (Go: 256). Only the conformance driver changes it, to replay models
     * whose ring is small (Spinning.tla's {@code Cap}); a power of two, at least 2.
     */
    public Config runqSize(int n) {
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("runqSize must be a power of two >= 2, got " + n);
        }
        this.runqSize = n;
        return this;
    }

    public int gomaxprocs() { return gomaxprocs; }

    public Seam seam() { return seam; }
}
