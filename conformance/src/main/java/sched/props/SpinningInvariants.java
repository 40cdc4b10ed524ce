package sched.props;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spinning.tla's safety properties evaluated on a Java snapshot ({@code sched.runtime.Snapshot.spinning}), with
 * the same definitions as the spec (ARCHITECTURE.md's forms): accounting of nmspinning and npidle, every P owned
 * once, conservation of goroutines, and no lost wakeup in the at-rest form. Returns what is violated, in words.
 */
public final class SpinningInvariants {
    private SpinningInvariants() {}

    public static final String NONE = "none";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fn(Map<String, Object> st, String v) { return (Map<String, Object>) st.get(v); }

    @SuppressWarnings("unchecked")
    private static List<Object> seq(Object o) { return (List<Object>) o; }

    public static List<String> violations(Map<String, Object> st) {
        List<String> out = new ArrayList<>();
        Map<String, Object> mpc = fn(st, "mpc"), mp = fn(st, "mp"), mnextp = fn(st, "mnextp"),
                mspinning = fn(st, "mspinning"), mcurg = fn(st, "mcurg"), mnextg = fn(st, "mnextg"),
                runq = fn(st, "runq"), runnext = fn(st, "runnext"), gstatus = fn(st, "gstatus");
        List<Object> pidle = seq(st.get("pidle")), globq = seq(st.get("globq"));
        int npidle = (Integer) st.get("npidle"), nmspinning = (Integer) st.get("nmspinning");

        // SpinAccounting: nmspinning = spinning Ms + wakeups in flight (Ms at pc startm).
        long spinning = mspinning.values().stream().filter(Boolean.TRUE::equals).count();
        long inflight = mpc.values().stream().filter("startm"::equals).count();
        if (nmspinning != spinning + inflight) {
            out.add("SpinAccounting: nmspinning = " + nmspinning + " but " + spinning + " M(s) spin and " + inflight
                    + " wakeup(s) are in flight");
        }
        // IdleAccounting.
        if (npidle != pidle.size()) out.add("IdleAccounting: npidle = " + npidle + " but pidle = " + pidle);
        if (pidle.stream().distinct().count() != pidle.size()) out.add("IdleAccounting: a P is idle twice: " + pidle);
        for (Object p : pidle) {
            if (!seq(runq.get(p)).isEmpty() || !NONE.equals(runnext.get(p))) {
                out.add("IdleAccounting: idle " + p + " has work (runq " + runq.get(p) + ", runnext " + runnext.get(p) + ")");
            }
        }
        // MPAgree: every P is exactly one of idle, held by one M, handed to one woken M.
        for (String p : runq.keySet()) {
            long held = mp.values().stream().filter(p::equals).count();
            long handed = mnextp.values().stream().filter(p::equals).count();
            long idle = pidle.contains(p) ? 1 : 0;
            if (held + handed + idle != 1) {
                out.add("MPAgree: " + p + " is held by " + held + ", handed to " + handed + ", idle " + idle);
            }
        }
        // Conservation: a runnable G is held exactly once; a running G is exactly one M's; others nowhere.
        for (var e : gstatus.entrySet()) {
            String g = e.getKey();
            String s = (String) e.getValue();
            long copies = globq.stream().filter(g::equals).count()
                    + mnextg.values().stream().filter(g::equals).count()
                    + mcurg.values().stream().filter(g::equals).count()
                    + runnext.values().stream().filter(g::equals).count()
                    + runq.values().stream().mapToLong(q -> seq(q).stream().filter(g::equals).count()).sum();
            long want = s.equals("runnable") || s.equals("running") ? 1 : 0;
            if (copies != want) out.add("Conservation: " + g + " (" + s + ") is held " + copies + " time(s)");
            boolean runningSomewhere = mcurg.values().stream().anyMatch(g::equals);
            if (s.equals("running") != runningSomewhere) out.add("Conservation: " + g + " is " + s + " but mcurg says "
                    + (runningSomewhere ? "running" : "not running"));
        }
        for (Object g : globq) if (!gstatus.containsKey(g)) out.add("Conservation: unknown goroutine " + g + " in globq");
        // NoLostWakeup, at-rest form.
        boolean atRest = mpc.values().stream().allMatch(pc -> pc.equals("running") || pc.equals("parked")
                || pc.equals("unstarted"));
        if (atRest && npidle > 0) {
            for (String p : runq.keySet()) {
                if (!seq(runq.get(p)).isEmpty() || !NONE.equals(runnext.get(p))) {
                    out.add("NoLostWakeup: every M is at rest, " + pidle + " idle, and " + p + " holds work (runq "
                            + runq.get(p) + ", runnext " + runnext.get(p) + ")");
                }
            }
            if (!globq.isEmpty() && mpc.values().stream().noneMatch("running"::equals)) {
                out.add("NoLostWakeup: every M is at rest, none running, and the global queue holds " + globq);
            }
        }
        return out;
    }

    /**
     * Spinning.tla's RunqSteal(m, v) as an action property of one Java step: from a non-empty ring, the thief takes
     * its rounded-up half (the last one taken is picked, the others go, in order, to the thief's empty ring); v's
     * runnext only when every other P's ring is empty (Go looks at runnext only in the last of its 4 rounds).
     */
    @SuppressWarnings("unchecked")
    public static List<String> runqSteal(String m, String v, Map<String, Object> before, Map<String, Object> after) {
        List<String> out = new ArrayList<>();
        Map<String, Object> mp = fn(before, "mp"), qb = fn(before, "runq"), qa = fn(after, "runq"),
                nb = fn(before, "runnext"), na = fn(after, "runnext"), picked = fn(after, "mnextg");
        String p = (String) mp.get(m);
        if (v == null || p == null || v.equals(p)) return List.of("RunqSteal: " + m + " robbed no other P (victim " + v + ")");
        List<Object> ring = seq(qb.get(v));
        if (!ring.isEmpty()) {
            int n = ring.size() - ring.size() / 2;
            if (!seq(qa.get(v)).equals(ring.subList(n, ring.size()))) {
                out.add("RunqSteal: " + v + "'s ring " + ring + " became " + qa.get(v) + ", expected its first " + n + " taken");
            }
            if (!seq(qa.get(p)).equals(ring.subList(0, n - 1))) {
                out.add("RunqSteal: the thief's ring is " + qa.get(p) + ", expected " + ring.subList(0, n - 1));
            }
            if (!ring.get(n - 1).equals(picked.get(m))) {
                out.add("RunqSteal: " + m + " picked " + picked.get(m) + ", expected " + ring.get(n - 1));
            }
            if (!nb.get(v).equals(na.get(v))) out.add("RunqSteal: " + v + "'s runnext was taken although its ring held " + ring);
        } else {
            for (var e : qb.entrySet()) {
                if (!e.getKey().equals(p) && !seq(e.getValue()).isEmpty()) {
                    out.add("RunqSteal: " + m + " took " + v + "'s runnext while " + e.getKey() + "'s ring held "
                            + e.getValue() + " (runnext is stolen only when every other ring is empty)");
                }
            }
            if (NONE.equals(nb.get(v)) || !nb.get(v).equals(picked.get(m)) || !NONE.equals(na.get(v))) {
                out.add("RunqSteal: " + v + "'s runnext " + nb.get(v) + " was not what " + m + " picked (" + picked.get(m) + ")");
            }
        }
        return out;
    }

    /**
     * Spinning.tla's GlobRunqGet(m) as an action property of one Java step: from a global queue of size s, the M
     * takes a batch of n = min(s, s / GOMAXPROCS + 1, Cap / 2) from its front; the first is picked, the other n - 1
     * go, in order, to the end of the M's own ring (Go's globrunqget with max = 0). With every config's Cap = 2 the
     * batch is always one goroutine, so only a Cap = 4 scenario tells a wrong batch size apart.
     */
    @SuppressWarnings("unchecked")
    public static List<String> globRunqGet(String m, int cap, Map<String, Object> before, Map<String, Object> after) {
        return globRunqGet("GlobRunqGet", m, cap, 0, before, after);
    }

    /**
     * Fairness.tla's Schedule61(m): every 61st schedule (the scenario's period) takes from the global queue with
     * max = 1: exactly one goroutine, picked, nothing moved to the ring.
     */
    public static List<String> schedule61(String m, int cap, Map<String, Object> before, Map<String, Object> after) {
        return globRunqGet("Schedule61", m, cap, 1, before, after);
    }

    /** globrunqget(pp, max) as one step: a batch of min(s, s/GOMAXPROCS+1, max if > 0, Cap/2) from the front. */
    private static List<String> globRunqGet(String action, String m, int cap, int max, Map<String, Object> before,
                                            Map<String, Object> after) {
        List<String> out = new ArrayList<>();
        List<Object> gb = seq(before.get("globq")), ga = seq(after.get("globq"));
        Map<String, Object> mp = fn(before, "mp"), qb = fn(before, "runq"), qa = fn(after, "runq"),
                picked = fn(after, "mnextg");
        String p = (String) mp.get(m);
        int size = gb.size(), nP = qb.size();
        if (size == 0 || p == null) return List.of(action + ": " + m + " took from an empty global queue or holds no P");
        int n = Math.min(Math.min(size, size / nP + 1), cap / 2);
        if (max > 0) n = Math.min(n, max);
        if (!ga.equals(gb.subList(n, size))) {
            out.add(action + ": the global queue " + gb + " became " + ga + ", expected its first " + n + " taken"
                    + " (min(" + size + ", " + size + "/" + nP + "+1, " + (max > 0 ? "max " + max + ", " : "")
                    + "Cap/2=" + cap / 2 + "))");
        }
        List<Object> want = new ArrayList<>(seq(qb.get(p)));
        want.addAll(gb.subList(1, n));
        if (!seq(qa.get(p)).equals(want)) out.add(action + ": " + p + "'s ring is " + qa.get(p) + ", expected " + want);
        if (!gb.getFirst().equals(picked.get(m))) {
            out.add(action + ": " + m + " picked " + picked.get(m) + ", expected " + gb.getFirst());
        }
        return out;
    }

    /**
     * Spinning.tla's StartSpinning(m) as an action property: with every other P idle the M stops at once; else an
     * M that spins goes on spinning, and a new one spins only while 2 * nmspinning < GOMAXPROCS - npidle (Go's
     * limit, which keeps spinning Ms to half the busy Ps); a new spinner sets its flag and adds one to nmspinning,
     * and an M that was woken spinning keeps its flag even on the way to stop.
     */
    public static List<String> startSpinning(String m, Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> mpc = fn(after, "mpc"), spinB = fn(before, "mspinning"), spinA = fn(after, "mspinning");
        int nP = fn(before, "runq").size();
        int npidle = (Integer) before.get("npidle");
        int nms = (Integer) before.get("nmspinning"), nmsA = (Integer) after.get("nmspinning");
        boolean was = Boolean.TRUE.equals(spinB.get(m));
        boolean spin = npidle != nP - 1 && (was || 2 * nms < nP - npidle);
        List<String> out = new ArrayList<>();
        String want = spin ? "spinning" : "stop";
        if (!want.equals(mpc.get(m))) {
            out.add("StartSpinning: " + m + " went to " + mpc.get(m) + ", expected " + want + " (npidle " + npidle
                    + " of " + nP + " Ps, nmspinning " + nms + ", " + (was ? "already" : "not") + " spinning)");
        }
        // An M woken to spin keeps its flag on the way to stop (DropSpinning clears it); a new spinner sets it.
        if (Boolean.TRUE.equals(spinA.get(m)) != (was || spin)) {
            out.add("StartSpinning: " + m + "'s spinning flag is " + spinA.get(m));
        }
        int wantNms = nms + (spin && !was ? 1 : 0);
        if (nmsA != wantNms) out.add("StartSpinning: nmspinning went from " + nms + " to " + nmsA + ", expected " + wantNms);
        return out;
    }

    /**
     * Spinning.tla's ResetSpinning(m) as an action property: a spinning M that found work clears its flag and
     * takes one from nmspinning; it must then wake another M (pc resetwake) exactly when it was the last spinner
     * and some P is idle. With two Ps a second spinner always holds the only other P, so npidle = 0 whenever
     * nmspinning stays above 0: only scenarios with three or more Ps tell "last spinner" from "any spinner".
     */
    public static List<String> resetSpinning(String m, Map<String, Object> before, Map<String, Object> after) {
        List<String> out = new ArrayList<>();
        int nms = (Integer) before.get("nmspinning"), nmsA = (Integer) after.get("nmspinning");
        int npidle = (Integer) after.get("npidle");
        if (nmsA != nms - 1) out.add("ResetSpinning: nmspinning went from " + nms + " to " + nmsA + ", expected " + (nms - 1));
        if (Boolean.TRUE.equals(fn(after, "mspinning").get(m))) out.add("ResetSpinning: " + m + " still spinning");
        String want = nmsA == 0 && npidle > 0 ? "resetwake" : "picked";
        if (!want.equals(fn(after, "mpc").get(m))) {
            out.add("ResetSpinning: " + m + " went to " + fn(after, "mpc").get(m) + ", expected " + want + " (nmspinning "
                    + nmsA + ", npidle " + npidle + ")");
        }
        return out;
    }
}
