package sched.trace;

import java.util.Objects;

/**
 * One step of a trace: the state after {@code action} with arguments {@code args}. Step 0 is the initial state,
 * with action {@code Init} and no arguments.
 *
 * @param args  the action's parameters by their names in the spec (e.g. {@code {"m":"m1","v":"p2"}})
 * @param state every variable of the spec, by name
 */
public record TraceStep(int step, String action, Json.JObject args, Json.JObject state) {
    public TraceStep {
        Objects.requireNonNull(action);
        Objects.requireNonNull(args);
        Objects.requireNonNull(state);
    }

    public Json toJson() {
        return Json.object().put("step", step).put("action", action).put("args", args).put("state", state).build();
    }
}
