package sched.tlc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import sched.tlc.value.TlaValue;
import sched.tlc.value.TlaValueParser;

/**
 * What this driver needs from a TLC model config ({@code .cfg}): the constants' values (for trace headers), the
 * invariant and property names (to name a violated temporal property), CHECK_DEADLOCK, and a copy restricted to one
 * property. Comments ({@code \*} and {@code (* *)}) are ignored.
 */
public final class TlcConfigFile {
    private static final Set<String> KEYWORDS = Set.of("CONSTANT", "CONSTANTS", "INIT", "NEXT", "SPECIFICATION",
            "INVARIANT", "INVARIANTS", "PROPERTY", "PROPERTIES", "CONSTRAINT", "CONSTRAINTS", "ACTION_CONSTRAINT",
            "ACTION_CONSTRAINTS", "SYMMETRY", "VIEW", "CHECK_DEADLOCK", "POSTCONDITION", "ALIAS", "TYPE",
            "TYPE_CONSTRAINT");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** A section: its keyword and the text after it, with offsets into the comment-free text. */
    private record Section(String keyword, int start, int bodyStart, int end) {}

    private final String text;  // comments replaced by spaces, same offsets as the file
    private final List<Section> sections;
    private final Map<String, TlaValue> constants = new LinkedHashMap<>();
    private final List<String> invariants = new ArrayList<>();
    private final List<String> properties = new ArrayList<>();
    private Boolean checkDeadlock;

    private TlcConfigFile(String raw) {
        this.text = blankComments(raw);
        this.sections = split(text);
        for (Section s : sections) {
            String body = text.substring(s.bodyStart(), s.end());
            switch (s.keyword()) {
                case "CONSTANT", "CONSTANTS" -> constants(body);
                case "INVARIANT", "INVARIANTS" -> invariants.addAll(words(body));
                case "PROPERTY", "PROPERTIES" -> properties.addAll(words(body));
                case "CHECK_DEADLOCK" -> checkDeadlock = body.strip().startsWith("TRUE");
                default -> { }
            }
        }
    }

    public static TlcConfigFile read(Path file) throws IOException {
        return new TlcConfigFile(Files.readString(file));
    }

    public static TlcConfigFile parse(String text) {
        return new TlcConfigFile(text);
    }

    /** Constant name to value, in config order; substitutions ({@code <-}) are left out. */
    public Map<String, TlaValue> constants() { return constants; }

    public List<String> invariants() { return invariants; }

    public List<String> properties() { return properties; }

    /** CHECK_DEADLOCK as written, or null when the config does not say (TLC then checks deadlock). */
    public Boolean checkDeadlock() { return checkDeadlock; }

    /**
     * The config text with every INVARIANT and PROPERTY section removed and {@code PROPERTY name} added: used to
     * find out which of several temporal properties a counterexample violates.
     */
    public String onlyProperty(String name) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (Section s : sections) {
            if (s.keyword().startsWith("INVARIANT") || s.keyword().startsWith("PROPERT")) {
                sb.append(text, at, s.start());
                at = s.end();
            }
        }
        sb.append(text.substring(at));
        return sb.append("\nPROPERTY ").append(name).append('\n').toString();
    }

    private static List<String> words(String body) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(body);
        while (m.find()) out.add(m.group());
        return out;
    }

    private void constants(String body) {
        int pos = 0;
        while (true) {
            pos = skipWs(body, pos);
            if (pos >= body.length()) return;
            Matcher m = WORD.matcher(body);
            if (!m.find(pos) || m.start() != pos) return;
            String name = m.group();
            pos = skipWs(body, m.end());
            if (body.startsWith("<-", pos)) {
                // substitution: Name <- Other or Name <- [Mod] Other
                pos = skipWs(body, pos + 2);
                if (pos < body.length() && body.charAt(pos) == '[') pos = body.indexOf(']', pos) + 1;
                pos = skipWs(body, pos);
                Matcher o = WORD.matcher(body);
                if (!o.find(pos)) return;
                pos = o.end();
            } else if (body.startsWith("=", pos)) {
                try {
                    TlaValueParser.Prefix p = TlaValueParser.parsePrefix(body, pos + 1);
                    constants.put(name, p.value());
                    pos = p.end();
                } catch (TlaValueParser.ParseException e) {
                    constants.put(name, new TlaValue.Opaque(body.substring(pos + 1).strip()));
                    return;
                }
            } else {
                return;
            }
        }
    }

    private static int skipWs(String s, int pos) {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        return pos;
    }

    private static List<Section> split(String text) {
        List<int[]> marks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        boolean inString = false;
        int scanned = 0;
        while (m.find()) {
            // skip words inside string literals
            for (int i = scanned; i < m.start(); i++) if (text.charAt(i) == '"') inString = !inString;
            scanned = m.start();
            if (!inString && KEYWORDS.contains(m.group())) {
                marks.add(new int[] {m.start(), m.end()});
                names.add(m.group());
            }
        }
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : text.length();
            out.add(new Section(names.get(i), marks.get(i)[0], marks.get(i)[1], end));
        }
        return out;
    }

    /** Replaces comments with spaces (newlines kept), so offsets and line numbers stay valid. */
    static String blankComments(String s) {
        StringBuilder sb = new StringBuilder(s);
        int i = 0;
        int depth = 0;
        boolean inString = false;
        while (i < sb.length()) {
            char c = sb.charAt(i);
            if (depth == 0 && c == '"') inString = !inString;
            if (!inString && depth == 0 && c == '\\' && i + 1 < sb.length() && sb.charAt(i + 1) == '*') {
                while (i < sb.length() && sb.charAt(i) != '\n') sb.setCharAt(i++, ' ');
                continue;
            }
            if (!inString && i + 1 < sb.length() && c == '(' && sb.charAt(i + 1) == '*') {
                depth++;
                sb.setCharAt(i++, ' ');
                sb.setCharAt(i++, ' ');
                continue;
            }
            if (depth > 0 && i + 1 < sb.length() && c == '*' && sb.charAt(i + 1) == ')') {
                depth--;
                sb.setCharAt(i++, ' ');
                sb.setCharAt(i++, ' ');
                continue;
            }
            if (depth > 0 && c != '\n') sb.setCharAt(i, ' ');
            i++;
        }
        return sb.toString();
    }
}
