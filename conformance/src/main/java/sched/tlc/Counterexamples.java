package sched.tlc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import sched.tlc.value.TlaFormat;
import sched.tlc.value.TlaValue;
import sched.trace.Json;
import sched.trace.Trace;
import sched.trace.TraceHeader;
import sched.trace.TraceStep;

/** Turns a TLC counterexample into a trace file and into a readable step table. */
public final class Counterexamples {
    private Counterexamples() {}

    /** The generator name of traces made from counterexamples. */
    public static final String GENERATOR = "tlc-counterexample";

    /**
     * The counterexample of {@code result} as a trace. {@code derived} supplies the action arguments, the
     * variable order and the action list; when it is null or incomplete the steps it lacks get TLC's action label
     * and empty arguments, and the header says so ({@code "argsMissing"}).
     */
    public static Trace toTrace(TlcResult result, TraceDeriver.Derived derived, String spec, String specHash,
                                String configName, TlcConfigFile config) {
        List<TraceState> states = result.counterexample();
        List<String> variables = new ArrayList<>();
        if (derived != null && !derived.variables().isEmpty()) {
            variables.addAll(derived.variables());
        } else if (!states.isEmpty()) {
            variables.addAll(states.getFirst().vars().keySet());
        }
        Json.ObjectBuilder constants = Json.object();
        if (config != null) config.constants().forEach((k, v) -> constants.put(k, TlaFormat.toJson(v)));
        TraceHeader header = new TraceHeader(spec, specHash, configName, constants.build(), GENERATOR, null,
                result.tlcVersion() == null || result.tlcVersion().isEmpty() ? null : result.tlcVersion(),
                variables, derived == null ? List.of() : derived.actions(), Map.of());
        Violation v = result.violation();
        if (v != null) {
            header = header.withExtra("violation", Json.object()
                    .put("property", Json.of(v.property()))
                    .put("kind", v.kind().lower()).build());
        }
        if (result.loopBackTo() >= 0) header = header.withExtra("loop", Json.of(result.loopBackTo()));
        if (result.stuttering()) header = header.withExtra("stuttering", Json.TRUE);
        boolean complete = derived != null && derived.steps().size() == states.size();
        if (!complete) {
            String why = derived == null ? "arguments not derived"
                    : Objects.requireNonNullElse(derived.problem(), "arguments derived for only "
                    + derived.steps().size() + " of " + states.size() + " states");
            header = header.withExtra("argsMissing", Json.of(why));
        }
        List<TraceStep> steps = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            TraceState s = states.get(i);
            String action = i == 0 ? "Init" : s.action();
            Json.JObject args = Json.object().build();
            if (derived != null && i < derived.steps().size() && derived.steps().get(i).args() != null) {
                action = i == 0 ? "Init" : derived.steps().get(i).action();
                args = derived.steps().get(i).args();
            }
            Json.ObjectBuilder state = Json.object();
            for (String var : variables) {
                TlaValue val = s.vars().get(var);
                state.put(var, val == null ? Json.NULL : TlaFormat.toJson(val));
            }
            steps.add(new TraceStep(i, action, args, state.build()));
        }
        return new Trace(header, steps);
    }

    /**
     * A readable table of the counterexample: step, action with its arguments, and only the variables whose value
     * changed (all of them for the initial state); for a function (a JSON object) with the same domain only the
     * entries that changed, as {@code var[key] = value}. Values are in the trace's JSON form.
     */
    public static String stepTable(Trace trace) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"step", "action", "changed"});
        Map<String, Json> prev = null;
        for (TraceStep s : trace.steps()) {
            StringBuilder act = new StringBuilder(s.action());
            if (s.args().size() > 0) {
                List<String> parts = new ArrayList<>();
                s.args().fields().forEach((k, v) -> parts.add(k + "=" + plain(v)));
                act.append('(').append(String.join(", ", parts)).append(')');
            }
            List<String> changed = new ArrayList<>();
            for (Map.Entry<String, Json> e : s.state().fields().entrySet()) {
                Json before = prev == null ? null : prev.get(e.getKey());
                Json now = e.getValue();
                if (before != null && before.equals(now)) continue;
                if (before instanceof Json.JObject b && now instanceof Json.JObject n
                        && b.fields().keySet().equals(n.fields().keySet())) {
                    // a function: only the entries that changed, as var[key] = value
                    n.fields().forEach((k, v) -> {
                        if (!v.equals(b.get(k))) changed.add(e.getKey() + "[" + k + "] = " + plain(v));
                    });
                } else {
                    changed.add(e.getKey() + " = " + plain(now));
                }
            }
            if (changed.isEmpty()) changed.add("(nothing: stuttering or a return to an earlier state)");
            String label = Integer.toString(s.step());
            rows.add(new String[] {label, act.toString(), changed.getFirst()});
            for (int i = 1; i < changed.size(); i++) rows.add(new String[] {"", "", changed.get(i)});
            prev = new LinkedHashMap<>(s.state().fields());
        }
        Object loop = trace.header().extra().get("loop");
        String table = Tables.render(rows, false);
        if (loop != null) table += "(the last state equals the state of step " + loop + ": the behaviour repeats from there forever)\n";
        if (Json.TRUE.equals(trace.header().extra().get("stuttering"))) table += "(then the system stutters forever)\n";
        return table;
    }

    /** A JSON value written compactly, strings without quotes. */
    static String plain(Json v) {
        return v instanceof Json.JString s ? s.value() : v.toText();
    }
}
