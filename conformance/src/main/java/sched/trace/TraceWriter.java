package sched.trace;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a {@link Trace} as NDJSON: the header line, then one line per step, each ending in '\n'. */
public final class TraceWriter {
    private TraceWriter() {}

    public static void write(Path file, Trace trace) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w, trace);
        }
    }

    public static void write(Writer w, Trace trace) throws IOException {
        w.write(JsonWriter.write(trace.header().toJson()));
        w.write('\n');
        for (TraceStep s : trace.steps()) {
            w.write(JsonWriter.write(s.toJson()));
            w.write('\n');
        }
    }

    public static String toText(Trace trace) {
        java.io.StringWriter sw = new java.io.StringWriter();
        try {
            write(sw, trace);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sw.toString();
    }
}
