package sched.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import sched.bench.Results.CaseResult;
import sched.bench.Results.Metric;

/**
 * The ratio chart: one panel per metric (wall, CPU, peak RSS), one group of bars per case, one bar per peer,
 * the ratio this runtime / peer on a log2 axis. Bars grow from 1: to the left this runtime is better.
 */
final class SvgChart {
    private SvgChart() {}

    private static final List<Peer> PEERS = List.of(Peer.VTHREADS, Peer.JUC, Peer.FJP, Peer.GO);
    private static final Map<Peer, String> COLOR = Map.of(Peer.VTHREADS, "#4e79a7", Peer.JUC, "#f28e2b",
            Peer.FJP, "#59a14f", Peer.GO, "#e15759");
    private static final double LO = 1.0 / 64, HI = 64;
    private static final int WIDTH = 1000, LEFT = 170, RIGHT = 80, BAR = 9, GAP = 8;

    static String render(List<CaseResult> cases, boolean quick, int runs, String when, int cores) {
        StringBuilder body = new StringBuilder();
        int y = 70;
        for (Metric m : Metric.values()) y = panel(body, cases, m, y);
        int height = y + 20;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, height, WIDTH,
                height));
        sb.append(String.format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        sb.append(text(LEFT, 20, 15, "start", "bold", "sched bench: this runtime / peer (median; below 1 = this"
                + " runtime better)"));
        sb.append(text(LEFT, 38, 11, "start", "normal", String.format("%s, %s sizes, %d run%s per peer, %d cores"
                + " (shared machine)", when, quick ? "--quick" : "full", runs, runs == 1 ? "" : "s", cores)));
        int lx = LEFT;
        for (Peer p : PEERS) {
            sb.append(String.format("<rect x=\"%d\" y=\"48\" width=\"12\" height=\"10\" fill=\"%s\"/>%n", lx,
                    COLOR.get(p)));
            sb.append(text(lx + 16, 57, 11, "start", "normal", "vs " + p.id));
            lx += 110;
        }
        sb.append(body);
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static double x(double r) {
        double c = Math.max(LO, Math.min(HI, r));
        double f = (log2(c) - log2(LO)) / (log2(HI) - log2(LO));
        return LEFT + f * (WIDTH - LEFT - RIGHT);
    }

    private static double log2(double v) { return Math.log(v) / Math.log(2); }

    private static int panel(StringBuilder sb, List<CaseResult> cases, Metric m, int y0) {
        sb.append(text(10, y0 + 14, 13, "start", "bold", m.label + " ratio"));
        int y = y0 + 26;
        int top = y;
        StringBuilder bars = new StringBuilder();
        for (CaseResult c : cases) {
            List<Peer> ps = PEERS.stream().filter(p -> c.get(p) != null).toList();
            if (ps.isEmpty()) continue;
            if (c.get(Peer.GORT) == null || !c.get(Peer.GORT).ok()) {
                String why = c.get(Peer.GORT) == null ? "not run" : c.get(Peer.GORT).status;
                bars.append(text(LEFT - 8, y + BAR, 11, "end", "normal", c.label()));
                bars.append(text((int) x(1) + 4, y + BAR, 9, "start", "normal", "this runtime: " + why));
                y += BAR + 4 + GAP;
                continue;
            }
            int groupH = ps.size() * BAR;
            bars.append(text(LEFT - 8, y + groupH / 2 + 4, 11, "end", "normal", c.label()));
            for (Peer p : ps) {
                double r = c.ratio(p, m);
                if (Double.isNaN(r)) {
                    String why = c.get(Peer.GORT) != null && !c.get(Peer.GORT).ok() ? "this runtime n/a"
                            : p.id + " n/a";
                    bars.append(text((int) x(1) + 4, y + BAR - 1, 9, "start", "normal", why));
                } else {
                    double x1 = x(1), x2 = x(r);
                    double left = Math.min(x1, x2), w = Math.max(1, Math.abs(x2 - x1));
                    bars.append(String.format(Locale.ROOT,
                            "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s vs %s: %.3f"
                                    + "</title></rect>%n", left, y, w, BAR - 1, COLOR.get(p), c.label(), p.id, r));
                    String label = String.format(Locale.ROOT, "%.2f", r) + (r > HI || r < LO ? " (clipped)" : "");
                    if (r >= 1) bars.append(text((int) (x2 + 3), y + BAR - 1, 9, "start", "normal", label));
                    else bars.append(text((int) (x2 - 3), y + BAR - 1, 9, "end", "normal", label));
                }
                y += BAR;
            }
            y += GAP;
        }
        int bottom = y;
        // grid
        for (double g = LO; g <= HI * 1.0001; g *= 2) {
            double gx = x(g);
            boolean one = Math.abs(g - 1) < 1e-9;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\""
                    + " stroke-width=\"%s\"/>%n", gx, top - 4, gx, bottom, one ? "#333" : "#ddd", one ? "1.5" : "1"));
            String lab = g >= 1 ? String.format(Locale.ROOT, "%.0f", g) : "1/" + Math.round(1 / g);
            sb.append(text((int) gx, bottom + 12, 9, "middle", "normal", lab));
        }
        sb.append(bars);
        return bottom + 30;
    }

    private static String text(int x, int y, int size, String anchor, String weight, String s) {
        return String.format("<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"%s\" font-weight=\"%s\">%s"
                + "</text>%n", x, y, size, anchor, weight, esc(s));
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
