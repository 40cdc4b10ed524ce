package sched.history;

/** A history that cannot be used: bad shape, bad pairing. The message names the file and line. */
public final class HistoryException extends RuntimeException {
    public HistoryException(String message) { super(message); }
}
