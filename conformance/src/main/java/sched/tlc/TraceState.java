package sched.tlc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import sched.tlc.value.TlaValue;

/**
 * One state of a TLC counterexample. {@code number} is TLC's 1-based state number; {@code action} the name of the
 * action that produced it ({@code Init} for the first state), as TLC's label gives it, without the action's
 * parameters; {@code vars} the variables in TLC's order.
 */
public record TraceState(int number, String action, String module, int line, Map<String, TlaValue> vars) {
    public TraceState {
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    }
}
