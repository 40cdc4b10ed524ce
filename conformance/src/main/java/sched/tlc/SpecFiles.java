package sched.tlc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps what TLC reports (module names, files of the run's private copy of the spec directory) back to the files
 * the user edits, and finds lines in them. A run model-checks a copy of the spec directory (so that a derived
 * config can sit beside the spec and edits during a run do not matter); errors must still name the original.
 */
public final class SpecFiles {
    private final Path originalDir;
    private final Path copyDir;
    private final Path originalConfig;
    private final Path copyConfig;
    private final Map<String, Path> parsed = new HashMap<>();

    public SpecFiles(Path originalDir, Path copyDir, Path originalConfig, Path copyConfig) {
        this.originalDir = originalDir.toAbsolutePath().normalize();
        this.copyDir = copyDir.toAbsolutePath().normalize();
        this.originalConfig = originalConfig.toAbsolutePath().normalize();
        this.copyConfig = copyConfig.toAbsolutePath().normalize();
    }

    public Path originalConfig() { return originalConfig; }

    /** Records SANY's "Parsing file X" so a module name can be mapped to the file it came from. */
    void parsedFile(String path) {
        Path p = Path.of(path.strip()).toAbsolutePath().normalize();
        String name = p.getFileName().toString();
        if (name.endsWith(".tla")) parsed.put(name.substring(0, name.length() - 4), p);
    }

    /** The file a module was parsed from, in the original spec directory when it came from there. */
    public Path moduleFile(String module) {
        Path p = parsed.get(module);
        if (p == null) p = copyDir.resolve(module + ".tla");
        return original(p);
    }

    /** A file of the copy translated to the original directory; other files (TLC's standard modules) as they are. */
    public Path original(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        if (abs.equals(copyConfig)) return originalConfig;
        if (abs.startsWith(copyDir)) return originalDir.resolve(copyDir.relativize(abs));
        return abs;
    }

    /** The 1-based line of the first occurrence of {@code word} as a whole word in the config, or 0. */
    public int configLineOf(String word) {
        return lineOf(copyConfig, Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(word) + "(?![A-Za-z0-9_])"));
    }

    /** The line of the module's EXTENDS or INSTANCE where it names {@code imported}, or 0. */
    public int importLine(String module, String imported) {
        String text;
        try {
            text = TlcConfigFile.blankComments(Files.readString(copyOf(module)));
        } catch (IOException e) {
            return 0;
        }
        Matcher m = Pattern.compile("\\bEXTENDS\\s+\\w+(?:\\s*,\\s*\\w+)*|\\bINSTANCE\\s+\\w+").matcher(text);
        Pattern word = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(imported) + "(?![A-Za-z0-9_])");
        while (m.find()) {
            Matcher w = word.matcher(text).region(m.start(), m.end());
            if (w.find()) return 1 + (int) text.substring(0, w.start()).chars().filter(c -> c == '\n').count();
        }
        return 0;
    }

    /**
     * Where a constant is declared: the module and line of a CONSTANT(S) declaration naming it (the declaration
     * may continue on following lines), or null.
     */
    public Location constantDeclaration(String name) {
        Pattern word = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])");
        Pattern decl = Pattern.compile("^\\s*CONSTANTS?\\b");
        try (var files = Files.list(copyDir)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".tla")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                boolean inDecl = false;
                boolean continues = false; // the declaration's previous line asks for more (keyword alone, or a trailing comma)
                for (int i = 0; i < lines.size(); i++) {
                    String line = stripComment(lines.get(i));
                    if (line.isBlank()) continue;
                    if (decl.matcher(line).find()) {
                        inDecl = true;
                    } else if (inDecl && !continues && !line.trim().startsWith(",")) {
                        inDecl = false;
                    }
                    String t = line.trim();
                    continues = inDecl && (t.endsWith(",") || t.matches("CONSTANTS?"));
                    if (inDecl && word.matcher(line).find()) return new Location(original(f), i + 1);
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** A file and 1-based line. */
    public record Location(Path file, int line) {}

    private Path copyOf(String module) {
        Path p = parsed.get(module);
        return p != null ? p : copyDir.resolve(module + ".tla");
    }

    private static String stripComment(String line) {
        int c = line.indexOf("\\*");
        return c >= 0 ? line.substring(0, c) : line;
    }

    private static int lineOf(Path file, Pattern pattern) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = pattern.matcher(stripComment(lines.get(i)));
                if (m.find()) return i + 1;
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
