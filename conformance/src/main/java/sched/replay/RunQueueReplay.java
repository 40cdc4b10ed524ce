package sched.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import sched.replay.ReplayDriver.Divergence;
import sched.replay.ReplayDriver.Outcome;
import sched.runtime.G;
import sched.runtime.RunQueueHarness;
import sched.runtime.RunQueueHarness.Kind;
import sched.runtime.RunQueueHarness.Stop;
import sched.runtime.Step;
import sched.trace.Json;
import sched.trace.Trace;
import sched.trace.TraceFormatException;
import sched.trace.TraceHeader;
import sched.trace.TraceStep;

/**
 * Replays a RunQueue.tla trace on one real {@link sched.runtime.P}: the owner and each stealer are actors of a
 * {@link RunQueueHarness} running the real runqput/runqget/runqgrab, each stopping at every probe. For each trace
 * step the named actor (a Grab action's {@code s}; the owner otherwise) runs exactly to its next probe, which must
 * be the step's action; then the abstract state is compared with the trace's.
 *
 * <p>The abstraction function. Shared memory is read from the P: {@code head}, {@code tail} (the raw counters),
 * {@code slots} (the raw array, stale Gs included), {@code runnext}, {@code globq}. The in-flight locals are the
 * values the probes published (they live in registers; see {@link sched.runtime.P}'s class comment): {@code og},
 * {@code oh}, {@code sh}, {@code sn}; {@code obatch} and {@code scopy} are read from the memory the Java copied
 * into (runqputslow's batch, the stealer's own ring) for the count the probe published. The pcs are not Java
 * state: {@link Owner#after} and {@link Stealer#after} derive them from the probe's label and locals by the rule
 * the Java code follows from there (the next step then checks that it did). {@code pending} is the driver's
 * script (the fresh Gs it has still to give the owner); {@code got} and {@code stolen} are what the probes said was
 * taken, and a runqget's return value must equal what its probe said. {@code auxPutOrder} and {@code auxRingGot}
 * are history, not compared.
 */
final class RunQueueReplay {
    private RunQueueReplay() {}

    /** The variables compared (the trace also carries the auxiliary auxPutOrder and auxRingGot). */
    static final List<String> VARS = List.of("head", "tail", "slots", "runnext", "globq", "opc", "og", "oh",
            "obatch", "pending", "got", "spc", "sh", "sn", "scopy", "stolen");
    static final List<String> AUX = List.of("auxPutOrder", "auxRingGot");

    /** The owner's abstract state: pc and locals as RunQueue.tla names them. */
    private static final class Owner {
        String opc = "idle", og = "none";
        int oh;
        List<String> obatch = List.of();
        final List<String> pending = new ArrayList<>(), got = new ArrayList<>();
        /** What the current runqget must return (its probe said so); null: nothing. */
        G expect;

        /** The state after the owner's probe {@code st}: the rule the Java code follows from that probe on. */
        void after(Stop st, RunQueueHarness h) {
            switch (st.step()) {
                case PutNextCas -> {
                    // held: the G kicked out of runnext; none: the put is over.
                    og = h.name(st.held());
                    opc = st.held() == null ? "idle" : "put_loadhead";
                }
                case PutLoadHead -> {
                    // local: the loaded head; room (tail - h < Cap) goes on to publish, else to runqputslow.
                    og = h.name(st.held());
                    boolean room = h.tail() - st.local() < h.cap();
                    opc = room ? "put_publish" : "put_slow";
                    oh = room ? 0 : st.local();
                }
                case PutPublish, PutSlowGlobal -> {
                    opc = "idle";
                    og = "none";
                    obatch = List.of();
                }
                case PutSlowGrab -> {
                    // local: how many were grabbed into the batch; 0: the CAS failed, back to the head load.
                    List<String> b = new ArrayList<>();
                    for (int i = 0; i < st.local(); i++) b.add(h.name(h.putBatch(i)));
                    obatch = b;
                    opc = st.local() > 0 ? "put_global" : "put_loadhead";
                    oh = 0;
                }
                case GetNextCas -> take(st.held(), h);
                case GetLoadHead -> {
                    // local: the loaded head; the ring is empty when it equals the tail (the get returns null).
                    boolean empty = h.tail() == st.local();
                    opc = empty ? "idle" : "get_cas";
                    oh = empty ? 0 : st.local();
                }
                case GetCas -> {
                    oh = 0;
                    if (st.local() == 1) take(st.held(), h);
                    else opc = "get_loadhead";
                }
                default -> throw new IllegalStateException("not an owner step: " + st.step());
            }
        }

        private void take(G g, RunQueueHarness h) {
            got.add(h.name(g));
            expect = g;
            opc = "idle";
        }
    }

    /** A stealer's abstract state. */
    private static final class Stealer {
        final int index;
        String spc = "idle";
        int sh, sn;
        List<String> scopy = List.of();
        final List<String> stolen = new ArrayList<>();

        Stealer(int index) { this.index = index; }

        void after(Stop st, RunQueueHarness h) {
            switch (st.step()) {
                case GrabLoadHead -> {
                    sh = st.local();
                    spc = "loadtail";
                }
                case GrabLoadTail -> {
                    // local: n, the rounded-up half. 0: try runnext; more than Cap/2: an inconsistent pair, retry.
                    int n = st.local();
                    spc = n == 0 ? "runnext" : n > h.cap() / 2 ? "idle" : "copy";
                    if (spc.equals("copy")) sn = n;
                    else sh = 0;
                }
                case GrabRunnext -> {
                    if (st.held() != null) stolen.add(h.name(st.held()));
                    spc = "idle";
                }
                case GrabCopy -> {
                    List<String> c = new ArrayList<>();
                    for (int i = 0; i < st.local(); i++) c.add(h.name(h.stealerDst(index, i)));
                    scopy = c;
                    spc = "cas";
                }
                case GrabCas -> {
                    // local: n taken (the copy is the stealer's now), or 0: the CAS failed, the copy is dropped.
                    for (int i = 0; i < st.local(); i++) stolen.add(h.name(h.stealerDst(index, i)));
                    spc = "idle";
                    sh = 0;
                    sn = 0;
                    scopy = List.of();
                }
                default -> throw new IllegalStateException("not a stealer step: " + st.step());
            }
        }
    }

    static Outcome replay(Path file, Trace trace, int firstLine) throws TraceFormatException {
        long t0 = System.nanoTime();
        TraceHeader hd = trace.header();
        List<String> gs = ReplayDriver.names(file, hd, "Gs"), ss = ReplayDriver.names(file, hd, "Stealers");
        int cap = ReplayDriver.integer(file, hd, "Cap");
        if (cap < 2 || Integer.bitCount(cap) != 1) {
            throw new TraceFormatException(file, 1, "constant Cap = " + cap + ": the Java ring's capacity must be a"
                    + " power of two >= 2");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<TraceStep> steps = trace.steps();
        RunQueueHarness h = new RunQueueHarness(cap, gs, ss.size());
        Owner o = new Owner();
        o.pending.addAll(gs); // GOrder: the config's order of Gs
        List<Stealer> st = new ArrayList<>();
        for (int i = 0; i < ss.size(); i++) st.add(new Stealer(i));
        java.util.function.Supplier<Map<String, Object>> snap = () -> snapshot(h, o, ss, st);
        Divergence d = ReplayDriver.compareWith(snap, VARS, steps.getFirst(), firstLine + 1,
                "the empty queue is not the spec's Init");
        if (d != null) return new Outcome(file, hd.spec(), trace.length(), 0, d, counts, System.nanoTime() - t0);
        int replayed = 0;
        for (int i = 1; i < steps.size(); i++) {
            TraceStep ts = steps.get(i);
            d = take(h, o, st, ss, snap, ts, firstLine + 1 + i);
            if (d != null) {
                return new Outcome(file, hd.spec(), trace.length(), replayed, d, counts, System.nanoTime() - t0);
            }
            counts.merge(ts.action(), 1, Integer::sum);
            replayed++;
        }
        return new Outcome(file, hd.spec(), trace.length(), replayed, null, counts, System.nanoTime() - t0);
    }

    private static final java.util.Set<Step> OWNER_STEPS = java.util.EnumSet.of(Step.PutNextCas, Step.PutLoadHead,
            Step.PutPublish, Step.PutSlowGrab, Step.PutSlowGlobal, Step.GetNextCas, Step.GetLoadHead, Step.GetCas);

    /** Takes trace step {@code ts}; null when the Java took it and the states agree. */
    private static Divergence take(RunQueueHarness h, Owner o, List<Stealer> st, List<String> ss,
                                   java.util.function.Supplier<Map<String, Object>> snap, TraceStep ts, int line) {
        Step want;
        try {
            want = Step.valueOf(ts.action());
        } catch (IllegalArgumentException e) {
            return ReplayDriver.divWith(snap, VARS, ts, line, "the Java has no step " + ts.action()
                    + " (no probe of that name)");
        }
        java.util.function.Function<String, Divergence> fail =
                why -> ReplayDriver.divWith(snap, VARS, ts, line, why);
        Stop stop;
        String who;
        Stealer stealer = null;
        if (OWNER_STEPS.contains(want)) {
            who = "the owner";
            if (o.opc.equals("idle")) {
                // Between operations: the action says which operation the owner starts.
                switch (want) {
                    case PutNextCas, PutLoadHead -> {
                        if (o.pending.isEmpty()) return fail.apply("the owner has no fresh G left to put");
                        h.givePut(o.pending.removeFirst(), want == Step.PutNextCas);
                    }
                    case GetNextCas, GetLoadHead -> h.giveGet();
                    default -> {
                        return fail.apply("the owner is between operations: " + want + " cannot start one");
                    }
                }
            }
            stop = h.resumeOwner();
        } else {
            String s = ts.args().get("s") instanceof Json.JString x ? x.value() : null;
            int i = s == null ? -1 : ss.indexOf(s);
            if (i < 0) return fail.apply("the step names no stealer of the constants (argument s)");
            who = "stealer " + s;
            stealer = st.get(i);
            stop = h.resumeStealer(i);
        }
        if (stop.kind() != Kind.PROBE || stop.step() != want) {
            return fail.apply(who + " stopped at " + describe(stop) + " instead of ending the step at probe "
                    + want);
        }
        if (stealer != null) {
            stealer.after(stop, h);
        } else {
            o.after(stop, h);
            if (o.opc.equals("idle")) {
                // The operation is over at this probe: the owner must return to its mailbox with nothing more to
                // do, and a runqget must return what its probe said it took.
                Stop end = h.resumeOwner();
                if (end.kind() != Kind.WAIT) {
                    return fail.apply("the owner's operation should end after " + want + ", but it went on to "
                            + describe(end));
                }
                if (h.lastGot() != o.expect) {
                    return fail.apply("runqget returned " + h.name(h.lastGot()) + ", its probe said "
                            + h.name(o.expect));
                }
                o.expect = null;
            }
        }
        return ReplayDriver.compareWith(snap, VARS, ts, line, "state differs after the step");
    }

    private static String describe(Stop s) {
        return switch (s.kind()) {
            case PROBE -> "probe " + s.step();
            case WAIT -> "the end of its operation (waiting for the next)";
            case FAILED -> "an exception: " + s.failure();
        };
    }

    /** The Java's abstract state, plain values in the shape of trace states ({@link JsonState#toJson}). */
    private static Map<String, Object> snapshot(RunQueueHarness h, Owner o, List<String> ss, List<Stealer> st) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("head", h.head());
        m.put("tail", h.tail());
        Map<String, Object> slots = new LinkedHashMap<>();
        for (int i = 0; i < h.cap(); i++) slots.put(String.valueOf(i), h.name(h.slot(i)));
        m.put("slots", slots);
        m.put("runnext", h.name(h.runnext()));
        m.put("globq", h.globq().stream().map(h::name).toList());
        m.put("opc", o.opc);
        m.put("og", o.og);
        m.put("oh", o.oh);
        m.put("obatch", o.obatch);
        m.put("pending", List.copyOf(o.pending));
        m.put("got", List.copyOf(o.got));
        Map<String, Object> spc = new LinkedHashMap<>(), sh = new LinkedHashMap<>(), sn = new LinkedHashMap<>(),
                scopy = new LinkedHashMap<>(), stolen = new LinkedHashMap<>();
        for (int i = 0; i < ss.size(); i++) {
            Stealer s = st.get(i);
            spc.put(ss.get(i), s.spc);
            sh.put(ss.get(i), s.sh);
            sn.put(ss.get(i), s.sn);
            scopy.put(ss.get(i), s.scopy);
            stolen.put(ss.get(i), List.copyOf(s.stolen));
        }
        m.put("spc", spc);
        m.put("sh", sh);
        m.put("sn", sn);
        m.put("scopy", scopy);
        m.put("stolen", stolen);
        return m;
    }
}
