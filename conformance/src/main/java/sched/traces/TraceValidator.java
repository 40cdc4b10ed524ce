package sched.traces;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import sched.trace.Json;
import sched.trace.SpecHash;
import sched.trace.TraceFormatException;

/**
 * Property 4, the other direction: is a trace (recorded from the Java, written by hand, or generated) a behaviour
 * of its spec? TLC's evaluator, in a child JVM per spec and config, checks that the first state is an initial
 * state and that for every step k there is an instance of the step's action with the step's arguments whose
 * successors of state k-1 include state k. The first step that is not reports the step, its line, the action,
 * and the variables in which the closest successor differs.
 *
 * <p>Which spec and config: the trace header's {@code spec} and {@code config} ({@value #DEFAULT_CONFIG} when the
 * header has none), i.e. {@code <specDir>/<spec>.tla} with {@code <specDir>/<spec>.<config>.cfg}. The header's
 * {@code specHash} must be the spec's current hash, its {@code constants} (when given) the config's, its
 * variables the spec's, and every action one of the spec's. Files may be bundles ({@link TraceBundle}) and
 * gzip-compressed; a directory stands for every trace file under it.
 */
public final class TraceValidator {
    /** The config a trace without a {@code config} in its header is checked against. */
    public static final String DEFAULT_CONFIG = "ci";

    private TraceValidator() {}

    public enum Status { VALID, NOT_A_BEHAVIOUR, BAD_INPUT }

    /**
     * The verdict on one trace (or on a whole file that could not be read).
     *
     * @param trace   the trace's position in its file (0 for a single trace), -1 when the file could not be read
     * @param line    the file line of the first problem (for a valid trace: the line of its header)
     * @param step    the step that is not a behaviour, or -1
     * @param action  that step's action, or null
     * @param differs the variables in which the closest successor differs from the trace's state
     * @param steps   the number of steps checked (valid traces)
     */
    public record Result(Path file, int trace, Status status, int line, int step, String action, List<String> differs,
                         String message, int steps) {
        /** {@code file:line: message}, or {@code file: valid (n steps)} ({@code file:line:} inside a bundle). */
        public String format() {
            if (status == Status.VALID) {
                return file + (trace > 0 || line > 1 ? ":" + line : "") + ": valid (" + steps + (steps == 1 ? " step)" : " steps)");
            }
            return file + ":" + line + ": " + message;
        }
    }

    /**
     * @param specDir  where the specs are ({@code spec/})
     * @param workRoot where the child JVMs work
     * @param maxHeap  the children's -Xmx, or null
     */
    public record Options(Path specDir, Path workRoot, String maxHeap) {}

    /**
     * Validates traces held in memory (e.g. just recorded from the Java): each is written to
     * {@code <workRoot>/recorded/<i>.ndjson} and validated; results name those files.
     */
    public static List<Result> validateTraces(List<sched.trace.Trace> traces, Options o)
            throws IOException, InterruptedException {
        Path dir = o.workRoot().resolve("recorded");
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < traces.size(); i++) {
            Path f = dir.resolve(i + ".ndjson");
            sched.trace.TraceWriter.write(f, traces.get(i));
            files.add(f);
        }
        return validate(files, o);
    }

    /** Validates one trace file (or bundle). */
    public static List<Result> validate(Path file, Options o) throws IOException, InterruptedException {
        return validate(List.of(file), o);
    }

    /**
     * Validates every trace of {@code files} (directories: every {@code .ndjson} and {@code .ndjson.gz} file under
     * them, in name order). Results come in the order of the files, then of the traces within a file.
     */
    public static List<Result> validate(List<Path> files, Options o) throws IOException, InterruptedException {
        List<Path> all = expand(files);
        Map<Path, List<Result>> byFile = new LinkedHashMap<>();
        Map<String, List<Path>> groups = new LinkedHashMap<>();
        for (Path f : all) {
            byFile.put(f, new ArrayList<>());
            String problem;
            int line = 1;
            String spec = null;
            String config = null;
            try {
                // every format problem, before TLC is started
                TraceBundle.Entry first = TraceBundle.read(f).getFirst();
                spec = first.trace().header().spec();
                config = first.trace().header().config() == null ? DEFAULT_CONFIG : first.trace().header().config();
                problem = null;
            } catch (TraceFormatException e) {
                problem = e.detail();
                line = e.line();
            } catch (IOException e) {
                problem = "cannot read: " + e.getMessage();
            }
            if (problem == null && !Files.isRegularFile(specFile(o, spec))) {
                problem = "no spec " + spec + " (" + specFile(o, spec) + " does not exist)";
            } else if (problem == null && !Files.isRegularFile(configFile(o, spec, config))) {
                problem = "no config " + config + " for spec " + spec + " (" + configFile(o, spec, config) + " does not exist)";
            }
            if (problem != null) {
                byFile.get(f).add(new Result(f, -1, Status.BAD_INPUT, line, -1, null, List.of(), problem, 0));
            } else {
                groups.computeIfAbsent(spec + "\u0000" + config, k -> new ArrayList<>()).add(f);
            }
        }
        for (Map.Entry<String, List<Path>> g : groups.entrySet()) {
            String[] sc = g.getKey().split("\u0000", 2);
            Path specFile = specFile(o, sc[0]);
            Path cfg = configFile(o, sc[0], sc[1]);
            Json.JObject job = Json.object()
                    .put("files", Json.array(g.getValue().stream().map(p -> Json.of(p.toAbsolutePath().toString())).toList()))
                    .put("specHash", SpecHash.of(specFile))
                    .put("constants", TraceGenerator.constants(cfg))
                    .put("configName", sc[1])
                    .put("configFile", displayPath(cfg))
                    .build();
            SpecChild.Output out = SpecChild.run("validate", specFile, cfg, job, o.workRoot(), o.maxHeap());
            Map<String, Path> original = new LinkedHashMap<>();
            g.getValue().forEach(p -> original.put(p.toAbsolutePath().toString(), p));
            for (Json.JObject r : out.results()) {
                Path f = original.get(((Json.JString) r.get("file")).value());
                byFile.get(f).add(result(f, r));
            }
        }
        List<Result> results = new ArrayList<>();
        byFile.values().forEach(results::addAll);
        return results;
    }

    private static String displayPath(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path a = p.toAbsolutePath().normalize();
        return a.startsWith(cwd) ? cwd.relativize(a).toString() : a.toString();
    }

    private static Result result(Path f, Json.JObject r) {
        String status = ((Json.JString) r.get("status")).value();
        int trace = r.get("trace") instanceof Json.JNumber n ? (int) n.longValue() : -1;
        int line = r.get("line") instanceof Json.JNumber n ? (int) n.longValue()
                : r.get("traceLine") instanceof Json.JNumber t ? (int) t.longValue() : 1;
        return switch (status) {
            case "valid" -> new Result(f, trace, Status.VALID, line, -1, null, List.of(), "valid",
                    (int) ((Json.JNumber) r.get("steps")).longValue());
            case "not-a-behaviour" -> new Result(f, trace, Status.NOT_A_BEHAVIOUR, line,
                    (int) ((Json.JNumber) r.get("step")).longValue(), ((Json.JString) r.get("action")).value(),
                    ((Json.JArray) r.get("differs")).items().stream().map(x -> ((Json.JString) x).value()).toList(),
                    ((Json.JString) r.get("message")).value(), 0);
            default -> new Result(f, trace, Status.BAD_INPUT, line, -1, null, List.of(),
                    ((Json.JString) r.get("message")).value(), 0);
        };
    }

    private static Path specFile(Options o, String spec) {
        return o.specDir().resolve(spec + ".tla");
    }

    private static Path configFile(Options o, String spec, String config) {
        return o.specDir().resolve(spec + "." + config + ".cfg");
    }

    /** Files as given; directories replaced by the trace files under them, in name order. */
    static List<Path> expand(List<Path> files) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                try (Stream<Path> s = Files.walk(f)) {
                    s.filter(Files::isRegularFile)
                            .filter(p -> p.getFileName().toString().endsWith(".ndjson") || p.getFileName().toString().endsWith(".ndjson.gz"))
                            .sorted()
                            .forEach(out::add);
                }
            } else {
                out.add(f);
            }
        }
        return out;
    }
}
