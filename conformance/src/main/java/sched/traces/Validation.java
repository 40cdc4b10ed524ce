package sched.traces;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import sched.trace.Json;
import sched.trace.JsonWriter;
import sched.trace.Trace;
import sched.trace.TraceFormatException;
import sched.trace.TraceSchema;
import sched.trace.TraceStep;

/**
 * The child side of {@link TraceValidator}: is a trace a behaviour of the spec? Its first state must be an
 * initial state, and for each step k there must be an instance of the step's action, with the step's arguments,
 * whose successors of the state of step k-1 (under the config's constraints) include the state of step k.
 * The first step that fails is reported with the variables in which the closest successor differs.
 */
final class Validation {
    private Validation() {}

    /** Job fields: {@code files} (paths), {@code specHash}, {@code constants} (the config's, as JSON). */
    static void run(SpecModel model, Json.JObject job, BufferedWriter w) throws IOException {
        String spec = WalkChild.str(job, "spec");
        String specHash = job.get("specHash") instanceof Json.JString s ? s.value() : null;
        // the hash is checked per trace below: a trace without one (a recording that names no version) is accepted
        // and the variables too: auxiliary variables (aux*) may be left out
        TraceSchema schema = new TraceSchema(spec, null, null, new HashSet<>(model.actionNames));
        Json.JObject constants = job.get("constants") instanceof Json.JObject c ? c : null;
        String cfgFile = job.get("configFile") instanceof Json.JString s ? s.value() : WalkChild.str(job, "cfgBase") + ".cfg";
        String configName = job.get("configName") instanceof Json.JString s ? s.value() : null;
        for (Json x : ((Json.JArray) job.get("files")).items()) {
            Path file = Path.of(((Json.JString) x).value());
            List<TraceBundle.Entry> entries;
            try {
                entries = TraceBundle.read(file, schema);
            } catch (TraceFormatException e) {
                write(w, bad(file, e.line(), e.detail()));
                continue;
            } catch (IOException e) {
                write(w, bad(file, 1, "cannot read: " + e.getMessage()));
                continue;
            }
            for (int i = 0; i < entries.size(); i++) {
                TraceBundle.Entry en = entries.get(i);
                Trace t = en.trace();
                String cfg = t.header().config() == null ? TraceValidator.DEFAULT_CONFIG : t.header().config();
                String h = t.header().specHash();
                String problem = variablesProblem(model.variables, t.header().variables()) != null
                        ? variablesProblem(model.variables, t.header().variables())
                        : h != null && specHash != null && !h.equals(specHash)
                        ? "spec hash mismatch: the trace was made from " + spec + " version " + h + ", the spec is now "
                        + specHash + " (regenerate the trace)"
                        : configName != null && !configName.equals(cfg)
                        ? "trace of config " + cfg + " in a file validated against config " + configName
                        + " (one config per file)"
                        : constantsProblem(t, constants, cfgFile);
                Json.JObject r = problem != null ? bad(file, en.firstLine(), problem) : check(model, file, t, en);
                Json.ObjectBuilder b = Json.object();
                r.fields().forEach(b::put);
                write(w, b.put("trace", i).put("traceLine", en.firstLine()).build());
            }
        }
    }

    private static void write(BufferedWriter w, Json.JObject o) throws IOException {
        w.write(JsonWriter.write(o));
        w.write('\n');
    }

    /** Auxiliary variables (history only, not part of the abstract state: docs/SPECS.md) are named {@code aux...}. */
    static boolean auxiliary(String variable) {
        return variable.startsWith("aux");
    }

    /** The header's variables must be the spec's, except that auxiliary ones may be missing. */
    private static String variablesProblem(List<String> spec, List<String> header) {
        TreeSet<String> missing = new TreeSet<>(spec);
        header.forEach(missing::remove);
        missing.removeIf(Validation::auxiliary);
        TreeSet<String> extra = new TreeSet<>(header);
        spec.forEach(extra::remove);
        if (missing.isEmpty() && extra.isEmpty()) return null;
        return "header variables differ from the spec's"
                + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
                + (extra.isEmpty() ? "" : "; not in the spec: " + String.join(", ", extra))
                + " (only auxiliary variables, aux..., may be left out)";
    }

    private static String constantsProblem(Trace t, Json.JObject cfg, String cfgFile) {
        if (cfg == null || t.header().constants().size() == 0) return null;
        List<String> differ = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(cfg.fields().keySet());
        keys.addAll(t.header().constants().fields().keySet());
        for (String k : keys) {
            Json a = t.header().constants().get(k);
            Json b = cfg.get(k);
            if (a == null || !a.equals(b)) {
                differ.add(k + " (trace " + (a == null ? "-" : a.toText()) + ", config " + (b == null ? "-" : b.toText()) + ")");
            }
        }
        return differ.isEmpty() ? null
                : "the trace's constants differ from " + cfgFile + ": " + String.join("; ", differ);
    }

    /**
     * Follows the trace through the spec. When the trace leaves out auxiliary variables several spec states can
     * match one trace state, so the set of every matching state is followed (each once, by fingerprint).
     */
    private static Json.JObject check(SpecModel model, Path file, Trace t, TraceBundle.Entry en) {
        List<TraceStep> steps = t.steps();
        List<String> vars = t.header().variables();
        List<SpecModel.Succ> current = new ArrayList<>();
        List<SpecModel.Succ> inits = model.initStates();
        Json.JObject first = steps.getFirst().state();
        for (SpecModel.Succ s : inits) if (matches(s.state(), first, vars)) current.add(s);
        if (current.isEmpty()) {
            SpecModel.Succ closest = closest(inits, first, vars);
            return notBehaviour(file, en, 0, "Init", "the first state is not an initial state of the spec; "
                    + describe(closest, first, vars, "the closest initial state"), closest, first, vars);
        }
        for (int k = 1; k < steps.size(); k++) {
            TraceStep step = steps.get(k);
            Json.JObject want = step.state();
            String label = Walks.label(step.action(), step.args());
            List<SpecModel.Instance> named = model.instances.stream().filter(i -> i.name().equals(step.action())).toList();
            List<SpecModel.Instance> exact = named.stream().filter(i -> i.args().equals(step.args())).toList();
            if (exact.isEmpty()) {
                TreeSet<String> shapes = new TreeSet<>();
                named.forEach(i -> shapes.add(i.label()));
                return notBehaviour(file, en, k, step.action(), "step " + k + ": " + step.action()
                        + " has no instance with arguments " + step.args().toText() + " (its instances: "
                        + String.join(", ", shapes) + ")", null, want, vars);
            }
            List<SpecModel.Succ> succ = new ArrayList<>();
            for (SpecModel.Succ c : current) {
                for (SpecModel.Instance in : exact) succ.addAll(model.successors(c.tlc(), in));
            }
            succ.sort(SpecModel.ORDER);
            List<SpecModel.Succ> next = new ArrayList<>();
            java.util.Set<Long> seen = new HashSet<>();
            for (SpecModel.Succ s : succ) {
                if (matches(s.state(), want, vars) && seen.add(s.tlc().fingerPrint())) next.add(s);
            }
            if (next.isEmpty()) {
                String msg;
                SpecModel.Succ closest;
                List<SpecModel.Succ> any = new ArrayList<>();
                for (SpecModel.Succ c : current) any.addAll(model.successors(c.tlc()));
                any.sort(SpecModel.ORDER);
                SpecModel.Succ instead = any.stream().filter(x -> matches(x.state(), want, vars)).findFirst().orElse(null);
                if (succ.isEmpty()) {
                    closest = instead != null ? instead : closest(any, want, vars);
                    msg = "step " + k + ": " + label + " is not enabled in the state of step " + (k - 1)
                            + (closest == null ? " (no action is)" : instead != null
                            ? "; " + instead.by().label() + " leads to exactly the state of step " + k
                            : "; " + describe(closest, want, vars, "the closest successor (by " + closest.by().label() + ")"));
                } else {
                    closest = closest(succ, want, vars);
                    msg = "step " + k + ": " + label + " does not lead from the state of step " + (k - 1)
                            + " to the state of step " + k + "; " + describe(closest, want, vars, "its closest successor")
                            + (instead != null ? "; " + instead.by().label() + " does" : "");
                }
                return notBehaviour(file, en, k, step.action(), msg, closest, want, vars);
            }
            current = next;
        }
        return Json.object().put("file", file.toString()).put("status", "valid").put("steps", steps.size() - 1).build();
    }

    /** Equal in every variable the trace has. */
    private static boolean matches(Json.JObject spec, Json.JObject trace, List<String> vars) {
        for (String v : vars) if (!trace.get(v).equals(spec.get(v))) return false;
        return true;
    }

    private static SpecModel.Succ closest(List<SpecModel.Succ> cands, Json.JObject want, List<String> vars) {
        SpecModel.Succ best = null;
        int bestDiff = Integer.MAX_VALUE;
        for (SpecModel.Succ s : cands) {
            int d = differing(s.state(), want, vars).size();
            if (d < bestDiff) {
                best = s;
                bestDiff = d;
            }
        }
        return best;
    }

    static List<String> differing(Json.JObject have, Json.JObject want, List<String> vars) {
        List<String> out = new ArrayList<>();
        for (String v : vars) {
            if (!want.get(v).equals(have.get(v))) out.add(v);
        }
        return out;
    }

    /** "closest ... differs in x, y: x[k]: trace 1, spec 2; y: trace [], spec [g1]" */
    private static String describe(SpecModel.Succ closest, Json.JObject want, List<String> traceVars, String what) {
        if (closest == null) return "nothing to compare with";
        List<String> vars = differing(closest.state(), want, traceVars);
        List<String> parts = new ArrayList<>();
        for (String v : vars) {
            Json t = want.get(v);
            Json s = closest.state().get(v);
            if (t instanceof Json.JObject to && s instanceof Json.JObject so && to.fields().keySet().equals(so.fields().keySet())) {
                to.fields().forEach((k, tv) -> {
                    if (!tv.equals(so.get(k))) parts.add(v + "[" + k + "]: trace " + tv.toText() + ", spec " + so.get(k).toText());
                });
            } else {
                parts.add(v + ": trace " + t.toText() + ", spec " + s.toText());
            }
        }
        return what + " differs in " + String.join(", ", vars) + " (" + String.join("; ", parts) + ")";
    }

    private static Json.JObject notBehaviour(Path file, TraceBundle.Entry en, int step, String action, String message,
                                             SpecModel.Succ closest, Json.JObject want, List<String> traceVars) {
        Json.ObjectBuilder b = Json.object().put("file", file.toString()).put("status", "not-a-behaviour")
                .put("line", en.lineOfStep(step)).put("step", step).put("action", action).put("message", message);
        List<String> vars = closest == null ? List.of() : differing(closest.state(), want, traceVars);
        b.put("differs", Json.array(vars.stream().map(Json::of).toList()));
        if (closest != null && closest.by() != null) b.put("closestBy", closest.by().label());
        return b.build();
    }

    private static Json.JObject bad(Path file, int line, String message) {
        return Json.object().put("file", file.toString()).put("status", "bad-input").put("line", line)
                .put("message", message).build();
    }
}
