package sched.tlc;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Shows a running check's progress: on a terminal one line rewritten in place ({@code \r}); otherwise (CI, a
 * pipe, a file) a plain line every {@code plainEvery} (none for runs shorter than that).
 */
public final class ConsoleProgress implements TlcProgress.Listener {
    private final PrintWriter out;
    private final boolean terminal;
    private final String label;
    private final long plainEveryNanos;
    private long lastPrint;
    private String lastPhase = "";
    private int lastWidth;

    public ConsoleProgress(PrintWriter out, boolean terminal, String label, Duration plainEvery) {
        this.out = out;
        this.terminal = terminal;
        this.label = label;
        this.plainEveryNanos = plainEvery.toNanos();
        this.lastPrint = System.nanoTime();
    }

    /** True when stdout is an interactive terminal and the CI variable is not set. */
    public static boolean isInteractive() {
        java.io.Console c = System.console();
        return c != null && c.isTerminal() && System.getenv("CI") == null;
    }

    @Override
    public synchronized void progress(TlcProgress p) {
        long now = System.nanoTime();
        boolean phaseChanged = !p.phase().equals(lastPhase);
        if (terminal) {
            if (!phaseChanged && now - lastPrint < 250_000_000L) return;
            String line = format(p);
            int pad = Math.max(0, lastWidth - line.length());
            out.print("\r" + line + " ".repeat(pad));
            out.flush();
            lastWidth = line.length();
        } else {
            // Plain lines only for runs long enough to need them, then at a steady pace.
            if (now - lastPrint < plainEveryNanos) return;
            out.println(format(p));
            out.flush();
        }
        lastPrint = now;
        lastPhase = p.phase();
    }

    /** Ends the progress display (clears the in-place line). */
    public synchronized void done() {
        if (terminal && lastWidth > 0) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
            out.flush();
            lastWidth = 0;
        }
    }

    String format(TlcProgress p) {
        return String.format("%s %s: %,d distinct, %,d states/s, queue %,d, depth %d, %s",
                label, p.phase(), p.distinctStates(), Math.round(p.statesPerSecond()), p.queue(), p.depth(),
                clock(p.elapsed()));
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    public static String clock(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
