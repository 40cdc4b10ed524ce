package sched.tlc;

import java.nio.file.Path;

/**
 * A parse, semantic, configuration or evaluation error of a spec, located in a file. {@code line} and
 * {@code column} are 1-based; 0 means TLC did not say.
 */
public record TlcError(Path file, int line, int column, String message) {

    /** {@code file:line: message} (or {@code file: message} without a line), with the file as given. */
    @Override public String toString() {
        return format(null);
    }

    /**
     * As {@link #toString()}, with the file shown relative to {@code base} when it lies under it. The column, when
     * known, follows the message: {@code spec/X.tla:9: parse error: ... (column 12)}.
     */
    public String format(Path base) {
        String f = file == null ? "<unknown file>" : display(file, base);
        StringBuilder sb = new StringBuilder(f);
        if (line > 0) sb.append(':').append(line);
        sb.append(": ").append(message);
        if (line > 0 && column > 0) sb.append(" (column ").append(column).append(')');
        return sb.toString();
    }

    private static String display(Path file, Path base) {
        if (base != null) {
            Path abs = file.toAbsolutePath().normalize();
            Path b = base.toAbsolutePath().normalize();
            if (abs.startsWith(b)) return b.relativize(abs).toString();
        }
        return file.toString();
    }
}
