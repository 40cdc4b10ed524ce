package sched.history.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import sched.history.History;
import sched.history.edn.Keyword;
import sched.runtime.HistoryHooks;

/**
 * Receives the runtime's own recording hooks ({@link HistoryHooks}: the global run queue, channels, selects) and
 * keeps one {@link HistoryRecorder} per object operated on, so each channel and each global queue gets its own
 * history (per-thread buffers, one global sequence per history).
 *
 * <p>Use: {@code try (RuntimeRecorder r = RuntimeRecorder.install(o -> o instanceof Chan)) { run; }} then
 * {@link #history}. Needs {@code -Dsched.record=true}; {@link #install} says so otherwise. One recorder at a
 * time (the hook is global).
 */
public final class RuntimeRecorder implements HistoryHooks.Hook, AutoCloseable {
    private static final Keyword PUT = Keyword.of("put"), PUT_BATCH = Keyword.of("put-batch"), GET = Keyword.of("get"),
            SEND = Keyword.of("send"), RECV = Keyword.of("recv"), CLOSE = Keyword.of("close"), CLOSED = Keyword.of("closed");

    private final Predicate<Object> keep;
    /** Objects in the order of their first event, with their recorders. */
    private final Map<Object, HistoryRecorder> recorders = new ConcurrentHashMap<>();
    private final List<Object> order = java.util.Collections.synchronizedList(new ArrayList<>());

    private RuntimeRecorder(Predicate<Object> keep) { this.keep = keep; }

    /** Installs a recorder for the objects {@code keep} accepts. */
    public static RuntimeRecorder install(Predicate<Object> keep) {
        RuntimeRecorder r = new RuntimeRecorder(keep);
        HistoryHooks.install(r);
        return r;
    }

    /** Removes the hook; the histories stay readable. */
    @Override public void close() { HistoryHooks.install(null); }

    @Override public void event(Object obj, long process, int type, String f, Object value) {
        if (!keep.test(obj)) return;
        HistoryRecorder rec = recorders.get(obj);
        if (rec == null) {
            rec = recorders.computeIfAbsent(obj, o -> {
                order.add(o);
                return new HistoryRecorder();
            });
        }
        Long p = process;
        Keyword fn = keyword(f);
        Object v = edn(value);
        switch (type) {
            case HistoryHooks.INVOKE -> rec.invoke(p, fn, v);
            case HistoryHooks.OK -> rec.ok(p, fn, v);
            case HistoryHooks.FAIL -> rec.fail(p, fn, v);
            default -> rec.info(p, fn, v);
        }
    }

    private static Keyword keyword(String f) {
        return switch (f) {
            case "put" -> PUT;
            case "put-batch" -> PUT_BATCH;
            case "get" -> GET;
            case "send" -> SEND;
            case "recv" -> RECV;
            case "close" -> CLOSE;
            default -> Keyword.of(f);
        };
    }

    /** A runtime value as EDN data: integers as Long, the closed marker as {@code :closed}, others as text. */
    private static Object edn(Object v) {
        if (v == null || v instanceof Long || v instanceof String || v instanceof Boolean || v instanceof List) return v;
        if (v == HistoryHooks.CLOSED) return CLOSED;
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        return String.valueOf(v);
    }

    /** The objects recorded, in the order of their first event. */
    public List<Object> objects() {
        synchronized (order) {
            return new ArrayList<>(order);
        }
    }

    /** The history of {@code obj} (empty if it had no events). Call after the recorded run has finished. */
    public History history(Object obj, String name) {
        HistoryRecorder rec = recorders.get(obj);
        return rec == null ? new History(name, List.of()) : rec.history(name);
    }
}
