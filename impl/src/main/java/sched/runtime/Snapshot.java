package sched.runtime;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The abstraction function: the live Java runtime mapped to the abstract state of a spec (docs/ACTIONS.md), in the
 * shape trace files use (docs/TRACES.md), so replay compares like with like. This class is the one place where
 * Java fields become TLA+ variables; docs/REPLAY.md explains every line of the mapping.
 *
 * <p>Values are plain Java: {@code String} (names, pcs, {@code "none"}), {@code Integer}, {@code Boolean},
 * {@code List} (sequences, head first) and {@code LinkedHashMap<String, Object>} (functions, keyed by name).
 *
 * <p>Read it only while no M moves (under {@link DeterministicSeam}, between two steps): it reads the queues
 * without their locks' protocol.
 */
public final class Snapshot {
    private Snapshot() {}

    /** Spinning.tla's variables, in declaration order. */
    public static final List<String> SPINNING = List.of("pidle", "npidle", "runq", "runnext", "globq",
            "nmspinning", "midle", "mpc", "mp", "mnextp", "mspinning", "mwasspin", "mcurg", "mnextg", "mret",
            "gstatus");

    public static final String NONE = "none";

    /**
     * The trace names of a runtime's Ms, Ps and Gs.
     * <ul>
     *   <li>Ms by creation: the M with id {@code i} (allocm numbers them 0, 1, ...) is {@code ms.get(i)}; an M the
     *       runtime has not created yet is "unstarted".</li>
     *   <li>Ps by id: {@code ps.get(i)} is the P with id {@code i}.</li>
     *   <li>Gs are bound by the driver when they are created ({@link #bind}): a goroutine slot name stands for the
     *       Java G created for it, identified by the G object and its goid (a dead G is recycled with a new goid,
     *       so a name whose G has another goid now is a dead slot).</li>
     * </ul>
     */
    public static final class Names {
        private final List<String> ms, ps, gs;
        private final Map<String, G> bound = new LinkedHashMap<>();
        private final Map<String, Long> goids = new LinkedHashMap<>();
        private final IdentityHashMap<G, String> byG = new IdentityHashMap<>();

        public Names(List<String> ms, List<String> ps, List<String> gs) {
            this.ms = List.copyOf(ms);
            this.ps = List.copyOf(ps);
            this.gs = List.copyOf(gs);
        }

        public List<String> ms() { return ms; }

        public List<String> ps() { return ps; }

        public List<String> gs() { return gs; }

        /** From now on goroutine slot {@code name} is {@code g} (with its current goid). */
        public void bind(String name, G g) {
            G old = bound.put(name, g);
            if (old != null && byG.get(old) != null && byG.get(old).equals(name)) byG.remove(old);
            goids.put(name, g.goid);
            byG.put(g, name);
        }

        /** The G bound to {@code name} if it is still that goroutine (same goid), else null. */
        public G live(String name) {
            G g = bound.get(name);
            return g != null && g.goid == goids.get(name) ? g : null;
        }

        public boolean isBound(String name) { return bound.containsKey(name); }

        public String m(M m) {
            if (m == null) return NONE;
            return m.id >= 0 && m.id < ms.size() ? ms.get(m.id) : "m?" + m.id;
        }

        public String p(P p) {
            if (p == null) return NONE;
            return p.id >= 0 && p.id < ps.size() ? ps.get(p.id) : "p?" + p.id;
        }

        /** A G's slot name; an unnamed G shows as {@code g?<goid>} (it then differs from any trace). */
        public String g(G g) {
            if (g == null) return NONE;
            String n = byG.get(g);
            return n != null && goids.get(n) == g.goid ? n : "g?" + g.goid;
        }

        /** The M named {@code name}'s id, or -1. */
        public int mIndex(String name) { return ms.indexOf(name); }

        public int pIndex(String name) { return ps.indexOf(name); }
    }

    /** Spinning.tla's abstract state of {@code rt}: every variable of {@link #SPINNING}, in that order. */
    public static LinkedHashMap<String, Object> spinning(GoRuntime rt, Names n) {
        Sched s = rt.sched;
        P[] allp = s.allp;
        List<M> allm = List.copyOf(s.allm);
        LinkedHashMap<String, Object> st = new LinkedHashMap<>();

        List<Object> pidle = new ArrayList<>();
        for (P p : s.pidleList()) pidle.add(n.p(p));
        st.put("pidle", pidle);
        st.put("npidle", s.npidle());

        LinkedHashMap<String, Object> runq = new LinkedHashMap<>();
        LinkedHashMap<String, Object> runnext = new LinkedHashMap<>();
        for (P p : allp) {
            List<Object> ring = new ArrayList<>();
            for (G g : p.runqContents()) ring.add(n.g(g));
            runq.put(n.p(p), ring);
            runnext.put(n.p(p), n.g(p.runnext()));
        }
        st.put("runq", runq);
        st.put("runnext", runnext);

        List<Object> globq = new ArrayList<>();
        for (G g : s.globalRunqContents()) globq.add(n.g(g));
        st.put("globq", globq);
        st.put("nmspinning", s.nmspinning());

        List<Object> midle = new ArrayList<>();
        for (M m : s.midleList()) midle.add(n.m(m));
        st.put("midle", midle);

        LinkedHashMap<String, Object> mpc = new LinkedHashMap<>(), mp = new LinkedHashMap<>(),
                mnextp = new LinkedHashMap<>(), mspinning = new LinkedHashMap<>(), mwasspin = new LinkedHashMap<>(),
                mcurg = new LinkedHashMap<>(), mnextg = new LinkedHashMap<>(), mret = new LinkedHashMap<>();
        for (int i = 0; i < n.ms.size(); i++) {
            String name = n.ms.get(i);
            M m = i < allm.size() ? allm.get(i) : null;
            if (m == null) { // not created yet: what the spec's Init says of a non-first M
                mpc.put(name, MState.unstarted.name());
                mp.put(name, NONE);
                mnextp.put(name, NONE);
                mspinning.put(name, false);
                mwasspin.put(name, false);
                mcurg.put(name, NONE);
                mnextg.put(name, NONE);
                mret.put(name, "running");
                continue;
            }
            MState pc = m.pc;
            mpc.put(name, pc.name());
            mp.put(name, n.p(m.p));
            mnextp.put(name, n.p(m.nextp));
            mspinning.put(name, m.spinning);
            // wasSpinning is a local of findrunnable in Go: live only between DropSpinning and RecheckAllP.
            mwasspin.put(name, m.wasSpinning && pc == MState.recheck);
            mcurg.put(name, n.g(m.curg));
            mnextg.put(name, n.g(m.nextg));
            // mret matters only inside a wakep sequence started by ResetSpinning (pc resetwake, then startm);
            // elsewhere the spec keeps it "running" (Java leaves the field as it was last set).
            boolean inWakep = pc == MState.resetwake || pc == MState.startm;
            mret.put(name, inWakep && m.ret == MState.picked ? "picked" : "running");
        }
        for (int i = n.ms.size(); i < allm.size(); i++) mpc.put(n.m(allm.get(i)), allm.get(i).pc.name());
        st.put("mpc", mpc);
        st.put("mp", mp);
        st.put("mnextp", mnextp);
        st.put("mspinning", mspinning);
        st.put("mwasspin", mwasspin);
        st.put("mcurg", mcurg);
        st.put("mnextg", mnextg);
        st.put("mret", mret);

        LinkedHashMap<String, Object> gstatus = new LinkedHashMap<>();
        for (String name : n.gs) {
            if (!n.isBound(name)) {
                gstatus.put(name, "idle");
                continue;
            }
            G g = n.live(name);
            gstatus.put(name, g == null ? "dead" : g.statusName());
        }
        st.put("gstatus", gstatus);
        return st;
    }

    /** Fairness.tla's variables that are abstract state, in declaration order ({@code auxWait} is auxiliary). */
    public static final List<String> FAIRNESS = List.of("runq", "runnext", "globq", "schedtick", "slice", "mpc",
            "mcurg", "mnextg", "minherit", "gstatus");

    /**
     * Fairness.tla's abstract state: one P, one M. {@code schedtick} is the P's schedtick modulo the global-check
     * period {@code k}; {@code slice}, sysmon's count of dispatches in the current time slice, is not a field of the
     * runtime (Java's sysmon measures time) and is given by the driver, which plays sysmon; {@code minherit} is the
     * M's inheritTime while it has a picked G (pc picked), else FALSE (the spec clears it at Execute).
     */
    public static LinkedHashMap<String, Object> fairness(GoRuntime rt, Names n, int k, int slice) {
        Sched s = rt.sched;
        P p = s.allp[0];
        M m = s.allm.getFirst();
        String pn = n.p(p), mn = n.m(m);
        LinkedHashMap<String, Object> st = new LinkedHashMap<>();
        List<Object> ring = new ArrayList<>();
        for (G g : p.runqContents()) ring.add(n.g(g));
        st.put("runq", one(pn, ring));
        st.put("runnext", one(pn, n.g(p.runnext())));
        List<Object> globq = new ArrayList<>();
        for (G g : s.globalRunqContents()) globq.add(n.g(g));
        st.put("globq", globq);
        st.put("schedtick", one(pn, Math.floorMod(p.schedtick, k)));
        st.put("slice", one(pn, slice));
        st.put("mpc", one(mn, m.pc.name()));
        st.put("mcurg", one(mn, n.g(m.curg)));
        st.put("mnextg", one(mn, n.g(m.nextg)));
        st.put("minherit", one(mn, m.pc == MState.picked && m.inheritTime));
        LinkedHashMap<String, Object> gstatus = new LinkedHashMap<>();
        for (String name : n.gs) {
            G g = n.live(name);
            gstatus.put(name, !n.isBound(name) ? "idle" : g == null ? "dead" : g.statusName());
        }
        st.put("gstatus", gstatus);
        return st;
    }

    private static LinkedHashMap<String, Object> one(String k, Object v) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put(k, v);
        return m;
    }
}
