package sched.traces;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import sched.trace.Json;
import sched.trace.JsonReader;

/**
 * {@code traces/MANIFEST.json}: how the corpus was made (command, base seed, counts, depth, TLC and generator
 * versions) and, per spec, its hash, counts, per-action coverage, and per file the seed of every trace and the
 * SHA-256 of the file's uncompressed text. Nothing in it depends on when or where it was made, so a regeneration
 * gives the same file.
 */
public final class CorpusManifest {
    public static final String FILE = "MANIFEST.json";
    public static final String FORMAT = "sched-traces-manifest/1";

    private CorpusManifest() {}

    static Json.JObject build(TraceGenerator.Options o, String tlc, Map<String, Json> specs) {
        long traces = 0;
        long steps = 0;
        for (Json s : specs.values()) {
            traces += ((Json.JNumber) ((Json.JObject) s).get("traces")).longValue();
            steps += ((Json.JNumber) ((Json.JObject) s).get("steps")).longValue();
        }
        Json.ObjectBuilder sb = Json.object();
        specs.forEach(sb::put);
        return Json.object()
                .put("format", FORMAT)
                .put("generator", TraceGenerator.VERSION)
                .put("command", o.command())
                .put("tlc", Json.of(tlc))
                .put("seed", o.seed())
                .put("count", o.count())
                .put("coverageCount", o.coverageCount())
                .put("depth", o.depth())
                .put("bugs", o.bugs())
                .put("traces", traces)
                .put("steps", steps)
                .put("specs", sb.build())
                .build();
    }

    /** Reads a manifest; a file that is not one is an {@link IOException} naming it. */
    public static Json.JObject read(Path file) throws IOException {
        try {
            Json j = JsonReader.parse(Files.readString(file));
            if (j instanceof Json.JObject o && o.get("format") instanceof Json.JString f && f.value().equals(FORMAT)) {
                return o;
            }
            throw new IOException(file + ":1: not a trace corpus manifest (format " + FORMAT + ")");
        } catch (JsonReader.JsonSyntaxException e) {
            throw new IOException(file + ": malformed JSON: " + e.getMessage());
        }
    }
}
