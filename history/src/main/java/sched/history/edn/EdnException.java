package sched.history.edn;

/** Malformed EDN: the message reads {@code malformed EDN at FILE:LINE:COL: what is wrong}. */
public final class EdnException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public EdnException(String file, int line, int column, String problem) {
        super("malformed EDN at " + file + ":" + line + ":" + column + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public String file() { return file; }

    public int line() { return line; }

    public int column() { return column; }

    /** The message without the position. */
    public String problem() { return problem; }
}
