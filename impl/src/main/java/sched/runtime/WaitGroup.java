package sched.runtime;

import java.util.ArrayList;
import java.util.List;

/** Go's sync.WaitGroup: {@link #add}, {@link #done}, and {@link #await} (Go's Wait) parks until the count is 0. */
public final class WaitGroup {
    private final RtLock lock = new RtLock();
    private long counter;
    private List<G> waiters = new ArrayList<>();

    public void add(int delta) {
        List<G> wake = null;
        lock.lock();
        try {
            counter += delta;
            if (counter < 0) {
                counter -= delta;
                throw new IllegalStateException("sync: negative WaitGroup counter");
            }
            if (counter == 0 && !waiters.isEmpty()) {
                wake = waiters;
                waiters = new ArrayList<>();
            }
        } finally {
            lock.unlock();
        }
        if (wake != null) for (G g : wake) g.sched.ready(g);
    }

    public void done() { add(-1); }

    /** Block until the counter is zero. */
    public void await() {
        G self = Sched.currentG("WaitGroup.await");
        lock.lock();
        if (counter == 0) {
            lock.unlock();
            return;
        }
        waiters.add(self);
        Sched.gopark(self, lock, WaitReason.SYNC_WAITGROUP);
    }

    public long count() {
        lock.lock();
        try {
            return counter;
        } finally {
            lock.unlock();
        }
    }
}
