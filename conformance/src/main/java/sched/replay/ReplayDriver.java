package sched.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import sched.runtime.DeterministicSeam.Kind;
import sched.runtime.DeterministicSeam.Stop;
import sched.runtime.M;
import sched.runtime.Snapshot;
import sched.runtime.StealOrder;
import sched.runtime.Step;
import sched.trace.Json;
import sched.trace.Trace;
import sched.trace.TraceFormatException;
import sched.trace.TraceHeader;
import sched.trace.TraceStep;

/**
 * Replays one trace against the Java scheduler: for each step, the named M takes exactly that step (with the
 * goroutine operation, random draws and clock the step needs), the driver checks that it stopped at the probe of
 * the step's action, takes the abstract state ({@link Snapshot}) and compares it with the trace's. The first
 * difference ends the replay as a {@link Divergence}.
 */
public final class ReplayDriver {
    private ReplayDriver() {}

    /** The specs replay supports. */
    public static final List<String> SPECS = List.of("Spinning", "Fairness", "RunQueue");

    /**
     * Where replay and trace part.
     *
     * @param step   the trace step (0 is Init)
     * @param line   its line in the file
     * @param reason what happened, in words
     * @param diff   the state entries that differ (empty when the step could not be taken at all)
     */
    public record Divergence(int step, int line, String action, Json.JObject args, String reason,
                             List<JsonState.Row> diff) {
        public String format(Path file) {
            StringBuilder sb = new StringBuilder();
            sb.append(file == null ? "<trace>" : file.toString()).append(':').append(line).append(": step ")
                    .append(step).append(' ').append(action);
            if (args != null && args.size() > 0) sb.append(' ').append(args.toText());
            sb.append(": ").append(reason).append('\n');
            if (!diff.isEmpty()) sb.append(JsonState.table(diff));
            return sb.toString();
        }
    }

    /** The result of replaying one trace. */
    public record Outcome(Path file, String spec, int steps, int replayed, Divergence divergence,
                          Map<String, Integer> actions, long nanos) {
        public boolean ok() { return divergence == null; }
    }

    public static Outcome replay(Path file, Trace trace) throws TraceFormatException {
        return replay(file, trace, 1);
    }

    /** Replays a trace whose header is on line {@code firstLine} of {@code file} (a bundle holds several). */
    public static Outcome replay(Path file, Trace trace, int firstLine) throws TraceFormatException {
        TraceHeader h = trace.header();
        if (!SPECS.contains(h.spec())) {
            throw new TraceFormatException(file, 1, "replay supports the spec" + (SPECS.size() > 1 ? "s " : " ")
                    + String.join(", ", SPECS) + "; this trace is of " + h.spec());
        }
        return switch (h.spec()) {
            case "Fairness" -> fairness(file, trace, firstLine);
            case "RunQueue" -> RunQueueReplay.replay(file, trace, firstLine);
            default -> spinning(file, trace, firstLine);
        };
    }

    /** The bug switches a trace was made with (its constant Bugs), empty for a trace of the correct spec. */
    public static List<String> bugs(Trace t) {
        List<String> out = new ArrayList<>();
        if (t.header().constants().get("Bugs") instanceof Json.JArray a) {
            for (Json x : a.items()) out.add(str(x));
        }
        return out;
    }

    // ----------------------------------------------------------------------------------------------- Spinning

    private static Outcome spinning(Path file, Trace trace, int firstLine) throws TraceFormatException {
        long t0 = System.nanoTime();
        TraceHeader h = trace.header();
        List<String> msC = names(file, h, "Ms"), psC = names(file, h, "Ps"), gsC = names(file, h, "Gs");
        int cap = integer(file, h, "Cap");
        if (cap < 2 || Integer.bitCount(cap) != 1) {
            throw new TraceFormatException(file, 1, "constant Cap = " + cap + ": the Java ring's capacity must be a"
                    + " power of two >= 2");
        }
        List<String> vars = h.variables();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<TraceStep> steps = trace.steps();
        TraceStep init = steps.getFirst();

        // Names: the M running at Init is the runtime's m0; its P is P0 and the idle list gives the others in
        // order; its G is the main goroutine. The other Ms follow in the order the constants list them.
        String order = initOrder(init.state(), msC, psC, gsC);
        if (order != null) {
            return new Outcome(file, h.spec(), trace.length(), 0,
                    new Divergence(0, firstLine + 1, "Init", null, order, List.of()), counts, System.nanoTime() - t0);
        }
        Json.JObject st0 = init.state();
        String m1 = runningM(st0, msC);
        String p1 = str(((Json.JObject) st0.get("mp")).get(m1));
        String g1 = str(((Json.JObject) st0.get("mcurg")).get(m1));
        List<String> ms = new ArrayList<>(List.of(m1));
        msC.stream().filter(x -> !x.equals(m1)).forEach(ms::add);
        List<String> ps = new ArrayList<>(List.of(p1));
        for (Json x : ((Json.JArray) st0.get("pidle")).items()) ps.add(str(x));
        List<String> gs = new ArrayList<>(List.of(g1));
        gsC.stream().filter(x -> !x.equals(g1)).forEach(gs::add);

        int[] done = new int[1];
        Divergence found;
        try (SpinningSession s = new SpinningSession(ms, ps, gs, cap)) {
            String boot = s.boot();
            if (boot != null) {
                return new Outcome(file, h.spec(), trace.length(), 0,
                        new Divergence(0, firstLine + 1, "Init", null, boot, List.of()), counts, System.nanoTime() - t0);
            }
            Divergence d = compare(s, vars, init, firstLine + 1, "the runtime's start is not the spec's Init");
            if (d != null) return new Outcome(file, h.spec(), trace.length(), 0, d, counts, System.nanoTime() - t0);
            StealOrder so = new StealOrder();
            so.reset(ps.size());
            found = driveSteps(s, steps, firstLine, counts, done, (ts, line) -> take(s, so, vars, ts, line));
        }
        return new Outcome(file, h.spec(), trace.length(), done[0], found, counts, System.nanoTime() - t0);
    }

    // ----------------------------------------------------------------------------------------------- Fairness

    /**
     * Fairness.tla: one M, one P, the global-queue check every {@code GlobalCheckPeriod} ticks (the Java's
     * globalCheckPeriod), time slices of {@code SliceLen} dispatches. The driver plays sysmon: it keeps the slice
     * count (a Preempt step marks the running goroutine, which then yields at a safe point). Init has every
     * goroutine but g1 waiting: the boot gets there with the runtime's own steps (g1 spawns the others, each parks,
     * the last readies g1) and then sets schedtick to Init's {@code 1 % K}.
     */
    private static Outcome fairness(Path file, Trace trace, int firstLine) throws TraceFormatException {
        long t0 = System.nanoTime();
        TraceHeader h = trace.header();
        List<String> msC = names(file, h, "Ms"), psC = names(file, h, "Ps"), gsC = names(file, h, "Gs");
        int cap = integer(file, h, "Cap"), k = integer(file, h, "GlobalCheckPeriod");
        if (msC.size() != 1 || psC.size() != 1) throw new TraceFormatException(file, 1, "Fairness replay needs one M and one P");
        if (cap < 2 || Integer.bitCount(cap) != 1 || k < 1) {
            throw new TraceFormatException(file, 1, "constants Cap = " + cap + ", GlobalCheckPeriod = " + k
                    + ": the Java needs a power-of-two ring and a positive period");
        }
        List<String> vars = Snapshot.FAIRNESS;
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<TraceStep> steps = trace.steps();
        TraceStep init = steps.getFirst();
        String g1 = init.state().get("mcurg") instanceof Json.JObject mc && mc.get(msC.getFirst()) instanceof Json.JString g
                ? g.value() : null;
        if (g1 == null || !gsC.contains(g1)) {
            return new Outcome(file, h.spec(), trace.length(), 0, new Divergence(0, firstLine + 1, "Init", null,
                    "Init: the M runs no goroutine", List.of()), counts, System.nanoTime() - t0);
        }
        List<String> gs = new ArrayList<>(List.of(g1));
        gsC.stream().filter(x -> !x.equals(g1)).forEach(gs::add);
        int[] slice = {1};
        int[] done = new int[1];
        Divergence found;
        try (SpinningSession s = new SpinningSession(msC, psC, gs, cap, null, k, new int[0])) {
            String boot = s.boot();
            if (boot == null) boot = fairnessBoot(s, gs);
            if (boot != null) {
                return new Outcome(file, h.spec(), trace.length(), 0,
                        new Divergence(0, firstLine + 1, "Init", null, boot, List.of()), counts, System.nanoTime() - t0);
            }
            M m0 = s.m(msC.getFirst());
            s.seam().alignSchedtick(m0.p(), 1 % k);
            java.util.function.Supplier<Map<String, Object>> snap = () ->
                    Snapshot.fairness(s.runtime(), s.names(), k, slice[0]);
            Divergence d = compareWith(snap, vars, init, firstLine + 1, "the boot did not reach the spec's Init");
            if (d != null) return new Outcome(file, h.spec(), trace.length(), 0, d, counts, System.nanoTime() - t0);
            found = driveSteps(s, steps, firstLine, counts, done,
                    (ts, line) -> fairnessStep(s, snap, vars, ts, line, slice));
        }
        return new Outcome(file, h.spec(), trace.length(), done[0], found, counts, System.nanoTime() - t0);
    }

    /** From the runtime's start to Fairness.tla's Init; null when it got there. */
    @SuppressWarnings("unchecked")
    private static String fairnessBoot(SpinningSession s, List<String> gs) {
        M m0 = s.m(s.names().ms().getFirst());
        String g1 = gs.getFirst();
        List<Script.Op> g1ops = new ArrayList<>();
        for (String g : gs.subList(1, gs.size())) g1ops.add(new Script.Op.Spawn(g));
        g1ops.add(new Script.Op.Park());
        if (gs.size() == 1) return null;
        boolean g1Parked = false;
        for (int n = 0; n < 40 * gs.size() + 40; n++) {
            Stop st = s.step(m0);
            if (st == null || st.kind() == Kind.EXIT || st.kind() == Kind.PARK) {
                return "boot to Init: m0 stopped at " + describe(st) + s.failureSuffix();
            }
            if (st.kind() == Kind.PROBE && st.step() == Step.NewProc) {
                String g = argOf(m0, s); // g1 spawns the slots in order
                if (!s.bindNew(m0, g)) return "boot to Init: " + g + " is not in runnext after its NewProc";
            }
            if (st.kind() == Kind.PROBE && st.step() == Step.GoPark && !g1Parked) g1Parked = true;
            if (st.kind() == Kind.PROBE && st.step() == Step.Execute && g1Parked && g1.equals(s.running(m0))) return null;
            if (st.kind() != Kind.WAIT) continue;
            String g = s.running(m0);
            Script.Op op;
            if (g.equals(g1)) {
                if (g1ops.isEmpty()) return "boot to Init: g1 asked once too often";
                op = g1ops.removeFirst();
            } else {
                Map<String, Object> gst = (Map<String, Object>) s.snapshot().get("gstatus");
                boolean lastOne = gs.stream().filter(x -> !x.equals(g)).allMatch(x -> "waiting".equals(gst.get(x)));
                op = lastOne && "waiting".equals(gst.get(g1)) ? new Script.Op.Ready(g1) : new Script.Op.Park();
            }
            s.script().give(g, op);
        }
        return "boot to Init: g1 did not get to run again";
    }

    /** The slot g1 spawns next: the first slot not bound yet. */
    private static String argOf(M m0, SpinningSession s) {
        for (String g : s.names().gs()) if (!s.names().isBound(g)) return g;
        return s.names().gs().getLast();
    }

    private static Divergence fairnessStep(SpinningSession s, java.util.function.Supplier<Map<String, Object>> snap,
                                           List<String> vars, TraceStep ts, int line, int[] slice) {
        Step want = javaStep(ts.action());
        if (want == null) return divWith(snap, vars, ts, line, noStep(ts.action()));
        String mName = argString(ts.args(), "m");
        M m = mName == null ? null : s.m(mName);
        if (m == null) return divWith(snap, vars, ts, line, "the step names no M of the Java (argument m)");
        String g = argString(ts.args(), "g");
        String running = s.running(m);
        Script.Op op = switch (want) {
            case GoReady -> g == null ? null : new Script.Op.Ready(g);
            case GoPark -> new Script.Op.Park();
            case Gosched -> new Script.Op.Yield();
            case GoExit -> new Script.Op.Exit();
            case Preempt -> new Script.Op.Checkpoint();
            default -> null;
        };
        boolean goroutineStep = want == Step.GoReady || want == Step.GoPark || want == Step.Gosched
                || want == Step.GoExit || want == Step.Preempt;
        boolean inherit = sched.runtime.DeterministicSeam.inheritTime(m);
        Stop st;
        try {
            if (goroutineStep) {
                if (op == null) return divWith(snap, vars, ts, line, "the step names no goroutine (argument g)");
                if (running == null) return divWith(snap, vars, ts, line, mName + " runs no goroutine in the Java (pc " + m.pc() + ")");
                // The goroutine asks for its operation at a WAIT gate (its first time, after a dispatch) or at once.
                if (want == Step.Preempt) s.seam().preempt(m);
                s.script().give(running, op);
            }
            st = s.step(m);
            if (goroutineStep && st != null && st.kind() == Kind.WAIT) st = s.step(m);
            if (want == Step.GoReady && st != null && st.kind() == Kind.PROBE && st.step() == Step.GoReady) {
                // Java's ready goes on to wakep, which skips (npidle = 0): Fairness.tla folds that into GoReady.
                Stop skip = s.step(m);
                if (skip == null || skip.kind() != Kind.PROBE || skip.step() != Step.WakePSkip) {
                    return divWith(snap, vars, ts, line, mName + " stopped at " + describe(skip)
                            + " after GoReady, instead of wakep's skip (one P: nothing to wake)");
                }
            }
        } catch (RuntimeException e) {
            return divWith(snap, vars, ts, line, mName + " could not take the step: " + e.getMessage());
        } finally {
            if (goroutineStep && running != null) s.script().takeBack(running);
        }
        if (st == null || st.kind() != Kind.PROBE || st.step() != want) {
            return divWith(snap, vars, ts, line, mName + " stopped at " + describe(st) + " instead of ending the step at probe "
                    + want + s.failureSuffix());
        }
        if (want == Step.Execute) slice[0] = inherit ? slice[0] + 1 : 1;
        return compareWith(snap, vars, ts, line, "state differs after the step");
    }

    /** The state after step {@code ts} against the Java's ({@code snap}: plain snapshot values); null when equal. */
    static Divergence compareWith(java.util.function.Supplier<Map<String, Object>> snap, List<String> vars,
                                          TraceStep ts, int line, String reason) {
        Map<String, Object> java = snap.get();
        // Compared on the plain values first; the JSON (and the diff) is built only when they differ.
        if (JsonState.sameState(vars, ts.state(), true, java, false)) return null;
        List<JsonState.Row> rows = JsonState.diff(vars, restrict(ts.state(), vars), (Json.JObject) JsonState.toJson(java));
        if (rows.isEmpty()) return null;
        return new Divergence(ts.step(), line, ts.action(), ts.args(), reason, rows);
    }

    static Divergence divWith(java.util.function.Supplier<Map<String, Object>> snap, List<String> vars, TraceStep ts,
                                      int line, String reason) {
        List<JsonState.Row> rows;
        try {
            rows = JsonState.diff(vars, restrict(ts.state(), vars), (Json.JObject) JsonState.toJson(snap.get()));
        } catch (RuntimeException e) {
            rows = List.of();
        }
        return new Divergence(ts.step(), line, ts.action(), ts.args(), reason, rows);
    }

    /** Takes one trace step on the Java (the step's file line given); null when the states match after it. */
    private interface StepTaker {
        Divergence take(TraceStep ts, int line);
    }

    /**
     * Takes steps 1.. of the trace with {@code taker}, as a continuation on the runtime's own threads (no driver
     * thread to switch to), until one diverges; counts the actions taken in {@code counts} and {@code done[0]}.
     * Returns the divergence, or null when every step matched.
     */
    private static Divergence driveSteps(SpinningSession s, List<TraceStep> steps, int firstLine,
                                         Map<String, Integer> counts, int[] done, StepTaker taker) {
        Divergence[] found = new Divergence[1];
        drive(s, () -> {
            for (int i = 1; i < steps.size(); i++) {
                TraceStep ts = steps.get(i);
                found[0] = taker.take(ts, firstLine + 1 + i);
                if (found[0] != null) return;
                counts.merge(ts.action(), 1, Integer::sum);
                done[0]++;
            }
        }, found, steps, firstLine, done);
        return found[0];
    }

    /**
     * Runs {@code loop} with the seam's {@link sched.runtime.DeterministicSeam#drive}; a step that never ends (an M
     * stuck outside every gate) becomes a divergence at the first step not taken.
     */
    private static void drive(SpinningSession s, Runnable loop, Divergence[] found, List<TraceStep> steps,
                              int firstLine, int[] done) {
        try {
            s.seam().drive(loop);
        } catch (sched.runtime.DeterministicSeam.StuckException e) {
            if (found[0] == null) {
                TraceStep ts = steps.get(Math.min(done[0] + 1, steps.size() - 1));
                found[0] = new Divergence(ts.step(), firstLine + 1 + ts.step(), ts.action(), ts.args(),
                        "the step never ended: " + e.getMessage(), List.of());
            }
        }
    }

    /** The Java step (probe label) named like the spec action {@code action}; null when there is none. */
    private static Step javaStep(String action) {
        try {
            return Step.valueOf(action);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String noStep(String action) {
        return "the Java has no step " + action + " (no probe of that name)";
    }

    /** Take trace step {@code ts} on the Java; null when it matched. */
    private static Divergence take(SpinningSession s, StealOrder so, List<String> vars, TraceStep ts, int line) {
        Step want = javaStep(ts.action());
        if (want == null) return div(s, vars, ts, line, noStep(ts.action()));
        String mName = argString(ts.args(), "m");
        if (mName == null) return div(s, vars, ts, line, "the step names no M (argument m)");
        M m = s.m(mName);
        if (m == null || s.seam().stopOf(m) == null) {
            return div(s, vars, ts, line, mName + " has no thread in the Java (it was never started)");
        }
        String g = argString(ts.args(), "g");
        String runningG = s.running(m);
        Script.Op op = switch (want) {
            case NewProc -> g == null ? null : new Script.Op.Spawn(g);
            case GoReady -> g == null ? null : new Script.Op.Ready(g);
            case GoPark -> new Script.Op.Park();
            case Gosched -> new Script.Op.Yield();
            case GoExit -> new Script.Op.Exit();
            default -> null;
        };
        boolean goroutineStep = want == Step.NewProc || want == Step.GoReady || want == Step.GoPark
                || want == Step.Gosched || want == Step.GoExit;
        if (goroutineStep) {
            if (op == null) return div(s, vars, ts, line, "the step names no goroutine (argument g)");
            if (runningG == null) {
                return div(s, vars, ts, line, mName + " runs no goroutine in the Java (pc " + m.pc() + ")");
            }
            s.script().give(runningG, op);
        }
        if (want == Step.RunqSteal) {
            String v = argString(ts.args(), "v");
            int pos = v == null ? -1 : s.names().pIndex(v);
            if (pos < 0) return div(s, vars, ts, line, "the step names no known victim P (argument v)");
            // Every round starts at v: v's ring half is taken in round 0; when every other ring is empty (the
            // spec's condition for stealing runnext), rounds 0-2 find nothing and round 3 takes v's runnext.
            int d = so.drawFor(pos, 0, s.names().ps().size());
            s.seam().forceDraws(m, d, d, d, d);
        }
        Stop st;
        try {
            st = s.step(m);
        } catch (RuntimeException e) {
            return div(s, vars, ts, line, mName + " could not take the step: " + e.getMessage());
        } finally {
            s.seam().clearDraws(m);
            if (goroutineStep) s.script().takeBack(runningG);
        }
        if (st == null || st.kind() != Kind.PROBE || st.step() != want) {
            return div(s, vars, ts, line, mName + " stopped at " + describe(st) + " instead of ending the step at probe "
                    + want + s.failureSuffix());
        }
        if (want == Step.NewProc && !s.bindNew(m, g)) {
            return div(s, vars, ts, line, "NewProc: the new goroutine is not in runnext of " + mName + "'s P");
        }
        return compare(s, vars, ts, line, "state differs after the step");
    }

    private static String describe(Stop st) {
        if (st == null) return "no gate (still running)";
        return switch (st.kind()) {
            case START -> "its thread's start";
            case PROBE -> "probe " + st.step();
            case PARK -> "park (asleep on its note: nobody woke it)";
            case WAIT -> "a goroutine's decision point (" + st.what() + ")";
            case EXIT -> "its thread's end" + (st.what() == null ? "" : " (" + st.what() + ")");
        };
    }

    private static Divergence compare(SpinningSession s, List<String> vars, TraceStep ts, int line, String reason) {
        Map<String, Object> raw = s.snapshot();
        // Compared on the plain values first; the JSON (and the diff) is built only when they differ.
        if (JsonState.sameState(vars, ts.state(), false, raw, true)) return null;
        Json.JObject java = (Json.JObject) JsonState.toJson(raw);
        List<JsonState.Row> rows = JsonState.diff(vars, ts.state(), restrict(java, vars));
        if (rows.isEmpty()) return null;
        return new Divergence(ts.step(), line, ts.action(), ts.args(), reason, rows);
    }

    private static Divergence div(SpinningSession s, List<String> vars, TraceStep ts, int line, String reason) {
        Json.JObject java;
        try {
            java = restrict(s.snapshotJson(), vars);
        } catch (RuntimeException e) {
            return new Divergence(ts.step(), line, ts.action(), ts.args(), reason, List.of());
        }
        return new Divergence(ts.step(), line, ts.action(), ts.args(), reason, JsonState.diff(vars, ts.state(), java));
    }

    static Json.JObject restrict(Json.JObject o, List<String> vars) {
        Json.ObjectBuilder b = Json.object();
        for (String v : vars) if (o.has(v)) b.put(v, o.get(v));
        return b.build();
    }

    /** Why Init cannot be the runtime's start, or null. */
    private static String initOrder(Json.JObject st, List<String> ms, List<String> ps, List<String> gs) {
        for (String v : List.of("mpc", "mp", "mcurg", "pidle")) {
            if (!st.has(v)) return "Init has no variable " + v;
        }
        String m1 = runningM(st, ms);
        if (m1 == null) return "Init must have exactly one M at pc running (the runtime starts with m0 running main)";
        if (!(((Json.JObject) st.get("mp")).get(m1) instanceof Json.JString p) || !ps.contains(p.value())) {
            return "Init: the running M " + m1 + " holds no P";
        }
        if (!(((Json.JObject) st.get("mcurg")).get(m1) instanceof Json.JString g) || !gs.contains(g.value())) {
            return "Init: the running M " + m1 + " runs no goroutine";
        }
        if (!(st.get("pidle") instanceof Json.JArray idle)) return "Init: pidle is not a sequence";
        LinkedHashSet<String> all = new LinkedHashSet<>();
        all.add(p.value());
        for (Json x : idle.items()) all.add(str(x));
        if (!all.equals(new LinkedHashSet<>(ps)) || all.size() != idle.size() + 1) {
            return "Init: every P but the running M's must be idle (the runtime starts that way)";
        }
        return null;
    }

    private static String runningM(Json.JObject st, List<String> ms) {
        String found = null;
        if (!(st.get("mpc") instanceof Json.JObject mpc)) return null;
        for (String m : ms) {
            if (mpc.get(m) instanceof Json.JString pc && pc.value().equals("running")) {
                if (found != null) return null;
                found = m;
            }
        }
        return found;
    }

    private static String str(Json j) {
        return j instanceof Json.JString s ? s.value() : String.valueOf(j);
    }

    private static String argString(Json.JObject args, String k) {
        return args.get(k) instanceof Json.JString s ? s.value() : null;
    }

    static List<String> names(Path file, TraceHeader h, String k) throws TraceFormatException {
        if (!(h.constants().get(k) instanceof Json.JArray a) || a.size() == 0) {
            throw new TraceFormatException(file, 1, "header constants lack " + k + " (a non-empty set of names)");
        }
        List<String> out = new ArrayList<>();
        for (Json x : a.items()) {
            if (!(x instanceof Json.JString s)) throw new TraceFormatException(file, 1, "constant " + k + " must hold names");
            out.add(s.value());
        }
        return out;
    }

    static int integer(Path file, TraceHeader h, String k) throws TraceFormatException {
        if (!(h.constants().get(k) instanceof Json.JNumber n) || !n.isIntegral()) {
            throw new TraceFormatException(file, 1, "header constants lack " + k + " (an integer)");
        }
        return (int) n.longValue();
    }
}
