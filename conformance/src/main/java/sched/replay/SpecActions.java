package sched.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A spec's actions, read from its .tla text. The rule: the actions are the operators defined in the module that
 * the definition of {@code Next} names, in the order it names them first. ({@code Next == \/ \E m \in Ms, g \in
 * Gs : NewProc(m, g) \/ ...} gives NewProc, ...; {@code Next == PutNextCas \/ ...} gives PutNextCas, ....) The
 * definition runs from the line that starts with {@code Next ==} to the next line that starts a definition or a
 * separator at column 0. Comments are removed first. This is the same list TLC's {@code FastTool.getActions()}
 * names, as long as every disjunct of Next is one operator applied to its parameters, which our specs keep to
 * (docs/ACTIONS.md: every action is its own operator).
 */
public final class SpecActions {
    private static final Pattern DEF = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*(\\([^)]*\\))?\\s*==");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SpecActions() {}

    public static List<String> of(Path tla) throws IOException {
        return parse(Files.readString(tla, StandardCharsets.UTF_8));
    }

    public static List<String> parse(String text) {
        String[] lines = stripComments(text).split("\n", -1);
        Set<String> defined = new LinkedHashSet<>();
        for (String l : lines) {
            Matcher m = DEF.matcher(l);
            if (m.find()) defined.add(m.group(1));
        }
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = DEF.matcher(lines[i]);
            if (m.find() && m.group(1).equals("Next")) {
                start = i;
                break;
            }
        }
        if (start < 0) throw new IllegalArgumentException("the spec defines no Next");
        StringBuilder body = new StringBuilder(lines[start].substring(lines[start].indexOf("==") + 2));
        for (int i = start + 1; i < lines.length; i++) {
            String l = lines[i];
            if (DEF.matcher(l).find() || l.startsWith("----") || l.startsWith("====")) break;
            body.append('\n').append(l);
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        Matcher m = IDENT.matcher(body);
        while (m.find()) {
            String id = m.group();
            if (defined.contains(id) && !id.equals("Next")) out.add(id);
        }
        return new ArrayList<>(out);
    }

    /** Removes {@code \* ...} line comments and {@code (* ... *)} block comments (nested), keeping newlines. */
    static String stripComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char d = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            if (c == '(' && d == '*') {
                depth++;
                i++;
            } else if (depth > 0 && c == '*' && d == ')') {
                depth--;
                i++;
            } else if (depth > 0) {
                if (c == '\n') out.append('\n');
            } else if (c == '\\' && d == '*') {
                while (i < s.length() && s.charAt(i) != '\n') i++;
                if (i < s.length()) out.append('\n');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
