package sched.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

import sched.runtime.Snapshot;
import sched.trace.Json;
import sched.trace.JsonReader;
import sched.trace.SpecHash;
import sched.trace.Trace;
import sched.trace.TraceFormatException;
import sched.trace.TraceReader;
import sched.trace.TraceSchema;

/**
 * Reading traces for replay: the files of the corpus (or the ones given), each read against what the current spec
 * says ({@link TraceSchema}): its variables (the abstraction function's, {@link Snapshot#SPINNING}), its actions
 * and its version ({@link SpecHash} of {@code spec/<Spec>.tla}, when the spec is in the tree). Any problem is a
 * {@link TraceFormatException} naming the file and line.
 */
public final class ReplayInput {
    private ReplayInput() {}

    static boolean isTraceFile(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".ndjson") || n.endsWith(".ndjson.gz");
    }

    /** Every {@code .ndjson} and {@code .ndjson.gz} file under the given files and directories, sorted, each once. */
    public static List<Path> files(List<Path> roots) throws IOException {
        LinkedHashSet<Path> out = new LinkedHashSet<>();
        for (Path r : roots) {
            if (Files.isDirectory(r)) {
                try (Stream<Path> s = Files.walk(r)) {
                    s.filter(p -> isTraceFile(p) && Files.isRegularFile(p)).sorted().forEach(out::add);
                }
            } else {
                out.add(r);
            }
        }
        return new ArrayList<>(out);
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, TraceSchema> SCHEMAS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The schema a trace of {@code spec} is checked against; {@code specDir} may be null (no spec in the tree). */
    public static TraceSchema schema(String spec, Path specDir) throws IOException {
        // Cached by spec file and its modification time: a corpus has thousands of traces of a few specs.
        Path tla = specDir == null ? null : specDir.resolve(spec + ".tla");
        String key = spec + "|" + (tla == null ? "" : tla.toAbsolutePath() + "|"
                + (Files.exists(tla) ? Files.getLastModifiedTime(tla).toMillis() + "|" + Files.size(tla) : "absent"));
        TraceSchema cached = SCHEMAS.get(key);
        if (cached != null) return cached;
        TraceSchema made = makeSchema(spec, specDir);
        SCHEMAS.put(key, made);
        return made;
    }

    private static TraceSchema makeSchema(String spec, Path specDir) throws IOException {
        List<String> vars = switch (spec) {
            case "Spinning" -> Snapshot.SPINNING;
            case "Fairness" -> concat(Snapshot.FAIRNESS, List.of("auxWait")); // auxWait: auxiliary, not compared
            case "RunQueue" -> concat(RunQueueReplay.VARS, RunQueueReplay.AUX); // AUX: auxiliary, not compared
            default -> null;
        };
        String hash = null;
        java.util.Set<String> actions = null;
        if (specDir != null) {
            Path tla = specDir.resolve(spec + ".tla");
            if (Files.isRegularFile(tla)) {
                hash = SpecHash.of(tla);
                actions = new LinkedHashSet<>(SpecActions.of(tla));
            }
        }
        return new TraceSchema(spec, hash, vars, actions);
    }

    /** One trace of a file and the (1-based) line its header is on. */
    public record Located(Trace trace, int firstLine) {}

    /**
     * Reads and checks every trace of a file: a trace file, or a bundle of them one after the other (the corpus
     * stores walks that way, docs/TRACES-CORPUS.md), plain or gzip-compressed ({@code .gz}). A bundle is split at
     * its header lines (lines that start with {@code {"format"}); errors name the line of the uncompressed text.
     */
    public static List<Located> readAll(Path file, Path specDir) throws IOException, TraceFormatException {
        List<Located> out = new ArrayList<>();
        for (Part p : split(file)) out.add(parse(p, specDir));
        return out;
    }

    /** The text of one trace of a file, not parsed yet, and the (1-based) line its header is on. */
    public record Part(Path file, String text, int firstLine) {}

    /**
     * A file's traces, split at their header lines but not parsed ({@link #parse} each; {@link #readAll} is both):
     * the replay parses each trace in the job that replays it, and holds no parsed trace it is not replaying.
     */
    public static List<Part> split(Path file) throws IOException, TraceFormatException {
        if (!Files.isRegularFile(file)) throw new TraceFormatException(file, 1, "no such trace file");
        String text = text(file);
        List<String> lines = List.of(text.split("\n", -1));
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) if (i == 0 || lines.get(i).startsWith("{\"format\"")) starts.add(i);
        List<Part> out = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k), to = k + 1 < starts.size() ? starts.get(k + 1) : lines.size();
            String part = String.join("\n", lines.subList(from, to));
            if (k + 1 < starts.size()) part += "\n";
            out.add(new Part(file, part, from + 1));
        }
        return out;
    }

    /** Parses and checks one trace of a file ({@link #split}); errors name the line of the file. */
    public static Located parse(Part p, Path specDir) throws IOException, TraceFormatException {
        Path file = p.file();
        int from = p.firstLine() - 1;
        int nl = p.text().indexOf('\n');
        Json.JObject header = header(file, from + 1, nl < 0 ? p.text() : p.text().substring(0, nl));
        String spec = ((Json.JString) header.get("spec")).value();
        TraceSchema schema = schema(spec, specDir);
        if (!(header.get("specHash") instanceof Json.JString)) {
            // A recording from the Java (property engine) names no spec version: check everything else.
            schema = new TraceSchema(schema.spec(), null, schema.variables(), schema.actions());
        }
        try {
            return new Located(TraceReader.parse(file, p.text(), schema), from + 1);
        } catch (TraceFormatException e) {
            throw new TraceFormatException(file, e.line() + from, e.detail());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Reads and checks a file that holds one trace. */
    public static Trace read(Path file, Path specDir) throws IOException, TraceFormatException {
        return readAll(file, specDir).getFirst().trace();
    }

    private static String text(Path file) throws IOException, TraceFormatException {
        byte[] bytes;
        if (file.getFileName().toString().endsWith(".gz")) {
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
                bytes = in.readAllBytes();
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                throw new TraceFormatException(file, 1, "not a readable gzip file (" + e.getMessage() + ")");
            }
        } else {
            bytes = Files.readAllBytes(file);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new TraceFormatException(file, 1, "not UTF-8 text");
        }
    }

    /** A header line, checked only as far as naming its spec. */
    private static Json.JObject header(Path file, int line, String first) throws TraceFormatException {
        if (first == null || first.isBlank()) throw new TraceFormatException(file, line, "empty trace file (expected a header line)");
        Json h;
        try {
            h = JsonReader.parse(first);
        } catch (JsonReader.JsonSyntaxException e) {
            throw new TraceFormatException(file, line, "malformed JSON at column " + e.column() + ": " + e.getMessage());
        }
        if (!(h instanceof Json.JObject o) || !(o.get("spec") instanceof Json.JString)) {
            throw new TraceFormatException(file, line, "missing field \"spec\"");
        }
        return o;
    }
}
