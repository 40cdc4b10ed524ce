package sched.history.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import sched.history.History;
import sched.history.edn.Keyword;
import sched.runtime.HistoryHooks;
import sched.runtime.P;

/**
 * Receives the runtime's own recording hooks ({@link HistoryHooks}: the global run queue, channels, selects) and
 * keeps one {@link HistoryRecorder} per object operated on, so each channel and each global queue gets its own
 * history (per-thread buffers, one global sequence per history).
 *
 * <p>The Ps' local run queues are the exception: {@link #installRunqs} records every P into one history,
 * {@link #RUNQS}, with each value keyed by the P's id ({@code [p x]}, model {@code runq-per-p}), since the Ms
 * (the processes) move between Ps and the checker splits the history by P anyway.
 *
 * <p>Use: {@code try (RuntimeRecorder r = RuntimeRecorder.install(o -> o instanceof Chan)) { run; }} then
 * {@link #history}. Needs {@code -Dsched.record=true}; {@link #install} says so otherwise. One recorder at a
 * time (the hook is global).
 */
public final class RuntimeRecorder implements HistoryHooks.Hook, AutoCloseable {
    private static final Keyword PUT = Keyword.of("put"), PUT_BATCH = Keyword.of("put-batch"), GET = Keyword.of("get"),
            STEAL = Keyword.of("steal"), SWAP_NEXT = Keyword.of("swap-next"),
            SEND = Keyword.of("send"), RECV = Keyword.of("recv"), CLOSE = Keyword.of("close"), CLOSED = Keyword.of("closed");

    /** The object under which {@link #installRunqs} records every P's run queue. */
    public static final Object RUNQS = new Object() {
        @Override public String toString() { return "runqs"; }
    };

    private final Predicate<Object> keep;
    /** Whether P events go to {@link #RUNQS}, keyed by P. */
    private final boolean keyPs;
    /** Objects in the order of their first event, with their recorders. */
    private final Map<Object, HistoryRecorder> recorders = new ConcurrentHashMap<>();
    private final List<Object> order = java.util.Collections.synchronizedList(new ArrayList<>());

    private RuntimeRecorder(Predicate<Object> keep, boolean keyPs) {
        this.keep = keep;
        this.keyPs = keyPs;
    }

    /** Installs a recorder for the objects {@code keep} accepts, one history each. */
    public static RuntimeRecorder install(Predicate<Object> keep) {
        RuntimeRecorder r = new RuntimeRecorder(keep, false);
        HistoryHooks.install(r);
        return r;
    }

    /**
     * Installs a recorder of every P's run queue into the one history {@link #RUNQS}, values {@code [p x]}. P ids
     * are unique within one runtime (procresize keeps its Ps and adds new ids), not across runtimes: record one
     * {@code GoRuntime.run} per recorder.
     */
    public static RuntimeRecorder installRunqs() {
        RuntimeRecorder r = new RuntimeRecorder(o -> o instanceof P, true);
        HistoryHooks.install(r);
        return r;
    }

    /** Removes the hook; the histories stay readable. */
    @Override public void close() { HistoryHooks.install(null); }

    @Override public void event(Object obj, long process, int type, String f, Object value) {
        if (!keep.test(obj)) return;
        Object v = edn(value);
        if (keyPs && obj instanceof P pp) {
            v = java.util.Arrays.asList((long) pp.id(), v);
            obj = RUNQS;
        }
        HistoryRecorder rec = recorders.get(obj);
        if (rec == null) {
            rec = recorders.computeIfAbsent(obj, o -> {
                order.add(o);
                return new HistoryRecorder();
            });
        }
        Long p = process;
        Keyword fn = keyword(f);
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
            case "steal" -> STEAL;
            case "swap-next" -> SWAP_NEXT;
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
