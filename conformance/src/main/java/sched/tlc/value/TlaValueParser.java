package sched.tlc.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses values in the syntax TLC prints them in: integers, strings, {@code TRUE}/{@code FALSE}, model values
 * (bare identifiers), tuples {@code <<a, b>>}, sets {@code {a, b}}, integer intervals {@code 1..3}, records
 * {@code [f |-> v, g |-> w]} and functions {@code (a :> 1 @@ b :> 2)}. Whitespace, including newlines from TLC's
 * pretty printer, is insignificant.
 */
public final class TlaValueParser {

    /** A value text that does not follow TLC's value syntax. */
    public static final class ParseException extends Exception {
        private final int offset;

        ParseException(String message, int offset) {
            super(message + " at offset " + offset);
            this.offset = offset;
        }

        public int offset() { return offset; }
    }

    private final String text;
    private int pos;

    private TlaValueParser(String text, int pos) {
        this.text = text;
        this.pos = pos;
    }

    /** Parses the whole text as one value. */
    public static TlaValue parse(String text) throws ParseException {
        TlaValueParser p = new TlaValueParser(text, 0);
        TlaValue v = p.value();
        p.ws();
        if (p.pos != text.length()) throw new ParseException("unexpected text after the value", p.pos);
        return v;
    }

    /** Parses the whole text, keeping it as an {@link TlaValue.Opaque} value when it does not parse. */
    public static TlaValue parseLenient(String text) {
        try {
            return parse(text);
        } catch (ParseException e) {
            return new TlaValue.Opaque(text.strip().replaceAll("\\s+", " "));
        }
    }

    /** The result of {@link #parsePrefix}: the value and the offset just after it. */
    public record Prefix(TlaValue value, int end) {}

    /** Parses one value starting at {@code offset}, leaving whatever follows it. */
    public static Prefix parsePrefix(String text, int offset) throws ParseException {
        TlaValueParser p = new TlaValueParser(text, offset);
        TlaValue v = p.value();
        return new Prefix(v, p.pos);
    }

    private void ws() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("\\*", pos)) { // line comment (configs)
                while (pos < text.length() && text.charAt(pos) != '\n') pos++;
            } else if (text.startsWith("(*", pos)) {
                int end = text.indexOf("*)", pos + 2);
                pos = end < 0 ? text.length() : end + 2;
            } else {
                break;
            }
        }
    }

    private boolean eat(String token) {
        ws();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) throws ParseException {
        if (!eat(token)) throw new ParseException("expected '" + token + "'", pos);
    }

    private TlaValue value() throws ParseException {
        ws();
        if (pos >= text.length()) throw new ParseException("unexpected end of value", pos);
        char c = text.charAt(pos);
        if (text.startsWith("<<", pos)) {
            pos += 2;
            List<TlaValue> items = list(">>");
            return TlaValue.seq(items);
        }
        if (c == '{') {
            pos++;
            return TlaValue.set(list("}"));
        }
        if (c == '[') {
            pos++;
            return record();
        }
        if (c == '(') {
            pos++;
            return function();
        }
        if (c == '"') {
            return TlaValue.str(string());
        }
        if (c == '-' || Character.isDigit(c)) {
            long lo = integer();
            int save = pos;
            ws();
            if (text.startsWith("..", pos)) {
                pos += 2;
                ws();
                long hi = integer();
                List<TlaValue> items = new ArrayList<>();
                for (long i = lo; i <= hi; i++) items.add(TlaValue.integer(i));
                return TlaValue.set(items);
            }
            pos = save;
            return TlaValue.integer(lo);
        }
        if (Character.isLetter(c) || c == '_') {
            String id = identifier();
            return switch (id) {
                case "TRUE" -> TlaValue.bool(true);
                case "FALSE" -> TlaValue.bool(false);
                default -> TlaValue.model(id);
            };
        }
        throw new ParseException("unexpected character '" + c + "'", pos);
    }

    private List<TlaValue> list(String close) throws ParseException {
        List<TlaValue> items = new ArrayList<>();
        if (eat(close)) return items;
        while (true) {
            items.add(value());
            if (eat(",")) continue;
            expect(close);
            return items;
        }
    }

    private TlaValue record() throws ParseException {
        Map<String, TlaValue> fields = new LinkedHashMap<>();
        if (eat("]")) throw new ParseException("empty record", pos);
        while (true) {
            ws();
            int at = pos;
            String name = identifier();
            expect("|->");
            TlaValue v = value();
            if (fields.put(name, v) != null) throw new ParseException("duplicate record field " + name, at);
            if (eat(",")) continue;
            expect("]");
            return TlaValue.record(fields);
        }
    }

    /** After '(': either {@code k :> v @@ ...)} or a parenthesised value. */
    private TlaValue function() throws ParseException {
        TlaValue first = value();
        if (eat(")")) return first;
        Map<TlaValue, TlaValue> graph = new LinkedHashMap<>();
        TlaValue key = first;
        while (true) {
            expect(":>");
            TlaValue v = value();
            graph.put(key, v); // TLC's @@ keeps the left one; printed functions have no repeated keys
            if (eat(")")) return TlaValue.function(graph);
            expect("@@");
            key = value();
        }
    }

    private String identifier() throws ParseException {
        ws();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
        if (start == pos) throw new ParseException("expected an identifier", pos);
        return text.substring(start, pos);
    }

    private long integer() throws ParseException {
        int start = pos;
        if (text.charAt(pos) == '-') pos++;
        int digits = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        if (digits == pos) throw new ParseException("expected digits", pos);
        // a model value may start with digits (rare); treat "12ab" as an identifier
        if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
            throw new ParseException("identifier starting with a digit", start);
        }
        try {
            return Long.parseLong(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw new ParseException("integer out of range", start);
        }
    }

    private String string() throws ParseException {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') return sb.toString();
            if (c == '\\' && pos < text.length()) {
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'f' -> sb.append('\f');
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        throw new ParseException("unterminated string", start);
    }

    /**
     * Parses a state as TLC prints it: either one {@code name = value} or several lines each starting with
     * {@code /\ name = value} (a value may continue on indented lines). The map keeps TLC's variable order.
     * Values that do not parse are kept as {@link TlaValue.Opaque}.
     */
    public static LinkedHashMap<String, TlaValue> parseState(String text) throws ParseException {
        LinkedHashMap<String, TlaValue> vars = new LinkedHashMap<>();
        String t = text.strip();
        if (t.isEmpty()) return vars;
        List<String> parts = new ArrayList<>();
        if (t.startsWith("/\\")) {
            StringBuilder cur = null;
            for (String line : t.split("\n", -1)) {
                if (line.startsWith("/\\ ") || line.equals("/\\")) {
                    if (cur != null) parts.add(cur.toString());
                    cur = new StringBuilder(line.substring(2));
                } else if (cur != null) {
                    cur.append('\n').append(line);
                }
            }
            if (cur != null) parts.add(cur.toString());
        } else {
            parts.add(t);
        }
        for (String part : parts) {
            int eq = part.indexOf('=');
            if (eq < 0) throw new ParseException("expected 'name = value' in state line: " + part.strip(), 0);
            String name = part.substring(0, eq).strip();
            if (name.isEmpty() || !name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
                throw new ParseException("bad variable name '" + name + "'", 0);
            }
            vars.put(name, parseLenient(part.substring(eq + 1)));
        }
        return vars;
    }
}
