package sched.traces;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import sched.trace.Json;

/** Markdown tables of a corpus manifest: files and counts, per-action coverage, bug traces ({@code ./sched traces --summary}). */
public final class CorpusSummary {
    private CorpusSummary() {}

    public static String markdown(Json.JObject m) {
        StringBuilder sb = new StringBuilder();
        sb.append("Corpus made by `").append(str(m, "command")).append("` (generator ").append(str(m, "generator"))
                .append(", TLC ").append(str(m, "tlc")).append(", base seed ").append(m.get("seed").toText())
                .append(", depth ").append(m.get("depth").toText()).append("): ").append(m.get("traces").toText())
                .append(" traces, ").append(m.get("steps").toText()).append(" steps.\n\n");
        List<String[]> files = new ArrayList<>();
        files.add(new String[] {"spec", "config", "file", "generator", "traces", "steps"});
        List<String[]> cov = new ArrayList<>();
        cov.add(new String[] {"spec", "action", "steps", "traces"});
        List<String[]> bugs = new ArrayList<>();
        bugs.add(new String[] {"spec", "bug", "config", "violates", "steps", "file"});
        for (Map.Entry<String, Json> se : ((Json.JObject) m.get("specs")).fields().entrySet()) {
            String spec = se.getKey();
            Json.JObject s = (Json.JObject) se.getValue();
            for (Json cj : ((Json.JArray) s.get("configs")).items()) {
                Json.JObject c = (Json.JObject) cj;
                for (Json fj : ((Json.JArray) c.get("files")).items()) {
                    Json.JObject f = (Json.JObject) fj;
                    files.add(new String[] {spec, str(c, "config"), "`" + str(f, "file") + "`", str(f, "generator"),
                            f.get("traces").toText(), f.get("steps").toText()});
                }
            }
            for (Json bj : ((Json.JArray) s.get("bugs")).items()) {
                Json.JObject b = (Json.JObject) bj;
                String prop = b.get("violation") instanceof Json.JObject v && v.get("property") instanceof Json.JString p ? p.value() : "?";
                bugs.add(new String[] {spec, str(b, "bug"), str(b, "config"), prop, b.get("steps").toText(), "`" + str(b, "file") + "`"});
            }
            for (Map.Entry<String, Json> ae : ((Json.JObject) s.get("coverage")).fields().entrySet()) {
                Json.JObject a = (Json.JObject) ae.getValue();
                cov.add(new String[] {spec, ae.getKey(), a.get("steps").toText(), a.get("traces").toText()});
            }
            files.add(new String[] {"**" + spec + "**", "", "", "all (walks and bugs)", s.get("traces").toText(), s.get("steps").toText()});
        }
        table(sb, files);
        sb.append('\n');
        table(sb, cov);
        sb.append('\n');
        table(sb, bugs);
        return sb.toString();
    }

    private static void table(StringBuilder sb, List<String[]> rows) {
        for (int i = 0; i < rows.size(); i++) {
            sb.append("| ").append(String.join(" | ", rows.get(i))).append(" |\n");
            if (i == 0) sb.append("|").append("---|".repeat(rows.get(0).length)).append('\n');
        }
    }

    private static String str(Json.JObject o, String k) {
        return o.get(k) instanceof Json.JString s ? s.value() : "";
    }
}
