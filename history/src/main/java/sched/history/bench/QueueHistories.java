package sched.history.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import sched.history.History;
import sched.history.Op;
import sched.history.edn.Keyword;

/**
 * Synthetic queue histories, linearizable by construction: processes run one operation at a time; each
 * operation takes effect on a real sequential queue at a random moment between its invocation and its
 * completion. A dequeue that finds the queue empty completes with {@code :fail} (as Jepsen clients record it).
 */
public final class QueueHistories {
    private QueueHistories() {}

    private static final Keyword ENQUEUE = Keyword.of("enqueue"), DEQUEUE = Keyword.of("dequeue");

    /** A FIFO-queue history of {@code operations} operations (twice as many records) from {@code processes}. */
    public static History fifo(int operations, int processes, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ArrayDeque<Long> queue = new ArrayDeque<>();
        List<Op> ops = new ArrayList<>(operations * 2);
        // per process: 0 idle, 1 invoked, 2 took effect
        int[] phase = new int[processes];
        boolean[] isEnqueue = new boolean[processes];
        Object[] value = new Object[processes];
        boolean[] failed = new boolean[processes];
        int invoked = 0, busy = 0;
        long next = 0;
        while (invoked < operations || busy > 0) {
            int p = rnd.nextInt(processes);
            switch (phase[p]) {
                case 0 -> {
                    if (invoked == operations) continue;
                    invoked++;
                    busy++;
                    // enqueue a little more often than dequeue while the queue is short, so dequeues mostly succeed
                    isEnqueue[p] = rnd.nextInt(100) < (queue.size() < 8 ? 60 : 45);
                    value[p] = isEnqueue[p] ? (Object) next++ : null;
                    ops.add(new Op((long) p, Op.Type.INVOKE, isEnqueue[p] ? ENQUEUE : DEQUEUE, value[p], ops.size()));
                    phase[p] = 1;
                }
                case 1 -> {
                    if (isEnqueue[p]) {
                        queue.addLast((Long) value[p]);
                        failed[p] = false;
                    } else {
                        Long v = queue.pollFirst();
                        failed[p] = v == null;
                        value[p] = v;
                    }
                    phase[p] = 2;
                }
                default -> {
                    Op.Type t = failed[p] ? Op.Type.FAIL : Op.Type.OK;
                    ops.add(new Op((long) p, t, isEnqueue[p] ? ENQUEUE : DEQUEUE, value[p], ops.size()));
                    phase[p] = 0;
                    busy--;
                }
            }
        }
        return new History("fifo-" + operations + "-p" + processes + "-seed" + seed, ops);
    }
}
