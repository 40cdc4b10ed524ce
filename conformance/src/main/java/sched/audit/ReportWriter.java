package sched.audit;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a {@link Report} as Markdown and as one self-contained HTML page (inline CSS and SVG, no network). */
public final class ReportWriter {
    private ReportWriter() {}

    static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:24px;color:#24292f;max-width:1400px}
            h1{font-size:24px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #d0d7de}
            table{border-collapse:collapse;margin:8px 0;font-size:13px}
            th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f6f8fa}td.pass{background:#dafbe1}td.fail{background:#ffebe9}td.skip{background:#fff8c5}
            tr.bad td{background:#ffebe9}code{font-size:12px}.scroll{overflow-x:auto;border:1px solid #d0d7de;margin:8px 0}
            .muted{color:#57606a;font-size:12px}
            """;

    public static String markdown(Report r) {
        StringBuilder sb = new StringBuilder("# sched audit report\n\n");
        sb.append(r.failed() ? "**Result: FAILED** — see the phases marked FAIL.\n\n" : "**Result: all checks passed.**\n\n");
        sb.append("## Phases\n\n| phase | result | summary | time | rerun with |\n|---|---|---|---|---|\n");
        for (Report.Phase p : r.phases) {
            sb.append("| ").append(p.name()).append(" | ").append(p.status()).append(" | ").append(md(p.summary()))
                    .append(" | ").append(secs(p.elapsed())).append(" | `").append(p.command()).append("` |\n");
        }
        sb.append("\n## Invariants\n\n| invariant | meaning | TLA+ | Java |");
        for (String c : Report.EVIDENCE) sb.append(' ').append(c).append(" |");
        sb.append("\n|---|---|---|---|");
        for (String ignored : Report.EVIDENCE) sb.append("---|");
        sb.append('\n');
        for (Report.Invariant inv : r.invariants.values()) {
            sb.append("| ").append(inv.name()).append(" | ").append(md(inv.meaning())).append(" | `").append(inv.tla())
                    .append("` | `").append(inv.java()).append("` |");
            for (String c : Report.EVIDENCE) sb.append(' ').append(md(inv.evidence().getOrDefault(c, "—"))).append(" |");
            sb.append('\n');
        }
        sb.append("\n## Action coverage of the replay\n\n");
        for (Map.Entry<String, Map<String, Long>> e : r.coverage.entrySet()) {
            sb.append("**").append(e.getKey()).append("**: ");
            e.getValue().forEach((a, n) -> sb.append(a).append(' ').append(n).append(", "));
            sb.setLength(sb.length() - 2);
            sb.append("\n\n");
        }
        sb.append("## State space against the constants\n\n| spec | config | constants | distinct states |\n|---|---|---|---|\n");
        for (Report.StatePoint p : r.stateSpace) {
            sb.append("| ").append(p.spec()).append(" | ").append(p.config()).append(" | ").append(md(p.constants()))
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", p.distinctStates())).append(" |\n");
        }
        sb.append("\n## Counterexamples\n\n");
        for (Report.Picture p : r.pictures) {
            sb.append("### ").append(p.title()).append("\n\n").append(p.note()).append("\n\n```\n")
                    .append(new Timeline(p.trace(), p.highlight()).ascii()).append("```\n\n");
        }
        sb.append("## Environment\n\n");
        r.environment.forEach((k, v) -> sb.append("- ").append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    public static String html(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>sched audit report</title><style>")
                .append(CSS).append("</style></head><body><h1>sched audit report</h1>");
        sb.append("<p id=\"verdict\" class=\"").append(r.failed() ? "fail" : "pass").append("\"><strong>")
                .append(r.failed() ? "FAILED: see the phases marked FAIL." : "All checks passed.").append("</strong></p>");
        sb.append("<h2>Phases</h2><table id=\"phases\"><tr><th>phase</th><th>result</th><th>summary</th><th>time</th><th>rerun with</th></tr>");
        for (Report.Phase p : r.phases) {
            sb.append("<tr><td>").append(e(p.name())).append("</td><td class=\"").append(p.status().name().toLowerCase(Locale.ROOT))
                    .append("\">").append(p.status()).append("</td><td>").append(e(p.summary())).append("</td><td>")
                    .append(secs(p.elapsed())).append("</td><td><code>").append(e(p.command())).append("</code></td></tr>");
        }
        sb.append("</table><h2>Invariants</h2><table id=\"invariants\"><tr><th>invariant</th><th>meaning</th><th>TLA+</th><th>Java</th>");
        for (String c : Report.EVIDENCE) sb.append("<th>").append(e(c)).append("</th>");
        sb.append("</tr>");
        for (Report.Invariant inv : r.invariants.values()) {
            sb.append("<tr><td><strong>").append(e(inv.name())).append("</strong></td><td>").append(e(inv.meaning()))
                    .append("</td><td><code>").append(e(inv.tla())).append("</code></td><td><code>").append(e(inv.java()))
                    .append("</code></td>");
            for (String c : Report.EVIDENCE) {
                String v = inv.evidence().get(c);
                String cls = v == null ? "" : v.contains("FAIL") || v.contains("NOT caught") ? "fail" : "pass";
                sb.append("<td class=\"").append(cls).append("\">").append(e(v == null ? "—" : v)).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</table><h2>Action coverage of the replay</h2>");
        for (Map.Entry<String, Map<String, Long>> en : r.coverage.entrySet()) {
            sb.append("<h3>").append(e(en.getKey())).append("</h3>").append(coverageChart(en.getValue()));
        }
        sb.append("<h2>State space against the constants</h2>").append(stateChart(r.stateSpace));
        sb.append("<table id=\"states\"><tr><th>spec</th><th>config</th><th>constants</th><th>distinct states</th></tr>");
        for (Report.StatePoint p : r.stateSpace) {
            sb.append("<tr><td>").append(e(p.spec())).append("</td><td>").append(e(p.config())).append("</td><td>")
                    .append(e(p.constants())).append("</td><td>").append(String.format(Locale.ROOT, "%,d", p.distinctStates()))
                    .append("</td></tr>");
        }
        sb.append("</table><h2>Counterexamples</h2>");
        if (r.pictures.isEmpty()) sb.append("<p class=\"muted\">None.</p>");
        for (Report.Picture p : r.pictures) {
            sb.append("<h3>").append(e(p.title())).append("</h3><p class=\"muted\">").append(e(p.note()))
                    .append("</p><div class=\"scroll\">").append(new Timeline(p.trace(), p.highlight()).svg()).append("</div>");
        }
        sb.append("<h2>Environment</h2><ul>");
        r.environment.forEach((k, v) -> sb.append("<li>").append(e(k)).append(": ").append(e(v)).append("</li>"));
        return sb.append("</ul></body></html>").toString();
    }

    /** Horizontal bars: how often each action was replayed (log scale). */
    static String coverageChart(Map<String, Long> counts) {
        int rowH = 18, left = 150, width = 560;
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        Svg s = new Svg(left + width + 80, counts.size() * rowH + 10);
        int i = 0;
        for (Map.Entry<String, Long> en : counts.entrySet()) {
            double y = 5 + i++ * rowH;
            double w = en.getValue() <= 0 ? 0 : width * Math.log1p(en.getValue()) / Math.log1p(max);
            s.text(left - 6, y + 12, en.getKey(), 11, "end", "#24292f");
            s.rect(left, y + 2, Math.max(1, w), rowH - 5, en.getValue() == 0 ? "#cf222e" : "#54aeff", "none", null);
            s.text(left + w + 4, y + 12, String.format(Locale.ROOT, "%,d", en.getValue()), 10, "start", "#57606a");
        }
        return s.build("chart coverage");
    }

    /** Bars of distinct states per (spec, config), log scale, labelled with the constants. */
    static String stateChart(List<Report.StatePoint> pts) {
        int rowH = 22, left = 260, width = 520;
        long max = pts.stream().mapToLong(Report.StatePoint::distinctStates).max().orElse(1);
        Svg s = new Svg(left + width + 120, Math.max(1, pts.size()) * rowH + 12);
        int i = 0;
        for (Report.StatePoint p : pts) {
            double y = 6 + i++ * rowH;
            double w = width * Math.log10(Math.max(1, p.distinctStates()) + 1) / Math.log10(max + 1);
            s.text(left - 6, y + 14, p.spec() + " " + p.config() + " (" + p.constants() + ")", 11, "end", "#24292f");
            s.rect(left, y + 3, Math.max(1, w), rowH - 6, "#8250df", "none", null);
            s.text(left + w + 4, y + 14, String.format(Locale.ROOT, "%,d", p.distinctStates()), 10, "start", "#57606a");
        }
        return s.build("chart statespace");
    }

    private static String e(String s) { return Svg.esc(s == null ? "" : s); }

    private static String md(String s) { return s == null ? "" : s.replace("|", "\\|").replace("\n", " "); }

    private static String secs(java.time.Duration d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
