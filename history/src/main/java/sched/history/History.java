package sched.history;

import java.util.List;
import sched.history.edn.EdnWriter;

/**
 * A history: records in real-time order, as read from {@code source}.
 */
public record History(String source, List<Op> ops) {
    public History {
        ops = List.copyOf(ops);
    }

    public int size() { return ops.size(); }

    /** The history as Knossos EDN: a vector with one op map per line. */
    public String toEdn() {
        StringBuilder sb = new StringBuilder(ops.size() * 64 + 4);
        sb.append('[');
        for (int i = 0; i < ops.size(); i++) {
            if (i > 0) sb.append("\n ");
            EdnWriter.write(ops.get(i).toEdn(), sb);
        }
        sb.append("]\n");
        return sb.toString();
    }

    /** Where record {@code op} came from, for messages: {@code file:line} or {@code file, record N}. */
    public String where(Op op) {
        return op.line() > 0 ? source + ":" + op.line() : source + ", record " + (op.index() + 1);
    }
}
