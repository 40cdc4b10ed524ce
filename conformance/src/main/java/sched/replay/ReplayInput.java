package sched.replay;

import java.io.BufferedReader;
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

    /** Every {@code .ndjson} file under the given files and directories, sorted, each once. */
    public static List<Path> files(List<Path> roots) throws IOException {
        LinkedHashSet<Path> out = new LinkedHashSet<>();
        for (Path r : roots) {
            if (Files.isDirectory(r)) {
                try (Stream<Path> s = Files.walk(r)) {
                    s.filter(p -> p.toString().endsWith(".ndjson") && Files.isRegularFile(p)).sorted().forEach(out::add);
                }
            } else {
                out.add(r);
            }
        }
        return new ArrayList<>(out);
    }

    /** The schema a trace of {@code spec} is checked against; {@code specDir} may be null (no spec in the tree). */
    public static TraceSchema schema(String spec, Path specDir) throws IOException {
        List<String> vars = switch (spec) {
            case "Spinning" -> Snapshot.SPINNING;
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

    /** Reads and checks one trace. */
    public static Trace read(Path file, Path specDir) throws IOException, TraceFormatException {
        if (!Files.isRegularFile(file)) throw new TraceFormatException(file, 1, "no such trace file");
        String spec = specOf(file);
        return TraceReader.read(file, schema(spec, specDir));
    }

    /** The spec a trace file names in its header (checks only that much). */
    private static String specOf(Path file) throws IOException, TraceFormatException {
        String first;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = r.readLine();
        } catch (java.nio.charset.MalformedInputException e) {
            throw new TraceFormatException(file, 1, "not UTF-8 text");
        }
        if (first == null || first.isBlank()) throw new TraceFormatException(file, 1, "empty trace file (expected a header line)");
        Json h;
        try {
            h = JsonReader.parse(first);
        } catch (JsonReader.JsonSyntaxException e) {
            throw new TraceFormatException(file, 1, "malformed JSON at column " + e.column() + ": " + e.getMessage());
        }
        if (!(h instanceof Json.JObject o) || !(o.get("spec") instanceof Json.JString s)) {
            throw new TraceFormatException(file, 1, "missing field \"spec\"");
        }
        return s.value();
    }
}
