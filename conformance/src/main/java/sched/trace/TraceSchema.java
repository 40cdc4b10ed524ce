package sched.trace;

import java.util.List;
import java.util.Set;

/**
 * What a reader expects of a trace, from the current spec: a null field is not checked.
 *
 * @param spec      the module name the trace must be of
 * @param specHash  the current {@link SpecHash}; a trace made from another version of the spec is refused
 * @param variables the spec's variables: every state must have exactly these
 * @param actions   the spec's actions (Init is always allowed)
 */
public record TraceSchema(String spec, String specHash, List<String> variables, Set<String> actions) {
    public static final TraceSchema NONE = new TraceSchema(null, null, null, null);
}
