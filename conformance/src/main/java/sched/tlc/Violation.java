package sched.tlc;

/**
 * A property TLC found violated. {@code property} is the name from the config (an invariant or a property), or
 * {@code Deadlock}, {@code Assert} or {@code ASSUME} for those kinds; it is null when TLC did not say which of
 * several temporal properties failed (see {@link TlcChecks#resolveProperty}).
 */
public record Violation(Kind kind, String property, String message) {
    public enum Kind {
        /** An INVARIANT is false in a reachable state (also in an initial state). */
        INVARIANT,
        /** A PROPERTY of the form [][A]_v (including a refinement's next-state part) is false for a step. */
        ACTION_PROPERTY,
        /** A temporal PROPERTY (liveness, or the initial-state part of a property) is violated. */
        TEMPORAL,
        /** A reachable state has no successor and the config checks deadlock. */
        DEADLOCK,
        /** An Assert(...) in the spec evaluated to FALSE. */
        ASSERT,
        /** An ASSUME of the spec is false for the config's constants. */
        ASSUMPTION,
        /**
         * TLC printed an error trace without saying what was violated. Distributed TLC 2.18 does this (and prints
         * only the end of the trace); {@link TlcChecks#resolveProperty} then re-checks on one machine.
         */
        UNKNOWN;

        public String lower() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }
    }

    public Violation withProperty(String name) {
        return new Violation(kind, name, message);
    }
}
