package sched.trace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A strict JSON (RFC 8259) parser for one value. Duplicate object keys are an error (a trace state with the same
 * variable twice is always a mistake). Errors carry the 1-based column of the offending character.
 */
public final class JsonReader {
    /** A syntax error at a column of the text. */
    public static final class JsonSyntaxException extends Exception {
        private final int column;

        JsonSyntaxException(String message, int column) {
            super(message);
            this.column = column;
        }

        /** 1-based column in the text that was parsed. */
        public int column() { return column; }
    }

    private static final int MAX_DEPTH = 512;

    private final String text;
    private int pos;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    /** Parses exactly one JSON value; only whitespace may surround it. */
    public static Json parse(String text) throws JsonSyntaxException {
        JsonReader r = new JsonReader(text);
        r.skipWs();
        Json v = r.value();
        r.skipWs();
        if (r.pos < text.length()) {
            throw r.error("unexpected text after the JSON value");
        }
        return v;
    }

    private JsonSyntaxException error(String msg) {
        return new JsonSyntaxException(msg, pos + 1);
    }

    private void skipWs() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') pos++;
            else break;
        }
    }

    private Json value() throws JsonSyntaxException {
        if (pos >= text.length()) throw error("unexpected end of input, expected a value");
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> new Json.JString(string());
            case 't' -> literal("true", Json.TRUE);
            case 'f' -> literal("false", Json.FALSE);
            case 'n' -> literal("null", Json.NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield number();
                throw error("unexpected character '" + printable(c) + "', expected a value");
            }
        };
    }

    private static String printable(char c) {
        return c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private Json literal(String word, Json v) throws JsonSyntaxException {
        if (!text.startsWith(word, pos)) throw error("invalid literal, expected '" + word + "'");
        pos += word.length();
        return v;
    }

    private Json object() throws JsonSyntaxException {
        enter();
        pos++; // {
        LinkedHashMap<String, Json> fields = new LinkedHashMap<>();
        skipWs();
        if (peek() == '}') {
            pos++;
            depth--;
            return new Json.JObject(new Json.Owned(fields));
        }
        while (true) {
            skipWs();
            if (peek() != '"') throw error("expected a string key");
            int keyPos = pos;
            String key = string();
            skipWs();
            if (peek() != ':') throw error("expected ':' after an object key");
            pos++;
            skipWs();
            Json v = value();
            if (fields.put(key, v) != null) {
                throw new JsonSyntaxException("duplicate key \"" + key + "\"", keyPos + 1);
            }
            skipWs();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                depth--;
                return new Json.JObject(new Json.Owned(fields)); // the reader keeps no reference to fields
            } else {
                throw error("expected ',' or '}' in an object");
            }
        }
    }

    private Json array() throws JsonSyntaxException {
        enter();
        pos++; // [
        List<Json> items = new ArrayList<>();
        skipWs();
        if (peek() == ']') {
            pos++;
            depth--;
            return new Json.JArray(items);
        }
        while (true) {
            skipWs();
            items.add(value());
            skipWs();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                depth--;
                return new Json.JArray(items);
            } else {
                throw error("expected ',' or ']' in an array");
            }
        }
    }

    private void enter() throws JsonSyntaxException {
        if (++depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH);
    }

    private char peek() throws JsonSyntaxException {
        if (pos >= text.length()) throw error("unexpected end of input");
        return text.charAt(pos);
    }

    private String string() throws JsonSyntaxException {
        pos++; // opening quote
        // Most strings (names, keys) have no escape: taken as a substring, with no builder.
        for (int i = pos; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                String s = text.substring(pos, i);
                pos = i + 1;
                return s;
            }
            if (c == '\\' || c < 0x20) break; // the general loop below reports or decodes it
        }
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw error("unterminated string");
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c == '\\') {
                if (pos + 1 >= text.length()) throw error("unterminated escape");
                char e = text.charAt(pos + 1);
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 6 > text.length()) throw error("short \\u escape");
                        int cp = 0;
                        for (int i = pos + 2; i < pos + 6; i++) {
                            int d = Character.digit(text.charAt(i), 16);
                            if (d < 0) {
                                pos = i;
                                throw error("bad hex digit in \\u escape");
                            }
                            cp = cp * 16 + d;
                        }
                        sb.append((char) cp);
                        pos += 4;
                    }
                    default -> {
                        pos++;
                        throw error("invalid escape '\\" + printable(e) + "'");
                    }
                }
                pos += 2;
            } else if (c < 0x20) {
                throw error("control character in a string");
            } else {
                sb.append(c);
                pos++;
            }
        }
    }

    private Json number() throws JsonSyntaxException {
        int start = pos;
        if (text.charAt(pos) == '-') pos++;
        if (pos >= text.length()) throw error("bad number");
        char c = text.charAt(pos);
        if (c == '0') {
            pos++;
        } else if (c >= '1' && c <= '9') {
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        } else {
            throw error("bad number");
        }
        boolean simple = pos >= text.length() || (text.charAt(pos) != '.' && text.charAt(pos) != 'e'
                && text.charAt(pos) != 'E');
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            int d = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
            if (d == pos) throw error("bad number: digits expected after '.'");
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) pos++;
            int d = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
            if (d == pos) throw error("bad number: digits expected in the exponent");
        }
        if (simple && pos - start <= 18) {
            // An integer of at most 18 characters fits a long: the same BigDecimal (scale 0), made without parsing
            // the text twice.
            return new Json.JNumber(BigDecimal.valueOf(Long.parseLong(text, start, pos, 10)));
        }
        return new Json.JNumber(new BigDecimal(text.substring(start, pos)));
    }
}
