package sched.tlc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts located errors from SANY's unframed output (the parser and the semantic checker print outside TLC's
 * message frames). Recognised: parse errors ({@code ***Parse Error***} ... {@code at line L, column C}), lexical
 * errors, semantic and level errors ({@code line L, col C to line L2, col C2 of module M} followed by the message)
 * and missing modules ({@code Cannot find source file for module X imported in module Y}).
 */
final class SanyErrors {
    private static final Pattern PARSING = Pattern.compile("^Parsing file (.+)$");
    private static final Pattern AT_LINE_COLUMN = Pattern.compile("at line (\\d+), column (\\d+)");
    private static final Pattern SEMANTIC_LOCATION =
            Pattern.compile("^line (\\d+), col (\\d+) to line \\d+, col \\d+ of module (\\w+)\\s*$");
    private static final Pattern MISSING_MODULE =
            Pattern.compile("Cannot find source file for module (\\w+) imported in module (\\w+)");

    private SanyErrors() {}

    static List<TlcError> extract(String text, SpecFiles files) {
        String[] lines = text.split("\n", -1);
        LinkedHashSet<TlcError> errors = new LinkedHashSet<>();
        String currentFile = null;
        boolean inErrors = false; // inside "*** Errors: n" (as opposed to "*** Warnings: n")
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher pm = PARSING.matcher(line);
            if (pm.matches()) {
                currentFile = pm.group(1).strip();
                files.parsedFile(currentFile);
                continue;
            }
            if (line.startsWith("*** Errors:")) {
                inErrors = true;
                continue;
            }
            if (line.startsWith("*** Warnings:") || line.startsWith("Semantic processing of module")) {
                inErrors = false;
                continue;
            }
            if (line.contains("***Parse Error***") || line.startsWith("Lexical error")) {
                // The message runs until a blank line or "Residual stack trace".
                List<String> msg = new ArrayList<>();
                int j = line.startsWith("Lexical error") ? i : i + 1;
                int lineNo = 0;
                int col = 0;
                for (; j < lines.length; j++) {
                    String l = lines[j];
                    if (l.startsWith("Residual stack trace") || (l.isBlank() && !msg.isEmpty())) break;
                    if (l.isBlank()) continue;
                    msg.add(l.strip());
                    Matcher am = AT_LINE_COLUMN.matcher(l);
                    if (lineNo == 0 && am.find()) {
                        lineNo = Integer.parseInt(am.group(1));
                        col = Integer.parseInt(am.group(2));
                    }
                }
                var file = currentFile == null ? null : files.original(java.nio.file.Path.of(currentFile));
                errors.add(new TlcError(file, lineNo, col, "parse error: " + String.join(" ", msg)));
                i = j;
                continue;
            }
            Matcher sm = SEMANTIC_LOCATION.matcher(line);
            if (sm.matches() && inErrors) {
                List<String> msg = new ArrayList<>();
                int j = i + 1;
                while (j < lines.length && lines[j].isBlank()) j++;
                for (; j < lines.length; j++) {
                    String l = lines[j];
                    if (l.isBlank() || SEMANTIC_LOCATION.matcher(l).matches() || l.startsWith("***")) break;
                    msg.add(l.strip());
                }
                errors.add(new TlcError(files.moduleFile(sm.group(3)), Integer.parseInt(sm.group(1)),
                        Integer.parseInt(sm.group(2)), String.join(" ", msg)));
                i = j - 1;
                continue;
            }
            Matcher mm = MISSING_MODULE.matcher(line);
            if (mm.find()) {
                String missing = mm.group(1);
                String importer = mm.group(2);
                errors.add(new TlcError(files.moduleFile(importer), files.importLine(importer, missing), 0,
                        "cannot find module " + missing));
            }
        }
        return new ArrayList<>(errors);
    }
}
