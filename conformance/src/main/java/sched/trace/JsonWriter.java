package sched.trace;

import java.util.Map;

/** Writes {@link Json} values as compact JSON text: no insignificant whitespace, keys in the object's order. */
public final class JsonWriter {
    private JsonWriter() {}

    public static String write(Json value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb);
        return sb.toString();
    }

    public static void write(Json value, StringBuilder out) {
        switch (value) {
            case Json.JNull n -> out.append("null");
            case Json.JBool b -> out.append(b.value());
            case Json.JNumber n -> out.append(n.value().toPlainString());
            case Json.JString s -> quote(s.value(), out);
            case Json.JArray a -> {
                out.append('[');
                for (int i = 0; i < a.items().size(); i++) {
                    if (i > 0) out.append(',');
                    write(a.items().get(i), out);
                }
                out.append(']');
            }
            case Json.JObject o -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, Json> e : o.fields().entrySet()) {
                    if (!first) out.append(',');
                    first = false;
                    quote(e.getKey(), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            }
        }
    }

    /** Appends {@code s} as a JSON string literal; only the characters JSON requires are escaped. */
    public static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
