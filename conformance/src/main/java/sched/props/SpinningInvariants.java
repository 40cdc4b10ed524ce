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
}
