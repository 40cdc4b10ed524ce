package sched.tlc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of one TLC run.
 *
 * @param status         OK (every property holds), VIOLATION, ERROR (the spec or config is wrong, or TLC failed),
 *                       TIMEOUT (the run was stopped at its time limit)
 * @param violation      what was violated (VIOLATION only)
 * @param errors         located errors (ERROR only; at least one)
 * @param counterexample the behaviour that violates the property, initial state first (may be empty)
 * @param loopBackTo     for a liveness counterexample that ends in a cycle: the 0-based index of the state the
 *                       last state returns to; -1 otherwise
 * @param stuttering     the liveness counterexample ends by stuttering forever in its last state
 * @param exitCode       TLC's exit status
 * @param workDir        where the run's metadir, tmpdir and raw output (tlc.out, tlc.err) are
 */
public record TlcResult(Status status, Violation violation, List<TlcError> errors, long distinctStates,
                        long statesGenerated, int depth, Duration elapsed, List<TraceState> counterexample,
                        int loopBackTo, boolean stuttering, int exitCode, String tlcVersion, Path workDir) {

    public enum Status { OK, VIOLATION, ERROR, TIMEOUT }

    public TlcResult {
        errors = List.copyOf(errors);
        counterexample = List.copyOf(counterexample);
    }

    public boolean ok() { return status == Status.OK; }

    public TlcResult withViolation(Violation v) {
        return new TlcResult(status, v, errors, distinctStates, statesGenerated, depth, elapsed, counterexample,
                loopBackTo, stuttering, exitCode, tlcVersion, workDir);
    }
}
