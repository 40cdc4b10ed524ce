package sched.traces;

import java.util.Iterator;
import java.util.Map;

import sched.trace.Json;
import sched.trace.JsonWriter;

/**
 * Indented JSON for files people read (traces/MANIFEST.json): an object or array that holds objects or arrays is
 * spread over lines, two spaces a level; one that holds only scalars, or is short, stays on one line.
 */
final class PrettyJson {
    private PrettyJson() {}

    static String write(Json v) {
        StringBuilder sb = new StringBuilder();
        write(v, 0, sb);
        sb.append('\n');
        return sb.toString();
    }

    private static void write(Json v, int indent, StringBuilder sb) {
        String flat = JsonWriter.write(v);
        if (flat.length() + indent <= 100 || !nested(v)) {
            sb.append(flat);
            return;
        }
        String pad = "  ".repeat(indent + 1);
        if (v instanceof Json.JObject o) {
            sb.append("{\n");
            Iterator<Map.Entry<String, Json>> it = o.fields().entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Json> e = it.next();
                sb.append(pad);
                JsonWriter.quote(e.getKey(), sb);
                sb.append(": ");
                write(e.getValue(), indent + 1, sb);
                if (it.hasNext()) sb.append(',');
                sb.append('\n');
            }
            sb.append("  ".repeat(indent)).append('}');
        } else if (v instanceof Json.JArray a) {
            sb.append("[\n");
            for (int i = 0; i < a.size(); i++) {
                sb.append(pad);
                write(a.get(i), indent + 1, sb);
                if (i + 1 < a.size()) sb.append(',');
                sb.append('\n');
            }
            sb.append("  ".repeat(indent)).append(']');
        } else {
            sb.append(flat);
        }
    }

    private static boolean nested(Json v) {
        if (v instanceof Json.JObject o) return o.fields().values().stream().anyMatch(x -> x instanceof Json.JObject || x instanceof Json.JArray);
        if (v instanceof Json.JArray a) return a.items().stream().anyMatch(x -> x instanceof Json.JObject || x instanceof Json.JArray);
        return false;
    }
}
