package sched.traces;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import sched.tlc.TraceDeriver;
import sched.tlc.value.TlaFormat;
import sched.tlc.value.TlaValueParser;
import sched.trace.Json;
import sched.trace.JsonWriter;

/**
 * One spec and config loaded into TLC's evaluator ({@code tlc2.tool.impl.FastTool}), for the child JVMs of the
 * trace generator and the trace validator: initial states, and the successors of a state under every action
 * instance, in a deterministic order with the trace form (JSON) of each state.
 *
 * <p>Only one instance may exist per JVM (TLC keeps the spec in static state): {@link WalkChild} makes it.
 */
final class SpecModel {

    /** One disjunct of Next with its bound parameters, e.g. {@code RunqSteal} with {@code {"m":"m1","v":"p2"}}. */
    record Instance(String name, Json.JObject args, String argsText, tlc2.tool.Action action) {
        String label() {
            return Walks.label(name, args);
        }
    }

    /** A state reached by {@code by} (null for an initial state), in TLC's and in the trace's form. */
    record Succ(Instance by, tlc2.tool.TLCState tlc, Json.JObject state, String stateText) {}

    /** Candidates are ordered by action name, then arguments, then the successor's JSON text. */
    static final Comparator<Succ> ORDER = Comparator
            .comparing((Succ s) -> s.by() == null ? "" : s.by().name())
            .thenComparing(s -> s.by() == null ? "" : s.by().argsText())
            .thenComparing(Succ::stateText);

    final tlc2.tool.impl.FastTool tool;
    final List<String> variables;
    /** The action names in the order of Next's disjuncts, each once. */
    final List<String> actionNames;
    /** Every action instance, ordered by name then by argument text. */
    final List<Instance> instances;
    private final util.UniqueString[] varKeys;
    private final Map<String, Json> valueCache = new HashMap<>();

    private SpecModel(tlc2.tool.impl.FastTool tool) throws ReflectiveOperationException {
        this.tool = tool;
        this.variables = List.copyOf(TraceDeriver.declaredVariables(tool));
        this.varKeys = new util.UniqueString[variables.size()];
        for (int i = 0; i < varKeys.length; i++) varKeys[i] = util.UniqueString.uniqueStringOf(variables.get(i));
        LinkedHashSet<String> names = new LinkedHashSet<>();
        List<Instance> list = new ArrayList<>();
        for (tlc2.tool.Action a : tool.getActions()) {
            String name = a.getName().toString();
            names.add(name);
            Json.JObject args = TraceDeriver.actionArguments(a);
            list.add(new Instance(name, args, JsonWriter.write(args), a));
        }
        list.sort(Comparator.comparing(Instance::name).thenComparing(Instance::argsText));
        this.actionNames = List.copyOf(names);
        this.instances = List.copyOf(list);
    }

    /** Loads {@code spec}.tla from {@code specDir} with the config {@code cfgBase}.cfg (TLC's parser and evaluator). */
    static SpecModel load(Path specDir, String spec, String cfgBase) throws ReflectiveOperationException {
        tlc2.util.FP64.Init();
        tlc2.tool.impl.FastTool tool = new tlc2.tool.impl.FastTool(specDir.toString() + java.io.File.separator,
                spec, cfgBase, new util.SimpleFilenameToStream(specDir.toString()));
        return new SpecModel(tool);
    }

    /** The trace form of a TLC state: every variable in declaration order. */
    Json.JObject json(tlc2.tool.TLCState s) {
        Json.ObjectBuilder b = Json.object();
        for (int i = 0; i < varKeys.length; i++) {
            tlc2.value.IValue v = s.lookup(varKeys[i]);
            if (v == null) throw new IllegalStateException("variable " + variables.get(i) + " has no value");
            String text = v.toString();
            Json j = valueCache.get(text);
            if (j == null) {
                j = TlaFormat.toJson(TlaValueParser.parseLenient(text));
                if (valueCache.size() > 200_000) valueCache.clear();
                valueCache.put(text, j);
            }
            b.put(variables.get(i), j);
        }
        return b.build();
    }

    /** The initial states that satisfy the config's constraints, ordered by their JSON text. */
    List<Succ> initStates() {
        tlc2.tool.StateVec inits = tool.getInitStates();
        List<Succ> out = new ArrayList<>();
        for (int i = 0; i < inits.size(); i++) {
            tlc2.tool.TLCState s = inits.elementAt(i);
            if (!tool.isInModel(s)) continue;
            Json.JObject j = json(s);
            out.add(new Succ(null, s, j, JsonWriter.write(j)));
        }
        out.sort(ORDER);
        return dedupe(out);
    }

    /**
     * Every (action instance, successor) pair enabled in {@code s} that satisfies the config's state and action
     * constraints, in {@link #ORDER}, each pair once.
     */
    List<Succ> successors(tlc2.tool.TLCState s) {
        List<Succ> out = new ArrayList<>();
        for (Instance in : instances) out.addAll(successors(s, in));
        out.sort(ORDER);
        return dedupe(out);
    }

    /** The successors of {@code s} under one action instance (constraints applied), unordered. */
    List<Succ> successors(tlc2.tool.TLCState s, Instance in) {
        tlc2.tool.StateVec next = tool.getNextStates(in.action(), s);
        List<Succ> out = new ArrayList<>(next.size());
        for (int k = 0; k < next.size(); k++) {
            tlc2.tool.TLCState t = next.elementAt(k);
            if (!t.allAssigned()) {
                throw new IllegalStateException("action " + in.label() + " does not give every variable a value");
            }
            if (!tool.isInModel(t) || !tool.isInActions(s, t)) continue;
            Json.JObject j = json(t);
            out.add(new Succ(in, t, j, JsonWriter.write(j)));
        }
        return out;
    }

    /** Fingerprint-level successors for breadth-first search: no JSON, constraints applied, TLC's own order. */
    void forEachSuccessor(tlc2.tool.TLCState s, java.util.function.BiConsumer<Instance, tlc2.tool.TLCState> f) {
        for (Instance in : instances) {
            tlc2.tool.StateVec next = tool.getNextStates(in.action(), s);
            for (int k = 0; k < next.size(); k++) {
                tlc2.tool.TLCState t = next.elementAt(k);
                if (tool.isInModel(t) && tool.isInActions(s, t)) f.accept(in, t);
            }
        }
    }

    private static List<Succ> dedupe(List<Succ> sorted) {
        List<Succ> out = new ArrayList<>(sorted.size());
        Succ prev = null;
        for (Succ s : sorted) {
            if (prev != null && ORDER.compare(prev, s) == 0) continue;
            out.add(s);
            prev = s;
        }
        return out;
    }
}
