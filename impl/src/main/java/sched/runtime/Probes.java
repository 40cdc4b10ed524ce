package sched.runtime;

/**
 * The switch for probe points. {@code ENABLED} is a static final read once from the system property
 * {@code sched.probes}; when false (production) the JIT folds every {@code if (Probes.ENABLED)} away, so a probe
 * costs nothing. The conformance driver and the recorders start their JVM with {@code -Dsched.probes=true}.
 */
public final class Probes {
    public static final boolean ENABLED = Boolean.getBoolean("sched.probes");

    private Probes() {}
}
