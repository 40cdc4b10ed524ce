package sched.trace;

import java.util.List;

/** A behaviour of a spec: a header and its steps, step 0 being the initial state. */
public record Trace(TraceHeader header, List<TraceStep> steps) {
    public Trace {
        steps = List.copyOf(steps);
    }

    /** The number of actions taken (steps after the initial state). */
    public int length() {
        return Math.max(0, steps.size() - 1);
    }
}
