package sched.history.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sched.history.HistoryException;
import sched.history.HistoryReader;

/**
 * A corpus MANIFEST.tsv: a header line, then one tab-separated row per history file with (at least) the columns
 * {@code path}, {@code model}, {@code expected} and {@code format}, found by name in the header.
 */
public record Manifest(Path dir, List<Row> rows) {
    /** One history file. {@code expected} is "linearizable", "not-linearizable" or "unknown" (no verdict known). */
    public record Row(int line, String path, String model, String expected, HistoryReader.Format format, int records) {}

    public static Manifest read(Path dir) throws IOException {
        Path file = dir.resolve("MANIFEST.tsv");
        if (!Files.isRegularFile(file)) throw new HistoryException(file + ": no such file (a corpus directory needs a MANIFEST.tsv)");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) throw new HistoryException(file + ": empty (expected a header line)");
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int path = column(header, "path", file), model = column(header, "model", file);
        int expected = column(header, "expected", file), format = header.indexOf("format"), ops = header.indexOf("ops");
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            String[] c = lines.get(i).split("\t", -1);
            if (c.length < header.size()) throw new HistoryException(file + ":" + (i + 1) + ": " + c.length + " columns, header has " + header.size());
            String exp = c[expected].trim();
            if (!exp.equals("linearizable") && !exp.equals("not-linearizable") && !exp.equals("unknown")) {
                throw new HistoryException(file + ":" + (i + 1) + ": expected verdict '" + exp + "' is not linearizable, not-linearizable or unknown");
            }
            HistoryReader.Format f;
            try {
                f = format < 0 ? HistoryReader.Format.AUTO : HistoryReader.Format.of(c[format]);
            } catch (IllegalArgumentException e) {
                throw new HistoryException(file + ":" + (i + 1) + ": " + e.getMessage());
            }
            int n = -1;
            if (ops >= 0) {
                try {
                    n = Integer.parseInt(c[ops].trim());
                } catch (NumberFormatException e) {
                    n = -1;
                }
            }
            rows.add(new Row(i + 1, c[path].trim(), c[model].trim(), exp, f, n));
        }
        return new Manifest(dir, rows);
    }

    private static int column(List<String> header, String name, Path file) {
        int i = header.indexOf(name);
        if (i < 0) throw new HistoryException(file + ":1: no '" + name + "' column in the header");
        return i;
    }
}
