package sched.trace;

import java.nio.file.Path;

/**
 * A trace file that cannot be used: malformed JSON, a record of the wrong shape, an unknown action, a state with
 * missing or extra variables, or a trace of another spec (version). The message starts with {@code file:line:}.
 */
public final class TraceFormatException extends Exception {
    private final Path file;
    private final int line;
    private final String detail;

    public TraceFormatException(Path file, int line, String detail) {
        super((file == null ? "<trace>" : file.toString()) + ":" + line + ": " + detail);
        this.file = file;
        this.line = line;
        this.detail = detail;
    }

    /** The trace file (may be null when the text did not come from a file). */
    public Path file() { return file; }

    /** The 1-based line of the trace file the problem is on. */
    public int line() { return line; }

    /** The message without the file and line. */
    public String detail() { return detail; }
}
