package sched.audit;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The audit's progress display: on a terminal a bar per phase, redrawn in place with its count and elapsed
 * time; otherwise (CI, a pipe) one plain line when a phase starts and one when it ends.
 */
final class AuditProgress {
    private final PrintWriter out;
    private final boolean terminal;
    private String phase;
    private long start, lastDraw;
    private int lastWidth;

    AuditProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void begin(String phase, int index, int total) {
        this.phase = String.format(Locale.ROOT, "[%d/%d] %s", index, total, phase);
        this.start = System.nanoTime();
        if (!terminal) {
            out.println(this.phase + " ...");
            out.flush();
        } else {
            update(0, 0);
        }
    }

    /** done out of total (total 0: unknown). */
    void update(long done, long total) {
        if (!terminal) return;
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && done != total) return;
        lastDraw = now;
        int width = 30;
        int filled = total > 0 ? (int) Math.min(width, width * done / total) : (int) ((now / 200_000_000L) % width);
        StringBuilder bar = new StringBuilder("[");
        for (int i = 0; i < width; i++) bar.append(total > 0 ? (i < filled ? '#' : '.') : (i == filled ? '#' : '.'));
        bar.append(']');
        String line = String.format(Locale.ROOT, "%-40s %s %s %5.1fs", phase, bar,
                total > 0 ? done + "/" + total : done > 0 ? String.valueOf(done) : "", (now - start) / 1e9);
        out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        lastWidth = line.length();
        out.flush();
    }

    void end(Report.Phase p) {
        String line = String.format(Locale.ROOT, "%-40s %-4s %s (%.1fs)", phase, p.status(), p.summary(),
                (System.nanoTime() - start) / 1e9);
        if (terminal) out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())) + "\n");
        else out.println(line);
        lastWidth = 0;
        out.flush();
    }
}
