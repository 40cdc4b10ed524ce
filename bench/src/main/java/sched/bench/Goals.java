package sched.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sched.bench.Results.CaseResult;
import sched.bench.Results.Metric;

/**
 * The goals of issue 7, checked against a run: skynet, pingpong and spawn faster than virtual threads and no
 * slower than Go; fanout no slower than Go (ForkJoinPool shown beside it); idle-wakeup CPU below Go's; peak
 * memory within 2x of Go's (on the workloads whose memory is their goroutines: skynet, spawn, fanout, timers;
 * pingpong and idle-wakeup hold a handful of goroutines, where the JVM's own footprint is all there is).
 */
public final class Goals {
    private Goals() {}

    public static List<Map<String, Object>> evaluate(List<CaseResult> cases, int procs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Workload w : List.of(Workload.SKYNET, Workload.PINGPONG, Workload.SPAWN)) {
            // In these three both vthreads and juc run on virtual threads: the goal is against the faster.
            CaseResult c = find(cases, w, procs);
            Peer best = Peer.VTHREADS;
            if (c != null && c.get(Peer.JUC) != null && c.get(Peer.JUC).ok() && c.get(Peer.VTHREADS) != null
                    && c.get(Peer.VTHREADS).ok()
                    && c.get(Peer.JUC).median(Metric.WALL) < c.get(Peer.VTHREADS).median(Metric.WALL)) {
                best = Peer.JUC;
            }
            goal(out, cases, procs, w, best, Metric.WALL, 1.0, true,
                    w.id + ": faster than virtual threads (wall; the faster of vthreads and juc: " + best.id + ")");
            goal(out, cases, procs, w, Peer.GO, Metric.WALL, 1.0, false, w.id + ": no slower than Go (wall)");
        }
        goal(out, cases, procs, Workload.FANOUT, Peer.GO, Metric.WALL, 1.0, false,
                "fanout: no slower than Go (wall)");
        CaseResult f = find(cases, Workload.FANOUT, procs);
        if (f != null && !Double.isNaN(f.ratio(Peer.FJP, Metric.WALL))) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("goal", "fanout: ForkJoinPool's inline join, the limit (shown, not a goal)");
            g.put("workload", "fanout");
            g.put("peer", "fjp");
            g.put("metric", "wall_ms");
            g.put("ratio", f.ratio(Peer.FJP, Metric.WALL));
            g.put("verdict", "info");
            g.put("detail", String.format(Locale.ROOT, "this runtime takes %.1fx ForkJoinPool's wall time",
                    f.ratio(Peer.FJP, Metric.WALL)));
            out.add(g);
        }
        goal(out, cases, procs, Workload.IDLE_WAKEUP, Peer.GO, Metric.CPU, 1.0, true,
                "idle-wakeup: CPU time below Go's");
        for (Workload w : List.of(Workload.SKYNET, Workload.SPAWN, Workload.FANOUT, Workload.TIMERS)) {
            goal(out, cases, procs, w, Peer.GO, Metric.RSS, 2.0, false,
                    w.id + ": peak memory within 2x of Go's");
        }
        return out;
    }

    private static CaseResult find(List<CaseResult> cases, Workload w, int procs) {
        for (CaseResult c : cases) if (c.workload == w && c.procs == procs) return c;
        return null;
    }

    /** ratio = this runtime / peer; met when ratio < limit (strict) or <= limit. */
    private static void goal(List<Map<String, Object>> out, List<CaseResult> cases, int procs, Workload w, Peer peer,
            Metric m, double limit, boolean strict, String text) {
        CaseResult c = find(cases, w, procs);
        if (c == null) return;
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("goal", text);
        g.put("workload", w.id);
        g.put("peer", peer.id);
        g.put("metric", Harness.key(m));
        g.put("limit", limit);
        double r = c.ratio(peer, m);
        g.put("ratio", Double.isNaN(r) ? null : r);
        if (Double.isNaN(r)) {
            g.put("verdict", "n/a");
            var us = c.get(Peer.GORT);
            var them = c.get(peer);
            String why = us == null ? "not run" : !us.ok() ? "this runtime: " + us.status
                    : them == null ? peer.id + " not run" : peer.id + ": " + them.status;
            g.put("detail", why);
        } else {
            boolean met = strict ? r < limit : r <= limit;
            g.put("verdict", met ? "met" : "MISSED");
            String rel = String.format(Locale.ROOT, "ratio %.2f (limit %s%.1f)", r, strict ? "<" : "<=", limit);
            if (!met) {
                rel += String.format(Locale.ROOT, ": over by %.0f%%", (r / limit - 1) * 100);
            }
            g.put("detail", rel);
        }
        out.add(g);
    }
}
