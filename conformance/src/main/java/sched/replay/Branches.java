package sched.replay;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import sched.trace.Json;
import sched.trace.Trace;
import sched.trace.TraceStep;

/**
 * Which branch of its action each step of a trace takes, as far as the states show it.
 *
 * <p>An action of a spec often has several outcomes (Spinning.tla's RecheckAllP either takes an idle P back to
 * schedule or goes to park; GlobRunqGet is taken from schedule or from the stop path). A sample of the corpus
 * chosen by file position alone can miss the rare ones, and a mutant of the Java on such a branch then survives
 * the default test run. A branch key names: the action; the acting M's pc before and after the step, for specs
 * whose state has a per-M pc map ({@code mpc}) and whose step names the M ({@code args.m}); and the set of
 * variables the step changed. Two steps with the same key took the same path as far as any state comparison can
 * tell.
 */
public final class Branches {
    private Branches() {}

    /** The branch keys of every step after the initial state, in order of first appearance. */
    public static Set<String> of(Trace trace) {
        Set<String> keys = new LinkedHashSet<>();
        TraceStep prev = null;
        for (TraceStep s : trace.steps()) {
            if (prev != null) keys.add(key(prev, s));
            prev = s;
        }
        return keys;
    }

    /** The branch key of {@code step}, taken from {@code before}. */
    static String key(TraceStep before, TraceStep step) {
        StringBuilder sb = new StringBuilder(step.action());
        Json m = step.args().get("m");
        Json pc0 = before.state().get("mpc"), pc1 = step.state().get("mpc");
        if (m instanceof Json.JString ms && pc0 instanceof Json.JObject p0 && pc1 instanceof Json.JObject p1) {
            sb.append(' ').append(text(p0.get(ms.value()))).append("->").append(text(p1.get(ms.value())));
        }
        Set<String> changed = new TreeSet<>();
        for (Map.Entry<String, Json> e : step.state().fields().entrySet()) {
            if (!e.getValue().equals(before.state().get(e.getKey()))) changed.add(e.getKey());
        }
        return sb.append(' ').append(changed).toString();
    }

    private static String text(Json v) {
        return v instanceof Json.JString s ? s.value() : String.valueOf(v);
    }
}
