package sched.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import sched.bench.Results.CaseResult;
import sched.bench.Results.Metric;
import sched.bench.Results.PeerResult;

/** The same tables as the console, as Markdown (bench/results/latest.md, pasted into docs/BENCHMARKS.md). */
final class Markdown {
    private Markdown() {}

    static String render(List<CaseResult> cases, List<Map<String, Object>> goals, String command, String when,
            int runs, int warmup, String java, String go) {
        StringBuilder sb = new StringBuilder();
        sb.append("Command: `").append(command).append("`  \n");
        sb.append(String.format(Locale.ROOT, "Taken %s; %d run%s per peer, each in a fresh process after %d"
                + " in-process warm-up iteration%s; %s; %s.%n%n", when, runs, runs == 1 ? "" : "s", warmup,
                warmup == 1 ? "" : "s", java, go));
        sb.append("Ratio = this runtime's median / the peer's (below 1: this runtime better). Wall and CPU in ms,"
                + " peak RSS in MiB; median [min-max].\n\n");
        for (CaseResult c : cases) {
            sb.append(String.format(Locale.ROOT, "**%s**, GOMAXPROCS %d: %s (load average %s before, %s after)%n%n",
                    c.workload.id, c.procs, c.workload.describe(c.params), Harness.fmt(c.loadBefore),
                    Harness.fmt(c.loadAfter)));
            sb.append("| peer | wall ms | CPU ms | peak RSS MiB | ratio wall | ratio CPU | ratio RSS |\n");
            sb.append("|---|---|---|---|---|---|---|\n");
            for (PeerResult r : c.peers) {
                if (!r.ok()) {
                    sb.append("| ").append(r.peer.id).append(" | ").append(r.status).append(" | | | | | |\n");
                    continue;
                }
                boolean us = r.peer == Peer.GORT;
                sb.append("| ").append(us ? "**go-rt**" : r.peer.id)
                        .append(" | ").append(range(r, Metric.WALL))
                        .append(" | ").append(range(r, Metric.CPU))
                        .append(" | ").append(range(r, Metric.RSS))
                        .append(" | ").append(us ? "" : Harness.fmtRatio(c.ratio(r.peer, Metric.WALL)))
                        .append(" | ").append(us ? "" : Harness.fmtRatio(c.ratio(r.peer, Metric.CPU)))
                        .append(" | ").append(us ? "" : Harness.fmtRatio(c.ratio(r.peer, Metric.RSS)))
                        .append(" |\n");
            }
            sb.append('\n');
        }
        sb.append("Goals (issue 7):\n\n| verdict | goal | detail |\n|---|---|---|\n");
        for (Map<String, Object> g : goals) {
            sb.append("| ").append(g.get("verdict")).append(" | ").append(g.get("goal")).append(" | ")
                    .append(g.get("detail")).append(" |\n");
        }
        return sb.toString();
    }

    private static String range(PeerResult r, Metric m) {
        if (r.runs.size() == 1) return Harness.fmt(r.median(m));
        return Harness.fmt(r.median(m)) + " [" + Harness.fmt(r.min(m)) + "-" + Harness.fmt(r.max(m)) + "]";
    }
}
