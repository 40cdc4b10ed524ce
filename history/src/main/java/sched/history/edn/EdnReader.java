package sched.history.edn;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reader for EDN text (https://github.com/edn-format/edn), written for this project.
 *
 * <p>Values map to Java as follows: {@code nil} to {@code null}; booleans to {@link Boolean}; integers to
 * {@link Long}, or {@link BigInteger} when they do not fit or carry the {@code N} suffix; floating-point numbers
 * to {@link Double}, or {@link BigDecimal} with the {@code M} suffix; strings to {@link String}; characters to
 * {@link Character}; keywords to {@link Keyword}; symbols to {@link Symbol}; vectors to {@link ArrayList};
 * lists to {@link EdnList}; maps to {@link LinkedHashMap} (keys in reading order); sets to
 * {@link LinkedHashSet}; any other tag to {@link Tagged}. Commas are whitespace, {@code ;} starts a comment to
 * the end of the line, {@code #_} discards the next element, and {@code ##Inf}, {@code ##-Inf}, {@code ##NaN}
 * are read. Every error is an {@link EdnException} naming the file, line and column (both 1-based).
 *
 * <p>Besides {@link #read()} the reader exposes its cursor ({@link #skipToValue()}, {@link #peek()},
 * {@link #line()}), so a caller can walk a large top-level collection element by element and remember where
 * each element started.
 */
public final class EdnReader {
    /** Returned by {@link #read()} at the end of the input. */
    public static final Object EOF = new Object() {
        @Override public String toString() { return "<end of input>"; }
    };

    private final String file;
    private final String text;
    private final int length;
    private int pos;
    private int line = 1;
    private int column = 1;

    public EdnReader(String file, String text) {
        this.file = file;
        this.text = text;
        this.length = text.length();
    }

    /** A reader over a UTF-8 file; error messages name the path as given. */
    public static EdnReader open(Path path) throws IOException {
        return new EdnReader(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
    }

    /** Reads exactly one value from {@code text}; anything but whitespace after it is an error. */
    public static Object readOne(String file, String text) {
        EdnReader r = new EdnReader(file, text);
        Object v = r.read();
        if (v == EOF) throw r.error("expected a value, found the end of the input");
        if (r.skipToValue()) throw r.error("unexpected " + r.describeNext() + " after the first value");
        return v;
    }

    /** Reads every top-level value of {@code text}. */
    public static List<Object> readAll(String file, String text) {
        EdnReader r = new EdnReader(file, text);
        List<Object> out = new ArrayList<>();
        for (Object v = r.read(); v != EOF; v = r.read()) out.add(v);
        return out;
    }

    public String file() { return file; }

    /** Line (1-based) of the cursor. */
    public int line() { return line; }

    /** Column (1-based) of the cursor. */
    public int column() { return column; }

    /** The next value, or {@link #EOF}. */
    public Object read() {
        if (!skipToValue()) return EOF;
        return readValue();
    }

    /**
     * Skips whitespace, commas, comments and {@code #_} discards. Returns false at the end of the input, true
     * when the cursor stands on the first character of something else.
     */
    public boolean skipToValue() {
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == ';') {
                while (pos < length && text.charAt(pos) != '\n') advance();
            } else if (isWhitespace(c)) {
                advance();
            } else if (c == '#' && pos + 1 < length && text.charAt(pos + 1) == '_') {
                int l = line, col = column;
                advance();
                advance();
                if (!skipToValue()) throw new EdnException(file, l, col, "#_ with nothing after it to discard");
                char d = text.charAt(pos);
                if (d == ')' || d == ']' || d == '}') throw new EdnException(file, l, col, "#_ with nothing after it to discard");
                readValue();
            } else {
                return true;
            }
        }
        return false;
    }

    /** The character under the cursor, or -1 at the end. Call {@link #skipToValue()} first. */
    public int peek() { return pos < length ? text.charAt(pos) : -1; }

    /** Consumes the character under the cursor, which must be {@code c}. */
    public void expect(char c) {
        if (pos >= length || text.charAt(pos) != c) throw error("expected '" + c + "', found " + describeNext());
        advance();
    }

    /** An error at the cursor. */
    public EdnException error(String problem) { return new EdnException(file, line, column, problem); }

    private String describeNext() {
        if (pos >= length) return "the end of the input";
        char c = text.charAt(pos);
        return c < ' ' ? String.format("character U+%04X", (int) c) : "'" + c + "'";
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == ',' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B'
                || (c > 127 && Character.isWhitespace(c));
    }

    private static boolean isDelimiter(char c) {
        return isWhitespace(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}'
                || c == '"' || c == ';';
    }

    private void advance() {
        if (text.charAt(pos) == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        pos++;
    }

    /** Reads the value starting under the cursor (which is not whitespace). */
    private Object readValue() {
        char c = text.charAt(pos);
        switch (c) {
            case '[': return readVector();
            case '(': return new EdnList(readSequence('(', ')', "list"));
            case '{': return readMap();
            case '"': return readString();
            case '\\': return readCharacter();
            case '#': return readDispatch();
            case ')': case ']': case '}': throw error("unexpected '" + c + "' with no collection open");
            default: break;
        }
        int l = line, col = column;
        String token = readToken();
        if (token.isEmpty()) throw error("unexpected " + describeNext());
        return interpretToken(token, l, col);
    }

    private List<Object> readVector() { return readSequence('[', ']', "vector"); }

    private List<Object> readSequence(char open, char close, String what) {
        int l = line, col = column;
        expect(open);
        List<Object> items = new ArrayList<>();
        while (true) {
            if (!skipToValue()) throw new EdnException(file, line, column, "unterminated " + what + " (opened at " + l + ":" + col + ")");
            char c = text.charAt(pos);
            if (c == close) {
                advance();
                return items;
            }
            if (c == ')' || c == ']' || c == '}') throw error("'" + c + "' does not close the " + what + " opened at " + l + ":" + col);
            items.add(readValue());
        }
    }

    private Map<Object, Object> readMap() {
        int l = line, col = column;
        expect('{');
        Map<Object, Object> map = new LinkedHashMap<>();
        while (true) {
            if (!skipToValue()) throw new EdnException(file, line, column, "unterminated map (opened at " + l + ":" + col + ")");
            char c = text.charAt(pos);
            if (c == '}') {
                advance();
                return map;
            }
            if (c == ')' || c == ']') throw error("'" + c + "' does not close the map opened at " + l + ":" + col);
            int kl = line, kc = column;
            Object key = readValue();
            if (!skipToValue()) throw new EdnException(file, line, column, "unterminated map (opened at " + l + ":" + col + ")");
            c = text.charAt(pos);
            if (c == '}' || c == ')' || c == ']') throw error("map key " + EdnWriter.write(key) + " has no value (a map needs an even number of forms)");
            Object value = readValue();
            if (map.containsKey(key)) throw new EdnException(file, kl, kc, "duplicate map key " + EdnWriter.write(key));
            map.put(key, value);
        }
    }

    private Object readDispatch() {
        int l = line, col = column;
        advance(); // '#'
        if (pos >= length) throw new EdnException(file, l, col, "'#' at the end of the input");
        char c = text.charAt(pos);
        if (c == '{') {
            List<Object> items = readSequence('{', '}', "set");
            Set<Object> set = new LinkedHashSet<>();
            for (Object o : items) {
                if (!set.add(o)) throw new EdnException(file, l, col, "duplicate set element " + EdnWriter.write(o));
            }
            return set;
        }
        if (c == '#') {
            advance();
            String token = readToken();
            return switch (token) {
                case "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> throw new EdnException(file, l, col, "unknown symbolic value ##" + token);
            };
        }
        if (!Character.isLetter(c)) throw new EdnException(file, l, col, "'#' must be followed by '{', '_', '#' or a tag symbol");
        String tag = readToken();
        if (!skipToValue()) throw new EdnException(file, l, col, "tag #" + tag + " with no value after it");
        return new Tagged(Symbol.of(tag), readValue());
    }

    private String readToken() {
        int start = pos;
        while (pos < length && !isDelimiter(text.charAt(pos))) advance();
        return text.substring(start, pos);
    }

    private Object interpretToken(String t, int l, int col) {
        char c0 = t.charAt(0);
        if (c0 >= '0' && c0 <= '9' || ((c0 == '+' || c0 == '-') && t.length() > 1 && Character.isDigit(t.charAt(1)))) {
            return parseNumber(t, l, col);
        }
        if (c0 == ':') {
            String body = t.substring(1);
            if (body.isEmpty() || body.startsWith(":")) throw new EdnException(file, l, col, "invalid keyword '" + t + "'");
            checkSymbolic(body, t, l, col + 1, true);
            return Keyword.of(body);
        }
        switch (t) {
            case "nil": return null;
            case "true": return Boolean.TRUE;
            case "false": return Boolean.FALSE;
            default: break;
        }
        checkSymbolic(t, t, l, col, false);
        return Symbol.of(t);
    }

    private void checkSymbolic(String body, String token, int l, int col, boolean keyword) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) || ".*+!-_?$%&=<>/:#'".indexOf(c) >= 0;
            if (!ok) throw new EdnException(file, l, col + i, "invalid character '" + c + "' in '" + token + "'");
        }
        char c0 = body.charAt(0);
        if (c0 == '#' || c0 == '\'' || (!keyword && Character.isDigit(c0))) throw new EdnException(file, l, col, "invalid symbol or keyword '" + token + "'");
    }

    private Object parseNumber(String t, int l, int col) {
        int i = 0;
        boolean negative = false;
        if (t.charAt(0) == '+' || t.charAt(0) == '-') {
            negative = t.charAt(0) == '-';
            i = 1;
        }
        int digitsStart = i;
        while (i < t.length() && Character.isDigit(t.charAt(i))) i++;
        int digitsEnd = i;
        if (digitsEnd - digitsStart > 1 && t.charAt(digitsStart) == '0') {
            throw new EdnException(file, l, col, "invalid number '" + t + "' (EDN integers have no leading zeros)");
        }
        if (i == t.length() || (i == t.length() - 1 && t.charAt(i) == 'N')) {
            String digits = t.substring(digitsStart, digitsEnd);
            if (i == t.length() && digits.length() <= 18) {
                long v = Long.parseLong(digits);
                return negative ? -v : v;
            }
            BigInteger big = new BigInteger(digits);
            if (negative) big = big.negate();
            if (i == t.length() && big.bitLength() < 64) return big.longValue();
            return big;
        }
        // floating point: digits [. digits] [e|E [+|-] digits] [M]
        String body = t.endsWith("M") ? t.substring(0, t.length() - 1) : t;
        int j = digitsEnd;
        boolean sawFraction = false, sawExponent = false;
        if (j < body.length() && body.charAt(j) == '.') {
            j++;
            while (j < body.length() && Character.isDigit(body.charAt(j))) j++;
            sawFraction = true;
        }
        if (j < body.length() && (body.charAt(j) == 'e' || body.charAt(j) == 'E')) {
            j++;
            if (j < body.length() && (body.charAt(j) == '+' || body.charAt(j) == '-')) j++;
            int expStart = j;
            while (j < body.length() && Character.isDigit(body.charAt(j))) j++;
            if (j == expStart) throw new EdnException(file, l, col, "invalid number '" + t + "'");
            sawExponent = true;
        }
        if (j != body.length() || !(sawFraction || sawExponent || t.endsWith("M"))) {
            throw new EdnException(file, l, col, "invalid number '" + t + "'");
        }
        if (t.endsWith("M")) return new BigDecimal(body);
        return Double.parseDouble(body);
    }

    private String readString() {
        int l = line, col = column;
        advance(); // opening quote
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos >= length) throw new EdnException(file, l, col, "unterminated string");
            char c = text.charAt(pos);
            if (c == '"') {
                String s = sb == null ? text.substring(start, pos) : sb.append(text, start, pos).toString();
                advance();
                return s;
            }
            if (c == '\\') {
                if (sb == null) sb = new StringBuilder();
                sb.append(text, start, pos);
                int el = line, ec = column;
                advance();
                if (pos >= length) throw new EdnException(file, l, col, "unterminated string");
                char e = text.charAt(pos);
                advance();
                switch (e) {
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'n' -> sb.append('\n');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case '\\' -> sb.append('\\');
                    case '"' -> sb.append('"');
                    case 'u' -> sb.append(readHex4(el, ec));
                    default -> throw new EdnException(file, el, ec, "invalid escape '\\" + e + "' in string");
                }
                start = pos;
                continue;
            }
            advance();
        }
    }

    private char readHex4(int l, int col) {
        if (pos + 4 > length) throw new EdnException(file, l, col, "incomplete \\u escape");
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(text.charAt(pos), 16);
            if (d < 0) throw new EdnException(file, l, col, "invalid \\u escape");
            v = v * 16 + d;
            advance();
        }
        return (char) v;
    }

    private Character readCharacter() {
        int l = line, col = column;
        advance(); // backslash
        if (pos >= length) throw new EdnException(file, l, col, "'\\' at the end of the input");
        int start = pos;
        advance(); // the first character is taken even if it is a delimiter, e.g. \( or \"
        while (pos < length && !isDelimiter(text.charAt(pos))) advance();
        String name = text.substring(start, pos);
        if (name.length() == 1) return name.charAt(0);
        switch (name) {
            case "newline": return '\n';
            case "return": return '\r';
            case "space": return ' ';
            case "tab": return '\t';
            case "formfeed": return '\f';
            case "backspace": return '\b';
            default: break;
        }
        if (name.length() == 5 && name.charAt(0) == 'u') {
            int v = 0;
            for (int k = 1; k < 5; k++) {
                int d = Character.digit(name.charAt(k), 16);
                if (d < 0) throw new EdnException(file, l, col, "invalid character literal '\\" + name + "'");
                v = v * 16 + d;
            }
            return (char) v;
        }
        throw new EdnException(file, l, col, "invalid character literal '\\" + name + "'");
    }
}
