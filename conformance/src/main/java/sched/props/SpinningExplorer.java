package sched.props;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import sched.replay.JsonState;
import sched.replay.Script;
import sched.replay.SpinningSession;
import sched.runtime.DeadlockException;
import sched.runtime.DeterministicSeam.Kind;
import sched.runtime.DeterministicSeam.Stop;
import sched.runtime.M;
import sched.runtime.MState;
import sched.runtime.Seam;
import sched.runtime.Snapshot;
import sched.runtime.Step;
import sched.trace.Json;
import sched.trace.Trace;
import sched.trace.TraceHeader;
import sched.trace.TraceStep;

/**
 * One test case of the scheduler properties: a random scenario under a random interleaving, every decision drawn
 * from one {@link Choices} stream, run on the real Java runtime through the deterministic seam.
 *
 * <ol>
 *   <li>The shape: GOMAXPROCS, the number of Ms and goroutine slots, the ring capacity, shared channels (0 to 2,
 *       unbuffered or of capacity 1), the budget of goroutine operations.</li>
 *   <li>Then, step by step: which enabled M moves (an M at a gate; an asleep M only once woken); when that M's
 *       goroutine asks what to do, the operation: spawn a goroutine, ready one parked on its own channel, park,
 *       yield, exit, or send/receive on a shared channel (spawn trees, channel patterns, parks and readies).
 *       fastrand's draws (the steal order) come from the stream too.</li>
 *   <li>After every step the abstract state must satisfy Spinning.tla's safety properties
 *       ({@link SpinningInvariants}); in starvation mode, every runnable goroutine must run within B dispatches of
 *       others (Fairness.tla's bound).</li>
 *   <li>When no M can move: every M parked (or never started), every goroutine finished or waiting, and
 *       checkdead's report names exactly the waiting ones (Go's "all goroutines are asleep").</li>
 * </ol>
 * Each step is recorded with its action, arguments and state, so a failing case becomes a trace file.
 */
public final class SpinningExplorer {
    /**
     * @param maxPs     GOMAXPROCS is 1..maxPs (starvation mode: 1)
     * @param maxGs     goroutine slots: 2..maxGs
     * @param opBudget  at most this many goroutine operations (then every goroutine exits when asked)
     * @param maxSteps  a case that has not quiesced after this many steps fails
     * @param channels  use shared channels
     * @param wrap      wraps the deterministic seam (a deliberately broken seam in the shrinker's test); null: none
     * @param starvation bounded-starvation mode: one P, the global-queue check every {@code period} ticks, and
     *                  the driver as sysmon: a slice of {@code sliceLen} dispatches ends in preemption
     * @param javaCheck whether the Java runs its global-queue check (false only to show the property's teeth)
     */
    public record Options(int maxPs, int maxGs, int opBudget, int maxSteps, boolean channels, UnaryOperator<Seam> wrap,
                          boolean starvation, int period, int sliceLen, boolean javaCheck, int spawnWeight) {
        public static Options safety() { return new Options(3, 5, 24, 2_000, true, null, false, 0, 0, false, 4); }

        /**
         * Up to 8 goroutine slots, spawning favoured, a longer budget: full rings, overflow to the global queue,
         * steals of several goroutines at once (which Spinning.tla's configs, all with Cap = 2, never take).
         */
        public static Options wide() { return new Options(3, 8, 48, 4_000, true, null, false, 0, 0, false, 12); }

        public static Options starvation(int period, int sliceLen) {
            return new Options(1, 4, 40, 3_000, false, null, true, period, sliceLen, true, 4);
        }

        public Options wrap(UnaryOperator<Seam> w) {
            return new Options(maxPs, maxGs, opBudget, maxSteps, channels, w, starvation, period, sliceLen, javaCheck,
                    spawnWeight);
        }

        /** The bound stays B for {@code period}, but the Java runs without its global-queue check (teeth). */
        public Options withoutGlobalCheck() {
            return new Options(maxPs, maxGs, opBudget, maxSteps, channels, wrap, starvation, period, sliceLen, false,
                    spawnWeight);
        }
    }

    /** A failed property: which, what happened, at which step of the recorded behaviour. */
    public record Failure(String property, String message, int step) {}

    /** The case's result: its failure (or null), the recorded behaviour, and the case's shape. */
    public record Result(Failure failure, Trace trace, int steps, String shape) {}

    private SpinningExplorer() {}

    public static Result run(Choices c, Options o) {
        int nP = o.starvation ? 1 : 1 + c.draw(o.maxPs);
        int nM = nP + 1 + c.draw(2);
        int nG = 2 + c.draw(o.maxGs - 1);
        int cap = c.draw(2) == 0 ? 2 : 4;
        int nCh = o.channels ? c.draw(3) : 0;
        int[] caps = new int[nCh];
        for (int i = 0; i < nCh; i++) caps[i] = c.draw(2);
        int budget = 8 + c.draw(o.opBudget);
        List<String> ms = names("m", nM), ps = names("p", nP), gs = names("g", nG);
        String shape = nP + " P, " + nM + " M, " + nG + " G slots, Cap " + cap + ", " + nCh + " shared channel(s) "
                + java.util.Arrays.toString(caps) + ", " + budget + " operations";
        Recorder rec = new Recorder(ms, ps, gs, cap);
        try (SpinningSession s = new SpinningSession(ms, ps, gs, cap, o.wrap,
                o.starvation && o.javaCheck ? o.period : 0, caps)) {
            s.seam().drawSource(m -> c.draw(1 << 16));
            String boot = s.boot();
            if (boot != null) return new Result(new Failure("Boot", boot, 0), rec.trace(), 0, shape);
            rec.add("Init", Json.object().build(), s.snapshotJson());
            Run r = new Run(c, o, s, rec, budget, gs);
            Failure[] f = new Failure[1];
            try {
                s.seam().drive(() -> f[0] = r.loop()); // on the runtime's threads, no driver thread to switch to
            } catch (sched.runtime.DeterministicSeam.StuckException e) {
                f[0] = new Failure("Stuck", e.getMessage(), rec.steps.size() - 1);
            }
            return new Result(f[0], rec.trace(), rec.steps.size() - 1, shape);
        }
    }

    private static List<String> names(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) out.add(prefix + i);
        return out;
    }

    /** One case in progress. */
    private static final class Run {
        final Choices c;
        final Options o;
        final SpinningSession s;
        final Recorder rec;
        final List<String> gs;
        int budget;
        final Set<String> waitingOwn = new LinkedHashSet<>();
        final boolean setupSpawns;
        int spawnedInSetup;
        // starvation bookkeeping
        final Map<String, Integer> waited = new HashMap<>();
        int slice, lastTick = -1;
        final int bound;

        Run(Choices c, Options o, SpinningSession s, Recorder rec, int budget, List<String> gs) {
            this.c = c;
            this.o = o;
            this.s = s;
            this.rec = rec;
            this.budget = budget;
            this.gs = gs;
            this.setupSpawns = o.starvation;
            // Fairness.tla: B == (NG - 1) * K * SliceLen dispatches of other goroutines.
            this.bound = (gs.size() - 1) * o.period * o.sliceLen;
        }

        Failure loop() {
            Map<String, Object> before = s.snapshot();
            if (o.starvation) startSlice(s.m(s.names().ms().getFirst()));
            for (int step = 1; step <= o.maxSteps; step++) {
                List<M> enabled = new ArrayList<>();
                for (String n : s.names().ms()) {
                    M m = s.m(n);
                    if (m != null && s.enabled(m)) enabled.add(m);
                }
                if (enabled.isEmpty()) return finish(before);
                M m = enabled.get(c.draw(enabled.size()));
                Stop st = s.step(m);
                Script.Op op = null;
                String opG = null;
                // The goroutine asks what to do; an operation that neither parks nor readies (a buffered send with
                // room, say) is no step of the spec: it asks again.
                while (st != null && st.kind() == Kind.WAIT && step++ <= o.maxSteps) {
                    opG = s.running(m);
                    op = chooseOp(m, opG, before);
                    s.script().give(opG, op);
                    st = s.step(m);
                }
                if (st == null || st.kind() == Kind.EXIT) {
                    return new Failure("Runtime", s.names().m(m) + " stopped: " + st + runtimeFailure(), step);
                }
                if (st.kind() == Kind.WAIT) break;
                Map<String, Object> after = s.snapshot();
                if (st.kind() == Kind.PROBE) {
                    if (st.step() == Step.NewProc && op instanceof Script.Op.Spawn sp) {
                        s.bindNew(m, sp.g());
                        after = s.snapshot();
                    }
                    Json.JObject args = args(m, st.step(), op, before, after);
                    rec.add(st.step().name(), args, (Json.JObject) JsonState.toJson(after));
                    if (st.step() == Step.GoPark && op instanceof Script.Op.Park && opG != null) {
                        waitingOwn.add(opG);
                    }
                    List<String> bad = new ArrayList<>(SpinningInvariants.violations(after));
                    if (st.step() == Step.RunqSteal) {
                        bad.addAll(SpinningInvariants.runqSteal(s.names().m(m),
                                args.get("v") instanceof Json.JString v ? v.value() : null, before, after));
                    }
                    if (st.step() == Step.StartSpinning) {
                        bad.addAll(SpinningInvariants.startSpinning(s.names().m(m), before, after));
                    }
                    if (st.step() == Step.GlobRunqGet) {
                        bad.addAll(SpinningInvariants.globRunqGet(s.names().m(m), rec.cap, before, after));
                    }
                    if (st.step() == Step.ResetSpinning) {
                        bad.addAll(SpinningInvariants.resetSpinning(s.names().m(m), before, after));
                    }
                    if (st.step() == Step.Schedule61) {
                        bad.addAll(SpinningInvariants.schedule61(s.names().m(m), rec.cap, before, after));
                    }
                    if (!bad.isEmpty()) return new Failure(bad.getFirst().split(":")[0], String.join("; ", bad), rec.steps.size() - 1);
                    if (o.starvation) {
                        Failure f = starvation(m, st.step(), before, after);
                        if (f != null) return f;
                    }
                }
                before = after;
            }
            return new Failure("Quiescence", "no quiescence after " + o.maxSteps + " steps", rec.steps.size() - 1);
        }

        String runtimeFailure() {
            Throwable t = s.runFailure();
            return t == null ? "" : " (" + t + ")";
        }

        @SuppressWarnings("unchecked")
        Script.Op chooseOp(M m, String g, Map<String, Object> st) {
            Map<String, Object> gstatus = (Map<String, Object>) st.get("gstatus");
            if (setupSpawns && g.equals(gs.getFirst()) && spawnedInSetup < gs.size() - 1) {
                spawnedInSetup++;
                return new Script.Op.Spawn(gs.get(spawnedInSetup));
            }
            if (budget <= 0) return new Script.Op.Exit();
            budget--;
            // Weighted menu; the simplest operation first, so that shrinking (which lowers choices) simplifies.
            List<Script.Op> menu = new ArrayList<>();
            List<Integer> weight = new ArrayList<>();
            menu.add(new Script.Op.Exit());
            weight.add(1);
            menu.add(new Script.Op.Park());
            weight.add(2);
            menu.add(new Script.Op.Yield());
            weight.add(2);
            if (!setupSpawns) {
                for (String x : gs) {
                    Object stx = gstatus.get(x);
                    if ("idle".equals(stx) || "dead".equals(stx)) {
                        menu.add(new Script.Op.Spawn(x));
                        weight.add(o.spawnWeight);
                        break;
                    }
                }
            }
            for (String x : waitingOwn) {
                if ("waiting".equals(gstatus.get(x))) {
                    menu.add(new Script.Op.Ready(x));
                    weight.add(3);
                }
            }
            int nCh = o.channels ? s.script().sharedCount() : 0;
            for (int i = 0; i < nCh; i++) {
                menu.add(new Script.Op.Send(i));
                weight.add(2);
                menu.add(new Script.Op.Recv(i));
                weight.add(2);
            }
            int total = weight.stream().mapToInt(Integer::intValue).sum();
            int pick = c.draw(total);
            Script.Op op = null;
            for (int i = 0; i < menu.size(); i++) {
                pick -= weight.get(i);
                if (pick < 0) {
                    op = menu.get(i);
                    break;
                }
            }
            if (op instanceof Script.Op.Ready r) waitingOwn.remove(r.g());
            return op;
        }

        // -------------------------------------------------------------------------------- starvation (Fairness)

        void startSlice(M m0) {
            slice = 1;
            lastTick = m0.p().schedtick();
        }

        @SuppressWarnings("unchecked")
        Failure starvation(M m, Step step, Map<String, Object> before, Map<String, Object> after) {
            Map<String, Object> gb = (Map<String, Object>) before.get("gstatus");
            Map<String, Object> ga = (Map<String, Object>) after.get("gstatus");
            for (String g : gs) {
                if ("runnable".equals(ga.get(g)) && !"runnable".equals(gb.get(g))) waited.put(g, 0);
            }
            if (step == Step.Execute) {
                String run = s.running(m);
                int tick = m.p().schedtick();
                if (tick != lastTick) {
                    slice = 1;
                    lastTick = tick;
                } else {
                    slice++;
                }
                for (String g : gs) {
                    if (g.equals(run)) {
                        waited.remove(g);
                    } else if ("runnable".equals(ga.get(g))) {
                        int w = waited.merge(g, 1, Integer::sum);
                        if (w > bound) {
                            return new Failure("BoundedStarvation", g + " has waited " + w
                                    + " dispatches of other goroutines, more than B = " + bound
                                    + " = (|Gs| - 1) * period * sliceLen", rec.steps.size() - 1);
                        }
                    }
                }
                // The driver plays sysmon: a slice that has had sliceLen dispatches is over.
                if (slice >= o.sliceLen) s.seam().preempt(m);
            }
            return null;
        }

        // ---------------------------------------------------------------------------------------- the end

        @SuppressWarnings("unchecked")
        Failure finish(Map<String, Object> st) {
            int at = rec.steps.size() - 1;
            Map<String, Object> mpc = (Map<String, Object>) st.get("mpc");
            for (var e : mpc.entrySet()) {
                Object pc = e.getValue();
                if (!pc.equals(MState.parked.name()) && !pc.equals(MState.unstarted.name())) {
                    return new Failure("Quiescence", "no M can move, but " + e.getKey() + " is at pc " + pc
                            + (pc.equals("woken") ? " (handed a P and woken, yet it never ran: a lost wakeup)" : ""), at);
                }
            }
            Map<String, Object> gstatus = (Map<String, Object>) st.get("gstatus");
            Set<String> waiting = new LinkedHashSet<>();
            for (var e : gstatus.entrySet()) {
                Object v = e.getValue();
                if (v.equals("waiting")) waiting.add(e.getKey());
                else if (!v.equals("dead") && !v.equals("idle")) {
                    return new Failure("Quiescence", "every M is parked but " + e.getKey() + " is " + v, at);
                }
            }
            List<Throwable> verdicts = s.seam().checkdeadVerdicts();
            if (verdicts.isEmpty()) return new Failure("Checkdead", "every M parked and checkdead said nothing", at);
            Throwable last = verdicts.getLast();
            if (!(last instanceof DeadlockException d)) {
                return new Failure("Checkdead", "checkdead: " + last.getMessage(), at);
            }
            Set<String> named = new LinkedHashSet<>();
            for (String line : d.waiting()) {
                java.util.regex.Matcher mm = java.util.regex.Pattern.compile("^goroutine (\\d+)").matcher(line);
                named.add(mm.find() ? nameOfGoid(Long.parseLong(mm.group(1))) : line);
            }
            if (!named.equals(waiting)) {
                return new Failure("Checkdead", "checkdead names " + named + " but the waiting goroutines are " + waiting, at);
            }
            return null;
        }

        String nameOfGoid(long goid) {
            for (String g : gs) {
                var live = s.names().live(g);
                if (live != null && live.goid() == goid) return g;
            }
            return "goid " + goid;
        }

        // ----------------------------------------------------------------------------------- trace arguments

        @SuppressWarnings("unchecked")
        Json.JObject args(M m, Step step, Script.Op op, Map<String, Object> before, Map<String, Object> after) {
            Json.ObjectBuilder b = Json.object().put("m", s.names().m(m));
            switch (step) {
                case NewProc -> {
                    if (op instanceof Script.Op.Spawn sp) b.put("g", sp.g());
                    else b.put("g", Snapshot.NONE);
                }
                case GoReady -> {
                    Map<String, Object> gb = (Map<String, Object>) before.get("gstatus");
                    Map<String, Object> ga = (Map<String, Object>) after.get("gstatus");
                    for (String g : gs) {
                        if ("waiting".equals(gb.get(g)) && "runnable".equals(ga.get(g))) b.put("g", g);
                    }
                }
                case RunqSteal -> {
                    String mine = (String) ((Map<String, Object>) after.get("mp")).get(s.names().m(m));
                    Map<String, Object> qb = (Map<String, Object>) before.get("runq");
                    Map<String, Object> qa = (Map<String, Object>) after.get("runq");
                    Map<String, Object> nb = (Map<String, Object>) before.get("runnext");
                    Map<String, Object> na = (Map<String, Object>) after.get("runnext");
                    for (String p : s.names().ps()) {
                        if (p.equals(mine)) continue;
                        if (!qb.get(p).equals(qa.get(p)) || !nb.get(p).equals(na.get(p))) b.put("v", p);
                    }
                }
                default -> { }
            }
            return b.build();
        }
    }

    /** The behaviour so far, as trace steps. */
    static final class Recorder {
        final List<String> ms, ps, gs;
        final int cap;
        final List<TraceStep> steps = new ArrayList<>();

        Recorder(List<String> ms, List<String> ps, List<String> gs, int cap) {
            this.ms = ms;
            this.ps = ps;
            this.gs = gs;
            this.cap = cap;
        }

        void add(String action, Json.JObject args, Json.JObject state) {
            steps.add(new TraceStep(steps.size(), action, args, state));
        }

        Trace trace() {
            Json.JObject constants = Json.object()
                    .put("Ms", Json.array(ms.stream().map(Json::of).toList()))
                    .put("Ps", Json.array(ps.stream().map(Json::of).toList()))
                    .put("Gs", Json.array(gs.stream().map(Json::of).toList()))
                    .put("Cap", cap)
                    .put("Bugs", Json.array())
                    .build();
            List<String> actions = new ArrayList<>();
            for (Step st : SpinningSession.ACTIONS) actions.add(st.name());
            for (TraceStep t : steps) if (!t.action().equals("Init") && !actions.contains(t.action())) actions.add(t.action());
            LinkedHashMap<String, Json> extra = new LinkedHashMap<>();
            TraceHeader h = new TraceHeader("Spinning", null, null, constants, "java-prop", null, null,
                    Snapshot.SPINNING, actions, extra);
            return new Trace(h, steps);
        }
    }
}
