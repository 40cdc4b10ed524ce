package sched.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sched.history.edn.EdnException;
import sched.history.edn.EdnReader;
import sched.history.edn.EdnWriter;
import sched.history.edn.Keyword;

/**
 * Reads histories in the three formats of the shared corpus (see its README and docs/HISTORIES.md).
 */
public final class HistoryReader {
    private HistoryReader() {}

    /** The file formats. */
    public enum Format {
        /** Knossos EDN: one vector or list of op maps, or op maps at top level, or a map with {@code :history}. */
        KNOSSOS_EDN("knossos-edn"),
        /** Jepsen client log lines {@code INFO  jepsen.util - <process> <type> <f> <value>}. */
        PORCUPINE_JEPSEN_LOG("porcupine-jepsen-log"),
        /** One EDN map per line with a {@code :key}; the op's value becomes the vector {@code [key value]}. */
        PORCUPINE_KV_LOG("porcupine-kv-log"),
        /** Guess from the content. */
        AUTO("auto");

        private final String id;

        Format(String id) { this.id = id; }

        public String id() { return id; }

        public static Format of(String s) {
            for (Format f : values()) if (f.id.equals(s.trim().toLowerCase(Locale.ROOT))) return f;
            throw new IllegalArgumentException("unknown history format '" + s + "' (expected knossos-edn, "
                    + "porcupine-jepsen-log, porcupine-kv-log or auto)");
        }

        @Override public String toString() { return id; }
    }

    static final Keyword PROCESS = Keyword.of("process");
    static final Keyword TYPE = Keyword.of("type");
    static final Keyword F = Keyword.of("f");
    static final Keyword VALUE = Keyword.of("value");
    static final Keyword KEY = Keyword.of("key");
    static final Keyword HISTORY = Keyword.of("history");

    public static History read(Path path, Format format) throws IOException {
        return read(path.toString(), Files.readString(path, StandardCharsets.UTF_8), format);
    }

    public static History read(String file, String text, Format format) {
        Format f = format == Format.AUTO ? detect(text) : format;
        return switch (f) {
            case KNOSSOS_EDN -> readKnossos(file, text);
            case PORCUPINE_JEPSEN_LOG -> readJepsenLog(file, text);
            case PORCUPINE_KV_LOG -> readKvLog(file, text);
            case AUTO -> throw new AssertionError();
        };
    }

    /** The format {@code text} looks like: a Jepsen log line, a map with {@code :key}, or else Knossos EDN. */
    public static Format detect(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        int end = text.indexOf('\n', i);
        String first = text.substring(i, end < 0 ? text.length() : end);
        if (first.startsWith("INFO") || first.contains("jepsen.util -")) return Format.PORCUPINE_JEPSEN_LOG;
        if (first.startsWith("{") && first.contains(":key ")) return Format.PORCUPINE_KV_LOG;
        return Format.KNOSSOS_EDN;
    }

    /** Knossos EDN, in any of its three shapes. */
    public static History readKnossos(String file, String text) {
        EdnReader r = new EdnReader(file, text);
        List<Op> ops = new ArrayList<>();
        if (!r.skipToValue()) return new History(file, ops);
        int c = r.peek();
        if (c == '[' || c == '(') {
            char close = c == '[' ? ']' : ')';
            int ol = r.line(), oc = r.column();
            r.expect((char) c);
            while (true) {
                if (!r.skipToValue()) {
                    throw r.error("unterminated " + (c == '[' ? "vector" : "list") + " (opened at " + ol + ":" + oc + ")");
                }
                int p = r.peek();
                if (p == close) {
                    r.expect(close);
                    break;
                }
                if (p == ')' || p == ']' || p == '}') {
                    throw r.error("'" + (char) p + "' does not close the " + (c == '[' ? "vector" : "list") + " opened at " + ol + ":" + oc);
                }
                int l = r.line(), col = r.column();
                ops.add(toOp(r.read(), ops.size(), file, l, col));
            }
            if (r.skipToValue()) throw r.error("unexpected data after the history's closing '" + close + "'");
            return new History(file, ops);
        }
        int l = r.line(), col = r.column();
        Object first = r.read();
        if (first instanceof Map<?, ?> m && m.containsKey(HISTORY) && !m.containsKey(TYPE)) {
            if (!(m.get(HISTORY) instanceof List<?> list)) {
                throw new HistoryException(file + ":" + l + ":" + col + ": :history must be a vector of op maps");
            }
            for (Object o : list) ops.add(toOp(o, ops.size(), file, l, col));
            return new History(file, ops);
        }
        ops.add(toOp(first, 0, file, l, col));
        while (r.skipToValue()) {
            l = r.line();
            col = r.column();
            ops.add(toOp(r.read(), ops.size(), file, l, col));
        }
        return new History(file, ops);
    }

    private static Op toOp(Object o, int index, String file, int line, int col) {
        String where = file + ":" + line + ":" + col;
        if (!(o instanceof Map<?, ?> m)) {
            throw new HistoryException(where + ": expected an op map {:process .., :type .., :f .., :value ..}, found "
                    + abbreviate(EdnWriter.write(o)));
        }
        if (!m.containsKey(PROCESS)) throw new HistoryException(where + ": op map has no :process");
        if (!m.containsKey(TYPE)) throw new HistoryException(where + ": op map has no :type");
        Op.Type type = Op.Type.of(m.get(TYPE));
        if (type == null) {
            throw new HistoryException(where + ": :type is " + EdnWriter.write(m.get(TYPE))
                    + ", expected :invoke, :ok, :fail or :info");
        }
        Object process = m.get(PROCESS);
        if (process == null || process instanceof Map || process instanceof java.util.Collection) {
            throw new HistoryException(where + ": :process must be an integer or a keyword, found " + EdnWriter.write(process));
        }
        return new Op(process, type, m.get(F), m.get(VALUE), index, line);
    }

    private static String abbreviate(String s) { return s.length() > 60 ? s.substring(0, 57) + "..." : s; }

    /** Jepsen client logs as in Porcupine's test data: fields after " - " split on any whitespace. */
    public static History readJepsenLog(String file, String text) {
        List<Op> ops = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            if (raw.isBlank()) continue;
            int lineNo = i + 1;
            int dash = raw.indexOf(" - ");
            if (dash < 0) throw new HistoryException(file + ":" + lineNo + ": not a Jepsen client log line (no ' - ')");
            int restStart = dash + 3;
            String[] fields = raw.substring(restStart).trim().split("\\s+", 4);
            if (fields.length < 3) {
                throw new HistoryException(file + ":" + lineNo + ": expected '<process> <type> <f> <value>' after ' - '");
            }
            long process;
            try {
                process = Long.parseLong(fields[0]);
            } catch (NumberFormatException e) {
                throw new HistoryException(file + ":" + lineNo + ": process '" + fields[0] + "' is not an integer");
            }
            Op.Type type = fields[1].startsWith(":") && fields[1].length() > 1 ? Op.Type.of(Keyword.of(fields[1])) : null;
            if (type == null) throw new HistoryException(file + ":" + lineNo + ": unknown type '" + fields[1] + "'");
            Object f = parseField(fields[2], file, lineNo, raw);
            Object value = fields.length > 3 ? parseField(fields[3], file, lineNo, raw) : null;
            ops.add(new Op(process, type, f, value, ops.size(), lineNo));
        }
        return new History(file, ops);
    }

    private static Object parseField(String field, String file, int lineNo, String raw) {
        try {
            return EdnReader.readOne(file, field);
        } catch (EdnException e) {
            int col = raw.indexOf(field) + e.column();
            throw new EdnException(file, lineNo, col, e.problem());
        }
    }

    /** Porcupine's key-value logs: one op map per line with {@code :key}; the value becomes {@code [key value]}. */
    public static History readKvLog(String file, String text) {
        EdnReader r = new EdnReader(file, text);
        List<Op> ops = new ArrayList<>();
        while (r.skipToValue()) {
            int l = r.line(), col = r.column();
            Object o = r.read();
            if (!(o instanceof Map<?, ?> m) || !m.containsKey(KEY)) {
                throw new HistoryException(file + ":" + l + ":" + col + ": expected an op map with a :key");
            }
            Op op = toOp(o, ops.size(), file, l, col);
            ops.add(new Op(op.process(), op.type(), op.f(), Arrays.asList(m.get(KEY), op.value()), op.index(), l));
        }
        return new History(file, ops);
    }
}
