package sched.tlc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits TLC's {@code -tool} output, fed one line at a time, into {@link TlcMessage}s and the unframed text around
 * them (SANY's parse and semantic errors are printed unframed). Markers may sit in the middle of a line (TLC
 * prints a nested message right after {@code ": "}), and messages may nest.
 */
public final class TlcOutputParser {
    private static final Pattern MARKER =
            Pattern.compile("@!@!@(?:STARTMSG (\\d+):(\\d+)|ENDMSG (\\d+)) @!@!@");

    private record Open(int code, int severity, StringBuilder body) {}

    private final Deque<Open> open = new ArrayDeque<>();
    private final StringBuilder unframed = new StringBuilder();
    private final Consumer<TlcMessage> onMessage;
    private final Consumer<String> onUnframedLine;

    public TlcOutputParser(Consumer<TlcMessage> onMessage, Consumer<String> onUnframedLine) {
        this.onMessage = onMessage;
        this.onUnframedLine = onUnframedLine;
    }

    /** Everything printed outside any message, lines joined with '\n'. */
    public String unframedText() {
        return unframed.toString();
    }

    /** Feeds one line of output (without its line terminator). */
    public void line(String line) {
        Matcher m = MARKER.matcher(line);
        int at = 0;
        boolean sawMarker = false;
        while (m.find()) {
            sawMarker = true;
            text(line.substring(at, m.start()), false);
            if (m.group(1) != null) {
                open.push(new Open(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), new StringBuilder()));
            } else {
                close(Integer.parseInt(m.group(3)));
            }
            at = m.end();
        }
        String rest = line.substring(at);
        if (!sawMarker || !rest.isEmpty()) text(rest, true);
    }

    private void text(String s, boolean endOfLine) {
        if (open.isEmpty()) {
            if (s.isEmpty() && !endOfLine) return;
            unframed.append(s);
            if (endOfLine) {
                unframed.append('\n');
                onUnframedLine.accept(s);
            }
            return;
        }
        StringBuilder body = open.peek().body();
        body.append(s);
        if (endOfLine) body.append('\n');
    }

    private void close(int code) {
        if (open.isEmpty()) return; // an ENDMSG without a start: ignore
        Open o = open.pop();
        if (o.code() != code) {
            // Mismatched frames should not happen; close what is open and carry on.
            while (!open.isEmpty() && o.code() != code) {
                deliver(o);
                o = open.pop();
            }
        }
        deliver(o);
    }

    private void deliver(Open o) {
        String body = o.body().toString();
        if (!open.isEmpty()) open.peek().body().append(body);
        onMessage.accept(new TlcMessage(o.code(), o.severity(), stripTrailingNewlines(body)));
    }

    private static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) end--;
        return s.substring(0, end);
    }

    /** Delivers any message left open (output cut short) so its text is not lost. */
    public void finish() {
        while (!open.isEmpty()) {
            Open o = open.pop();
            deliver(o);
        }
    }
}
