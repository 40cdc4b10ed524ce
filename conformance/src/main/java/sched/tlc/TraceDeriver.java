package sched.tlc;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import sched.tlc.value.TlaFormat;
import sched.tlc.value.TlaValue;
import sched.tlc.value.TlaValueParser;
import sched.trace.Json;
import sched.trace.JsonReader;
import sched.trace.JsonWriter;

/**
 * Recovers what TLC's counterexample does not print: the parameters of each step's action (TLC's state label
 * names only the action, e.g. {@code <StartM line 40 ...>}, not {@code m = m2}), the spec's variables in
 * declaration order, and the list of its actions.
 *
 * <p>It replays the counterexample with TLC's own evaluator ({@code tlc2.tool.impl.FastTool}) in a child JVM:
 * starting from the initial state that equals state 1, for each step it enumerates the successors of every
 * action instance with the step's action name ({@code getActions()} splits Next into its disjuncts and expands
 * {@code \E} over constant sets), and takes the first whose variables equal the next state. The parameters are
 * the bound formal parameters of that action instance (for {@code StartM(m)}: {@code m}), or, for an action
 * written inline under {@code \E}, the bound variables of its context.
 */
public final class TraceDeriver {
    private TraceDeriver() {}

    /** One step's action and arguments; {@code args} null when no action instance produced the state. */
    public record StepArgs(String action, Json.JObject args) {}

    /**
     * @param variables the spec's variables in declaration order
     * @param actions   the spec's action names, in the order of Next's disjuncts, each once
     * @param steps     one entry per counterexample state (the first is Init)
     * @param problem   why derivation stopped early, or null
     */
    public record Derived(List<String> variables, List<String> actions, List<StepArgs> steps, String problem) {}

    /**
     * Derives the arguments of {@code result}'s counterexample. {@code result} must come from a run whose work
     * directory still holds the spec copy ({@code spec/}).
     */
    public static Derived derive(TlcResult result, String specName, String configFileName)
            throws IOException, InterruptedException {
        Path dir = result.workDir();
        Path specDir = dir.resolve("spec");
        Path tmp = dir.resolve("tmp-derive");
        Files.createDirectories(tmp);
        Path in = dir.resolve("counterexample.ndjson");
        Path out = dir.resolve("derived.ndjson");
        StringBuilder sb = new StringBuilder();
        for (TraceState s : result.counterexample()) {
            Json.ObjectBuilder vars = Json.object();
            s.vars().forEach((k, v) -> vars.put(k, TlaFormat.format(v)));
            sb.append(JsonWriter.write(Json.object().put("action", s.action()).put("vars", vars.build()).build())).append('\n');
        }
        Files.writeString(in, sb.toString());
        String cfgBase = configFileName.endsWith(".cfg")
                ? configFileName.substring(0, configFileName.length() - 4) : configFileName;
        List<String> cmd = new ArrayList<>(List.of(TlcRunner.javaExecutable(), "-XX:+UseParallelGC", "-Xss4m",
                "-Djava.io.tmpdir=" + tmp, "-cp", TlcRunner.childClassPath(), TlcChild.class.getName(),
                "derive", specDir.toString(), specName, cfgBase, in.toString(), out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(specDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("derive.log").toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return new Derived(List.of(), List.of(), List.of(), "deriving the action arguments timed out");
            }
        } finally {
            if (p.isAlive()) p.destroyForcibly();
        }
        TlcRunner.deleteTree(tmp);
        if (!Files.exists(out)) {
            return new Derived(List.of(), List.of(), List.of(),
                    "deriving the action arguments failed (exit " + p.exitValue() + ", see " + dir.resolve("derive.log") + ")");
        }
        return readDerived(out);
    }

    private static Derived readDerived(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out);
        List<String> vars = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        List<StepArgs> steps = new ArrayList<>();
        String problem = null;
        for (String l : lines) {
            if (l.isBlank()) continue;
            Json.JObject o;
            try {
                o = (Json.JObject) JsonReader.parse(l);
            } catch (JsonReader.JsonSyntaxException | ClassCastException e) {
                return new Derived(vars, actions, steps, "unreadable derivation output: " + l);
            }
            if (o.get("variables") instanceof Json.JArray a) {
                a.items().forEach(x -> vars.add(((Json.JString) x).value()));
                if (o.get("actions") instanceof Json.JArray b) b.items().forEach(x -> actions.add(((Json.JString) x).value()));
            } else if (o.get("problem") instanceof Json.JString s) {
                problem = s.value();
            } else {
                String action = ((Json.JString) o.get("action")).value();
                Json.JObject args = o.get("args") instanceof Json.JObject x ? x : null;
                steps.add(new StepArgs(action, args));
            }
        }
        return new Derived(vars, actions, steps, problem);
    }

    // ---------------------------------------------------------------- the child side

    /** {@code derive SPECDIR SPEC CONFIG(without .cfg) INPUT OUTPUT}; returns the exit status. */
    static int childMain(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: derive SPECDIR SPEC CONFIG INPUT OUTPUT");
            return 2;
        }
        Path specDir = Path.of(args[0]);
        Path input = Path.of(args[3]);
        Path output = Path.of(args[4]);
        List<String> out = new ArrayList<>();
        try {
            deriveInProcess(specDir, args[1], args[2], Files.readAllLines(input), out);
        } finally {
            Files.write(output, out, StandardCharsets.UTF_8);
        }
        return 0;
    }

    private static void deriveInProcess(Path specDir, String spec, String cfg, List<String> inputLines, List<String> out)
            throws Exception {
        tlc2.util.FP64.Init();
        tlc2.tool.impl.FastTool tool = new tlc2.tool.impl.FastTool(specDir.toString() + java.io.File.separator,
                spec, cfg, new util.SimpleFilenameToStream(specDir.toString()));
        List<String> variables = declaredVariables(tool);
        tlc2.tool.Action[] actions = tool.getActions();
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (tlc2.tool.Action a : actions) names.add(a.getName().toString());
        out.add(JsonWriter.write(Json.object()
                .put("variables", Json.array(variables.stream().map(Json::of).toList()))
                .put("actions", Json.array(names.stream().map(Json::of).toList())).build()));

        List<String> labels = new ArrayList<>();
        List<Map<String, TlaValue>> states = new ArrayList<>();
        for (String l : inputLines) {
            if (l.isBlank()) continue;
            Json.JObject o = (Json.JObject) JsonReader.parse(l);
            labels.add(((Json.JString) o.get("action")).value());
            Map<String, TlaValue> vars = new LinkedHashMap<>();
            ((Json.JObject) o.get("vars")).fields().forEach((k, v) ->
                    vars.put(k, TlaValueParser.parseLenient(((Json.JString) v).value())));
            states.add(vars);
        }
        if (states.isEmpty()) return;

        tlc2.tool.TLCState current = null;
        tlc2.tool.StateVec inits = tool.getInitStates();
        for (int i = 0; i < inits.size(); i++) {
            if (same(inits.elementAt(i), states.getFirst())) {
                current = inits.elementAt(i);
                break;
            }
        }
        if (current == null) {
            out.add(problem("no initial state of the spec equals the counterexample's first state"));
            return;
        }
        out.add(step("Init", Json.object().build()));
        for (int s = 1; s < states.size(); s++) {
            String label = labels.get(s);
            tlc2.tool.TLCState next = null;
            tlc2.tool.Action taken = null;
            for (int pass = 0; pass < 2 && next == null; pass++) {
                for (tlc2.tool.Action a : actions) {
                    // first the actions with the step's name, then (should TLC's label differ) all others
                    boolean named = a.getName().toString().equals(label);
                    if (named != (pass == 0)) continue;
                    tlc2.tool.StateVec succ = tool.getNextStates(a, current);
                    for (int k = 0; k < succ.size(); k++) {
                        if (same(succ.elementAt(k), states.get(s))) {
                            next = succ.elementAt(k);
                            taken = a;
                            break;
                        }
                    }
                    if (next != null) break;
                }
            }
            if (next == null) {
                out.add(problem("no action instance leads from state " + s + " to state " + (s + 1)
                        + " (label " + label + ")"));
                return;
            }
            out.add(step(taken.getName().toString(), arguments(taken)));
            current = next;
        }
    }

    /**
     * The spec's variables in declaration order (the modules it extends first), as trace headers list them; TLC's
     * internal order should the declarations not match. Also used by {@code sched.traces}.
     */
    public static List<String> declaredVariables(tlc2.tool.impl.FastTool tool) {
        // Declaration order (TLC's own TLCState.vars order is its internal one).
        // SANY's getVariableDecls() is not in source order either: sort by where each is declared, the root
        // module's own variables after those of the modules it extends.
        String rootName = tool.getSpecProcessor().getRootModule().getName().toString();
        List<tla2sany.semantic.OpDeclNode> decls =
                new ArrayList<>(List.of(tool.getSpecProcessor().getRootModule().getVariableDecls()));
        decls.sort(java.util.Comparator
                .comparing((tla2sany.semantic.OpDeclNode v) -> rootName.equals(v.getLocation().source()) ? 1 : 0)
                .thenComparing(v -> v.getLocation().source())
                .thenComparingInt(v -> v.getLocation().beginLine())
                .thenComparingInt(v -> v.getLocation().beginColumn()));
        List<String> variables = new ArrayList<>();
        for (tla2sany.semantic.OpDeclNode v : decls) variables.add(v.getName().toString());
        List<String> internal = new ArrayList<>();
        for (tla2sany.semantic.OpDeclNode v : tlc2.tool.TLCState.vars) internal.add(v.getName().toString());
        if (!new java.util.HashSet<>(variables).equals(new java.util.HashSet<>(internal))) variables = internal;
        return variables;
    }

    /** The action instance's parameters as trace {@code args} (see {@link #arguments}); also used by {@code sched.traces}. */
    public static Json.JObject actionArguments(tlc2.tool.Action a) throws ReflectiveOperationException {
        return arguments(a);
    }

    private static boolean same(tlc2.tool.TLCState s, Map<String, TlaValue> expected) {
        for (tla2sany.semantic.OpDeclNode v : tlc2.tool.TLCState.vars) {
            String name = v.getName().toString();
            tlc2.value.IValue val = s.lookup(v.getName());
            if (val == null) return false;
            TlaValue want = expected.get(name);
            if (want == null || !want.equals(TlaValueParser.parseLenient(val.toString()))) return false;
        }
        return true;
    }

    /** The action instance's parameters: its operator's formal parameters, else the \E-bound names of its context. */
    private static Json.JObject arguments(tlc2.tool.Action a) throws ReflectiveOperationException {
        LinkedHashMap<String, TlaValue> args = new LinkedHashMap<>();
        tla2sany.semantic.OpDefNode def = a.getOpDef();
        if (def != null && def.getParams() != null && def.getParams().length > 0) {
            for (tla2sany.semantic.FormalParamNode p : def.getParams()) {
                Object v = a.con.lookup(p);
                if (v != null) args.put(p.getName().toString(), TlaValueParser.parseLenient(v.toString()));
            }
        } else {
            // Walk the context (innermost binding first) and keep the first binding of each name.
            Field name = tlc2.util.Context.class.getDeclaredField("name");
            Field value = tlc2.util.Context.class.getDeclaredField("value");
            Field next = tlc2.util.Context.class.getDeclaredField("next");
            name.setAccessible(true);
            value.setAccessible(true);
            next.setAccessible(true);
            List<Map.Entry<String, TlaValue>> bound = new ArrayList<>();
            for (tlc2.util.Context c = a.con; c != null; c = (tlc2.util.Context) next.get(c)) {
                Object n = name.get(c);
                if (n instanceof tla2sany.semantic.SymbolNode sym && value.get(c) != null) {
                    String k = sym.getName().toString();
                    if (bound.stream().noneMatch(e -> e.getKey().equals(k))) {
                        bound.add(Map.entry(k, TlaValueParser.parseLenient(value.get(c).toString())));
                    }
                }
            }
            for (int i = bound.size() - 1; i >= 0; i--) args.put(bound.get(i).getKey(), bound.get(i).getValue());
        }
        Json.ObjectBuilder b = Json.object();
        args.forEach((k, v) -> b.put(k, TlaFormat.toJson(v)));
        return b.build();
    }

    private static String step(String action, Json.JObject args) {
        return JsonWriter.write(Json.object().put("action", action).put("args", args).build());
    }

    private static String problem(String msg) {
        return JsonWriter.write(Json.object().put("problem", msg).build());
    }
}
