package sched.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import sched.trace.Json;
import sched.trace.Trace;
import sched.trace.TraceStep;

/**
 * A trace drawn as a timeline: one lane per M and per P (and per other actor the actions name, such as a
 * stealer), one column per step; each step is a box in the lane of every actor its arguments name, labelled with
 * the action and the goroutine it moved. The highlighted step (the violating state of a counterexample, or the
 * first divergence of a replay) is drawn in red. {@link #svg} for the report and {@code ./sched show},
 * {@link #ascii} for a terminal.
 */
public final class Timeline {
    static final int COL = 118, LANE = 34, LEFT = 70, TOP = 30;

    /** One drawn step. */
    record Box(int step, String action, List<String> lanes, String goroutines, String changed) {}

    private final Trace trace;
    private final int highlight;
    private final List<String> lanes;
    private final List<Box> boxes;

    /** @param highlight the step to draw in red, or -1 */
    public Timeline(Trace trace, int highlight) {
        this.trace = trace;
        this.highlight = highlight;
        this.boxes = new ArrayList<>();
        Set<String> actors = new TreeSet<>(Timeline::laneOrder);
        List<TraceStep> steps = trace.steps();
        for (int i = 1; i < steps.size(); i++) {
            TraceStep s = steps.get(i);
            List<String> ls = new ArrayList<>();
            for (Map.Entry<String, Json> a : s.args().fields().entrySet()) {
                if (a.getValue() instanceof Json.JString js && isActor(a.getKey(), js.value())) ls.add(js.value());
            }
            // The P the acting M holds, before or after the step, is part of the picture too.
            for (String m : List.copyOf(ls)) {
                for (TraceStep st : List.of(steps.get(i - 1), s)) {
                    String p = str(field(st.state(), "mp", m));
                    if (p != null && !p.equals("none") && !ls.contains(p)) ls.add(p);
                }
            }
            if (ls.isEmpty()) ls.add("spec");
            actors.addAll(ls);
            boxes.add(new Box(i, s.action(), ls, movedGoroutines(steps.get(i - 1).state(), s.state(), s.args()),
                    changedVars(steps.get(i - 1).state(), s.state())));
        }
        this.lanes = new ArrayList<>(actors);
        if (lanes.isEmpty()) lanes.add("spec");
    }

    /** Ms first, then Ps, then anything else; numeric suffixes in numeric order. */
    static int laneOrder(String a, String b) {
        int ka = kind(a), kb = kind(b);
        if (ka != kb) return Integer.compare(ka, kb);
        String pa = a.replaceAll("\\d+$", ""), pb = b.replaceAll("\\d+$", "");
        if (!pa.equals(pb)) return pa.compareTo(pb);
        return Long.compare(num(a), num(b));
    }

    private static int kind(String s) {
        if (s.matches("m\\d+")) return 0;
        if (s.matches("p\\d+")) return 1;
        return 2;
    }

    private static long num(String s) {
        String d = s.replaceAll("^\\D*", "");
        try {
            return d.isEmpty() ? 0 : Long.parseLong(d);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Arguments that name an actor (an M, a P, a victim, a stealer, an owner), not a goroutine or a value. */
    private static boolean isActor(String key, String value) {
        if (value.matches("g\\d+")) return false;
        return value.matches("[mp]\\d+") || key.equals("v") || key.equals("s") || key.equals("owner")
                || key.equals("stealer") || key.equals("t");
    }

    private static Json field(Json.JObject state, String var, String key) {
        Json v = state.get(var);
        return v instanceof Json.JObject o ? o.get(key) : null;
    }

    private static String str(Json j) { return j instanceof Json.JString s ? s.value() : null; }

    /** The goroutines whose place (queue, runnext, M) or status changed, or the step's g argument. */
    static String movedGoroutines(Json.JObject before, Json.JObject after, Json.JObject args) {
        if (args.get("g") instanceof Json.JString g) return g.value();
        Set<String> moved = new LinkedHashSet<>();
        for (String var : after.fields().keySet()) {
            Json b = before.get(var), a = after.get(var);
            if (a == null || a.equals(b)) continue;
            if (var.equals("gstatus") && a instanceof Json.JObject ao && b instanceof Json.JObject bo) {
                for (String g : ao.fields().keySet()) if (!ao.get(g).equals(bo.get(g))) moved.add(g);
                continue;
            }
            Set<String> gb = goroutinesIn(b), ga = goroutinesIn(a);
            if (!gb.equals(ga) || !a.equals(b)) {
                Set<String> diff = new LinkedHashSet<>(ga);
                diff.removeAll(gb);
                Set<String> gone = new LinkedHashSet<>(gb);
                gone.removeAll(ga);
                moved.addAll(diff);
                moved.addAll(gone);
            }
        }
        return String.join(",", moved.stream().limit(3).toList());
    }

    private static Set<String> goroutinesIn(Json j) {
        Set<String> out = new TreeSet<>();
        collect(j, out);
        return out;
    }

    private static void collect(Json j, Set<String> out) {
        if (j instanceof Json.JString s && s.value().matches("g\\d+")) out.add(s.value());
        else if (j instanceof Json.JArray a) for (Json x : a.items()) collect(x, out);
        else if (j instanceof Json.JObject o) for (Json x : o.fields().values()) collect(x, out);
    }

    static String changedVars(Json.JObject before, Json.JObject after) {
        List<String> ch = new ArrayList<>();
        for (String var : after.fields().keySet()) {
            if (!after.get(var).equals(before.get(var))) ch.add(var);
        }
        return String.join(" ", ch);
    }

    /** The timeline as a standalone SVG element. */
    public String svg() {
        int w = LEFT + Math.max(1, boxes.size()) * COL + 20;
        int h = TOP + lanes.size() * LANE + 30;
        Svg s = new Svg(w, h);
        for (int i = 0; i < lanes.size(); i++) {
            double y = TOP + i * LANE;
            s.rect(0, y, w, LANE, i % 2 == 0 ? "#f6f8fa" : "#ffffff", "none", null);
            s.text(8, y + LANE / 2.0 + 4, lanes.get(i), 12, "start", "#24292f");
        }
        for (Box b : boxes) {
            double x = LEFT + (b.step - 1) * COL;
            s.text(x + COL / 2.0, 18, "step " + b.step, 10, "middle", "#57606a");
            boolean red = b.step == highlight;
            int first = -1, last = -1;
            for (String l : b.lanes) {
                int li = lanes.indexOf(l);
                if (first < 0 || li < first) first = li;
                if (li > last) last = li;
            }
            if (first != last) {
                s.line(x + COL / 2.0, TOP + first * LANE + LANE / 2.0, x + COL / 2.0, TOP + last * LANE + LANE / 2.0,
                        red ? "#cf222e" : "#8c959f", 1.2);
            }
            for (String l : b.lanes) {
                double y = TOP + lanes.indexOf(l) * LANE + 4;
                boolean primary = l.equals(b.lanes.get(0));
                s.raw("<g class=\"step" + (red ? " violation" : "") + "\">");
                s.title("step " + b.step + ": " + b.action + (b.goroutines.isEmpty() ? "" : " (" + b.goroutines + ")")
                        + "\nchanged: " + b.changed);
                s.rect(x + 4, y, COL - 8, LANE - 8, red ? "#ffebe9" : primary ? "#ddf4ff" : "#eef1f4",
                        red ? "#cf222e" : primary ? "#0969da" : "#afb8c1", null);
                String label = primary ? b.action : "(" + b.action + ")";
                s.text(x + COL / 2.0, y + 12, clip(label, 18), 10, "middle", red ? "#a40e26" : "#0a3069");
                if (!b.goroutines.isEmpty()) s.text(x + COL / 2.0, y + 23, clip(b.goroutines, 18), 9, "middle", "#57606a");
                s.raw("</g>");
            }
        }
        return s.build("timeline");
    }

    private static String clip(String s, int n) { return s.length() <= n ? s : s.substring(0, n - 1) + "…"; }

    /** A plain-text rendering for terminals: one row per step, one column per lane. */
    public String ascii() {
        int w = 16;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-5s", "step"));
        for (String l : lanes) sb.append(String.format("%-" + w + "s", l));
        sb.append("goroutines\n");
        for (Box b : boxes) {
            sb.append(String.format("%-5s", (b.step == highlight ? "!" : "") + b.step));
            for (String l : lanes) {
                String cell = !b.lanes.contains(l) ? "." : l.equals(b.lanes.get(0)) ? b.action : "|";
                sb.append(String.format("%-" + w + "s", clip(cell, w - 1)));
            }
            sb.append(b.goroutines).append('\n');
        }
        if (highlight > 0) sb.append("! = step ").append(highlight).append(" (highlighted)\n");
        return sb.toString();
    }

    /** A self-contained HTML page with the timeline and the step table. */
    public String html(String title) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(Svg.esc(title))
                .append("</title><style>").append(ReportWriter.CSS).append("</style></head><body><h1>")
                .append(Svg.esc(title)).append("</h1><p>").append(Svg.esc(describe(trace))).append("</p>")
                .append("<div class=\"scroll\">").append(svg()).append("</div><table><tr><th>step</th><th>action</th>"
                        + "<th>args</th><th>goroutines</th><th>variables changed</th></tr>");
        for (Box b : boxes) {
            TraceStep st = trace.steps().get(b.step);
            sb.append("<tr").append(b.step == highlight ? " class=\"bad\"" : "").append("><td>").append(b.step)
                    .append("</td><td>").append(Svg.esc(b.action)).append("</td><td>").append(Svg.esc(st.args().toString()))
                    .append("</td><td>").append(Svg.esc(b.goroutines)).append("</td><td>").append(Svg.esc(b.changed))
                    .append("</td></tr>");
        }
        return sb.append("</table></body></html>").toString();
    }

    static String describe(Trace t) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("spec", t.header().spec());
        if (t.header().config() != null) d.put("config", t.header().config());
        d.put("generator", t.header().generator());
        if (t.header().seed() != null) d.put("seed", String.valueOf(t.header().seed()));
        d.put("steps", String.valueOf(t.length()));
        t.header().extra().forEach((k, v) -> d.put(k, v instanceof Json.JString s ? s.value() : v.toString()));
        StringBuilder sb = new StringBuilder();
        d.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(": ").append(v));
        return sb.toString();
    }

    List<String> lanes() { return lanes; }

    int boxes() { return boxes.size(); }
}
