package sched.traces;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

import sched.trace.Trace;
import sched.trace.TraceFormatException;
import sched.trace.TraceReader;
import sched.trace.TraceSchema;
import sched.trace.TraceWriter;

/**
 * A file holding one or more traces (docs/TRACES-CORPUS.md): trace files of the {@code sched-trace/1} format
 * (docs/TRACES.md) one after the other, each starting with its header line, optionally gzip-compressed (a name
 * ending in {@code .gz}). A plain single trace file, as {@code ./sched check} writes it, is a bundle of one.
 * Errors name the file and the line within the (uncompressed) file.
 */
public final class TraceBundle {
    private TraceBundle() {}

    /** One trace of a bundle and the (1-based) line of the file its header is on. */
    public record Entry(Trace trace, int firstLine) {
        /** The file line of step {@code k}. */
        public int lineOfStep(int k) { return firstLine + 1 + k; }
    }

    public static boolean isGzip(Path file) {
        return file.getFileName().toString().endsWith(".gz");
    }

    /** The uncompressed text of a trace file or bundle (UTF-8). */
    public static String text(Path file) throws IOException, TraceFormatException {
        byte[] bytes;
        if (isGzip(file)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                bytes = in.readAllBytes();
            } catch (ZipException | java.io.EOFException e) {
                throw new TraceFormatException(file, 1, "not a readable gzip file (" + e.getMessage() + ")");
            }
        } else {
            bytes = Files.readAllBytes(file);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new TraceFormatException(file, 1, "not UTF-8 text");
        }
    }

    /** Every trace of the file, checked against {@code schema} as {@link TraceReader} does. */
    public static List<Entry> read(Path file, TraceSchema schema) throws IOException, TraceFormatException {
        return parse(file, text(file), schema);
    }

    public static List<Entry> read(Path file) throws IOException, TraceFormatException {
        return read(file, TraceSchema.NONE);
    }

    /**
     * Splits {@code text} at its header lines (a line starting with {@code {"format"}, as the writer puts it) and
     * reads each part. A file whose first line is not such a header is read as one trace, so the reader reports
     * what is wrong with it.
     */
    public static List<Entry> parse(Path file, String text, TraceSchema schema) throws TraceFormatException {
        String[] lines = text.split("\n", -1);
        int n = lines.length;
        if (n > 0 && lines[n - 1].isEmpty()) n--; // the final newline
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 1; i < n; i++) {
            if (isHeaderLine(lines[i])) starts.add(i);
        }
        List<Entry> out = new ArrayList<>();
        for (int t = 0; t < starts.size(); t++) {
            int from = starts.get(t);
            int to = t + 1 < starts.size() ? starts.get(t + 1) : n;
            StringBuilder sb = new StringBuilder();
            for (int i = from; i < to; i++) sb.append(lines[i]).append('\n');
            try {
                out.add(new Entry(TraceReader.parse(file, sb.toString(), schema), from + 1));
            } catch (TraceFormatException e) {
                if (from == 0) throw e;
                throw new TraceFormatException(file, e.line() + from, e.detail());
            }
        }
        return out;
    }

    /** The text of each trace of a bundle's text (each ending in a newline) and the line its header is on. */
    record Chunk(String text, int firstLine) {}

    static List<Chunk> chunks(String text) {
        String[] lines = text.split("\n", -1);
        int n = lines.length;
        if (n > 0 && lines[n - 1].isEmpty()) n--;
        List<Chunk> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        int first = 1;
        for (int i = 0; i < n; i++) {
            if (i > 0 && isHeaderLine(lines[i])) {
                out.add(new Chunk(sb.toString(), first));
                sb.setLength(0);
                first = i + 1;
            }
            sb.append(lines[i]).append('\n');
        }
        if (n > 0) out.add(new Chunk(sb.toString(), first));
        return out;
    }

    static boolean isHeaderLine(String line) {
        String l = line.stripLeading();
        return l.startsWith("{\"format\"");
    }

    /** The text of {@code traces} one after the other. */
    public static String toText(List<Trace> traces) {
        StringBuilder sb = new StringBuilder();
        for (Trace t : traces) sb.append(TraceWriter.toText(t));
        return sb.toString();
    }

    /** Writes {@code text}, gzip-compressed when the name ends in {@code .gz} (no file name or time in the gzip header). */
    public static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (isGzip(file)) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (OutputStream out = new GZIPOutputStream(buf, 1 << 16)) {
                out.write(bytes);
            }
            bytes = buf.toByteArray();
        }
        Files.write(file, bytes);
    }
}
