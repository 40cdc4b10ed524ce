package sched.traces;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import sched.trace.Json;

/**
 * The three kinds of walk through a spec's state graph (child JVM side). Every choice is made by a
 * {@link SplittableRandom} seeded with the walk's own seed among candidates in {@link SpecModel#ORDER}, so a walk
 * is a function of (spec, config, kind, seed, depth, aim) alone.
 *
 * <ul>
 *   <li>{@link #random}: from a random initial state, {@code depth} times a uniformly chosen enabled
 *       (action instance, successor) pair;</li>
 *   <li>{@link #coverage}: the same, but while some enabled action has not been taken yet in this walk, the
 *       choice is among the pairs of such actions only;</li>
 *   <li>{@link #aimed}: the shortest path (breadth-first, TLC's successor order, first found) from the initial
 *       states to a state where the aimed action is enabled, then that action, then a coverage walk up to
 *       {@code depth} steps in all.</li>
 * </ul>
 * A walk ends early in a state with no successor.
 */
final class Walks {
    private final SpecModel model;

    Walks(SpecModel model) {
        this.model = model;
    }

    /** A walk: its states (the first is initial; the others carry the action instance that led there). */
    record Walk(List<SpecModel.Succ> states, boolean terminal) {
        int length() { return states.size() - 1; }
    }

    /** Outcome of the search for an aimed action. */
    record AimResult(Walk walk, String problem) {}

    Walk random(long seed, int depth) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<SpecModel.Succ> inits = model.initStates();
        List<SpecModel.Succ> path = new ArrayList<>();
        path.add(inits.get(rng.nextInt(inits.size())));
        return extend(path, rng, depth, false);
    }

    Walk coverage(long seed, int depth) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<SpecModel.Succ> inits = model.initStates();
        List<SpecModel.Succ> path = new ArrayList<>();
        path.add(inits.get(rng.nextInt(inits.size())));
        return extend(path, rng, depth, true);
    }

    /**
     * A walk that takes {@code aim}: the breadth-first shortest path to a state where it is enabled (at most
     * {@code maxStates} states explored), the aimed step chosen at random among its successors, then a coverage
     * walk up to {@code depth} steps in all. The problem says why there is no walk (never enabled in the whole
     * reachable state space, or the search budget ran out).
     */
    AimResult aimed(String aim, long seed, int depth, int maxStates) {
        List<SpecModel.Instance> targets = model.instances.stream().filter(i -> i.name().equals(aim)).toList();
        if (targets.isEmpty()) return new AimResult(null, "the spec has no action " + aim);
        List<tlc2.tool.TLCState> states = new ArrayList<>();
        List<Integer> parent = new ArrayList<>();
        List<SpecModel.Instance> via = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (SpecModel.Succ s : model.initStates()) {
            if (seen.add(s.tlc().fingerPrint())) {
                states.add(s.tlc());
                parent.add(-1);
                via.add(null);
            }
        }
        int found = -1;
        for (int i = 0; i < states.size() && found < 0; i++) {
            tlc2.tool.TLCState s = states.get(i);
            for (SpecModel.Instance t : targets) {
                if (!model.successors(s, t).isEmpty()) {
                    found = i;
                    break;
                }
            }
            if (found >= 0) break;
            if (states.size() > maxStates) {
                return new AimResult(null, "not enabled in the first " + states.size()
                        + " states of a breadth-first search (budget " + maxStates + ")");
            }
            int from = i;
            model.forEachSuccessor(s, (in, t) -> {
                if (seen.add(t.fingerPrint())) {
                    states.add(t);
                    parent.add(from);
                    via.add(in);
                }
            });
        }
        if (found < 0) {
            return new AimResult(null, "never enabled: a breadth-first search of all " + states.size()
                    + " reachable states found no state where it is");
        }
        List<Integer> chain = new ArrayList<>();
        for (int i = found; i >= 0; i = parent.get(i)) chain.addFirst(i);
        List<SpecModel.Succ> path = new ArrayList<>();
        for (int i : chain) {
            Json.JObject j = model.json(states.get(i));
            path.add(new SpecModel.Succ(via.get(i), states.get(i), j, sched.trace.JsonWriter.write(j)));
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<SpecModel.Succ> options = new ArrayList<>();
        for (SpecModel.Instance t : targets) options.addAll(model.successors(path.getLast().tlc(), t));
        options.sort(SpecModel.ORDER);
        path.add(options.get(rng.nextInt(options.size())));
        return new AimResult(extend(path, rng, Math.max(depth, path.size() - 1), true), null);
    }

    private Walk extend(List<SpecModel.Succ> path, SplittableRandom rng, int depth, boolean biased) {
        Set<String> taken = new HashSet<>();
        for (SpecModel.Succ s : path) if (s.by() != null) taken.add(s.by().name());
        while (path.size() - 1 < depth) {
            List<SpecModel.Succ> cands = model.successors(path.getLast().tlc());
            if (cands.isEmpty()) return new Walk(path, true);
            if (biased) {
                List<SpecModel.Succ> fresh = cands.stream().filter(c -> !taken.contains(c.by().name())).toList();
                if (!fresh.isEmpty()) cands = fresh;
            }
            SpecModel.Succ next = cands.get(rng.nextInt(cands.size()));
            taken.add(next.by().name());
            path.add(next);
        }
        return new Walk(path, false);
    }

    /** {@code Name(k=v, ...)} for messages; just {@code Name} without arguments. */
    static String label(String name, Json.JObject args) {
        if (args == null || args.size() == 0) return name;
        List<String> parts = new ArrayList<>();
        args.fields().forEach((k, v) -> parts.add(k + "=" + (v instanceof Json.JString s ? s.value() : v.toText())));
        return name + "(" + String.join(", ", parts) + ")";
    }
}
