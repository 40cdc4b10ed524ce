package sched.tlc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The list of model-checking runs of the specs: {@code spec/MANIFEST.tsv}, tab-separated with a header row and
 * the columns {@code spec}, {@code config}, {@code kind} ({@code ci}, {@code deep}, {@code bug} or
 * {@code liveness}), {@code expect} ({@code ok} or {@code violates:Property}), {@code bug} (the bug switch's name
 * or {@code -}) and {@code note}. Blank lines and lines starting with {@code #} are ignored; extra columns are
 * allowed. {@code spec} is a module name (with or without {@code .tla}); {@code config} a file name in the same
 * directory, or a short name {@code C} meaning {@code Spec.C.cfg}.
 *
 * <p>Without a manifest, {@link #discover} lists the configs by their names: {@code X.ci.cfg},
 * {@code X.deep.cfg}, {@code X.liveness.cfg}, {@code X.bug-Name.cfg} (expected: some violation).
 */
public record SpecManifest(Path file, List<Entry> entries) {

    public enum Kind { CI, DEEP, BUG, LIVENESS }

    /**
     * One run. {@code expectedProperty} is null when the config must hold, {@code "*"} when any violation is
     * expected (discovered bug configs); {@code line} is the manifest line (0 when discovered).
     */
    public record Entry(String spec, Path specFile, Path configFile, String configName, Kind kind,
                        String expectedProperty, String bug, String note, int line) {
        public boolean expectsViolation() { return expectedProperty != null; }
    }

    /** A manifest that cannot be used; the message names the file and line. */
    public static final class ManifestException extends Exception {
        public ManifestException(Path file, int line, String msg) {
            super(file + ":" + line + ": " + msg);
        }
    }

    private static final List<String> REQUIRED = List.of("spec", "config", "kind", "expect", "bug");
    private static final Pattern VIOLATES = Pattern.compile("violates:([A-Za-z_][A-Za-z0-9_!]*)");

    public static SpecManifest read(Path file) throws IOException, ManifestException {
        Path dir = file.toAbsolutePath().normalize().getParent();
        List<String> lines = Files.readAllLines(file);
        Map<String, Integer> col = null;
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (col == null) {
                col = new HashMap<>();
                for (int c = 0; c < f.length; c++) col.put(f[c].strip().toLowerCase(Locale.ROOT), c);
                for (String r : REQUIRED) {
                    if (!col.containsKey(r)) throw new ManifestException(file, lineNo, "header lacks the column '" + r + "'");
                }
                continue;
            }
            String spec = field(f, col, "spec").replaceFirst("\\.tla$", "");
            String config = field(f, col, "config");
            String kindText = field(f, col, "kind");
            String expect = field(f, col, "expect");
            String bug = field(f, col, "bug");
            String note = col.containsKey("note") ? field(f, col, "note") : "";
            if (spec.isEmpty() || config.isEmpty()) throw new ManifestException(file, lineNo, "empty spec or config");
            Kind kind;
            try {
                kind = Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ManifestException(file, lineNo, "unknown kind '" + kindText + "' (ci, deep, bug or liveness)");
            }
            String expected;
            if (expect.equals("ok")) {
                expected = null;
            } else {
                Matcher m = VIOLATES.matcher(expect);
                if (!m.matches()) throw new ManifestException(file, lineNo, "expect must be 'ok' or 'violates:Property', not '" + expect + "'");
                expected = m.group(1);
            }
            if (kind == Kind.BUG && expected == null) {
                throw new ManifestException(file, lineNo, "a bug config must expect a violation");
            }
            Path specFile = dir.resolve(spec + ".tla");
            Path cfg = config.endsWith(".cfg") ? dir.resolve(config) : dir.resolve(spec + "." + config + ".cfg");
            if (!Files.isRegularFile(specFile)) throw new ManifestException(file, lineNo, "no such spec file " + specFile);
            if (!Files.isRegularFile(cfg)) throw new ManifestException(file, lineNo, "no such config file " + cfg);
            entries.add(new Entry(spec, specFile, cfg, TlcRunner.configShortName(spec, cfg), kind, expected,
                    bug.equals("-") || bug.isEmpty() ? null : bug, note, lineNo));
        }
        if (col == null) throw new ManifestException(file, 1, "empty manifest (expected a header row)");
        return new SpecManifest(file, entries);
    }

    private static String field(String[] f, Map<String, Integer> col, String name) {
        int c = col.get(name);
        return c < f.length ? f[c].strip() : "";
    }

    /** Lists the configs of the specs in {@code dir} by file name, when there is no manifest. */
    public static SpecManifest discover(Path dir) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Pattern cfgName = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\.(ci|deep|liveness|bug-([A-Za-z0-9_]+))\\.cfg");
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                Matcher m = cfgName.matcher(p.getFileName().toString());
                if (!m.matches()) continue;
                Path spec = dir.resolve(m.group(1) + ".tla");
                if (!Files.isRegularFile(spec)) continue;
                Kind kind = m.group(3) != null ? Kind.BUG : Kind.valueOf(m.group(2).toUpperCase(Locale.ROOT));
                entries.add(new Entry(m.group(1), spec, p, TlcRunner.configShortName(m.group(1), p), kind,
                        kind == Kind.BUG ? "*" : null, m.group(3), "", 0));
            }
        }
        return new SpecManifest(null, entries);
    }
}
