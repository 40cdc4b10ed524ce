package sched.history.record;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import sched.history.History;
import sched.history.Op;

/**
 * Records a history from real threads at full speed.
 *
 * <p>Each thread appends to its own buffer (no locks, no sharing); a global {@link AtomicLong} gives every
 * record a sequence number, taken just before an operation starts ({@link #invoke}) and just after it ends
 * ({@link #ok}). If operation A ended before B began in real time, A's completion number is below B's
 * invocation number, so sorting all buffers by sequence yields a history whose order respects real time;
 * overlapping operations interleave in some order, which is all linearizability needs.
 *
 * <p>Instrumentation sites are written {@code if (HistoryRecorder.ENABLED) recorder.invoke(...)}. The switch is a
 * static final flag read once from the system property {@code sched.history.record} (default off): when off,
 * the JIT folds the test and removes the sites, so recording off costs nothing.
 */
public final class HistoryRecorder {
    /** The recording switch: {@code -Dsched.history.record=true}. */
    public static final boolean ENABLED = Boolean.getBoolean("sched.history.record");

    private final AtomicLong seq = new AtomicLong();
    private final List<Buffer> buffers = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Buffer> local = ThreadLocal.withInitial(() -> {
        Buffer b = new Buffer();
        buffers.add(b);
        return b;
    });

    /** One thread's records, in parallel arrays that grow by doubling. */
    static final class Buffer {
        long[] seqs = new long[1024];
        Object[] process = new Object[1024];
        byte[] type = new byte[1024];
        Object[] f = new Object[1024];
        Object[] value = new Object[1024];
        int size;

        void add(long s, Object p, Op.Type t, Object fn, Object v) {
            if (size == seqs.length) {
                int n = size * 2;
                seqs = java.util.Arrays.copyOf(seqs, n);
                process = java.util.Arrays.copyOf(process, n);
                type = java.util.Arrays.copyOf(type, n);
                f = java.util.Arrays.copyOf(f, n);
                value = java.util.Arrays.copyOf(value, n);
            }
            seqs[size] = s;
            process[size] = p;
            type[size] = (byte) t.ordinal();
            f[size] = fn;
            value[size] = v;
            size++;
        }
    }

    /** Records that {@code process} invokes {@code f} with {@code value}; call right before the operation. */
    public void invoke(Object process, Object f, Object value) {
        local.get().add(seq.getAndIncrement(), process, Op.Type.INVOKE, f, value);
    }

    /** Records that the operation of {@code process} returned {@code value}; call right after it. */
    public void ok(Object process, Object f, Object value) {
        local.get().add(seq.getAndIncrement(), process, Op.Type.OK, f, value);
    }

    /** Records that the operation of {@code process} certainly took no effect. */
    public void fail(Object process, Object f, Object value) {
        local.get().add(seq.getAndIncrement(), process, Op.Type.FAIL, f, value);
    }

    /** Records that the operation of {@code process} ended with an unknown outcome. */
    public void info(Object process, Object f, Object value) {
        local.get().add(seq.getAndIncrement(), process, Op.Type.INFO, f, value);
    }

    /** Records taken so far. */
    public long records() { return seq.get(); }

    /** Merges every thread's buffer in sequence order. Call after the recording threads have finished. */
    public History history(String name) {
        int total = 0;
        for (Buffer b : buffers) total += b.size;
        long[] keys = new long[total];
        Object[][] rows = new Object[total][];
        int k = 0;
        for (Buffer b : buffers) {
            for (int i = 0; i < b.size; i++) {
                keys[k] = b.seqs[i];
                rows[k] = new Object[] {b.process[i], Op.Type.values()[b.type[i]], b.f[i], b.value[i], b.seqs[i]};
                k++;
            }
        }
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        List<Op> ops = new ArrayList<>(total);
        for (int i : order) {
            Object[] r = rows[i];
            ops.add(new Op(r[0], (Op.Type) r[1], r[2], r[3], ops.size()));
        }
        return new History(name, ops);
    }
}
