package sched.runtime;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A Go channel: unbuffered ({@code capacity 0}) or buffered. All operations take the channel's lock; a goroutine
 * that must wait enqueues a {@link Sudog} and parks with {@code gopark}, and park_m releases the lock only after
 * the G is marked waiting, so a waker that finds the sudog can always ready it.
 *
 * <ul>
 *   <li>A sender that finds a waiting receiver hands the value over directly (no buffer slot).</li>
 *   <li>A receiver that finds a waiting sender on a full buffer takes the head of the buffer and moves the
 *       sender's value to the tail, so FIFO order holds.</li>
 *   <li>Sending on a closed channel, and closing a closed channel, panic (IllegalStateException here), as in
 *       Go; receiving on a closed, drained channel returns null at once ({@link #recv2} says it was closed).</li>
 * </ul>
 *
 * <p>With {@link HistoryHooks#ENABLED}, every operation reports itself (process = the goroutine): the invocation
 * before the channel's lock is taken, the completion after the operation took effect (after the wakeup, for one
 * that parked). A send or close that panics, and a non-blocking operation that would have blocked, complete
 * with FAIL (no effect); a receive on a closed, drained channel completes with {@link HistoryHooks#CLOSED}.
 */
public final class Chan<T> {
    private static final AtomicLong IDS = new AtomicLong();

    final RtLock lock = new RtLock();
    final long id = IDS.incrementAndGet(); // select locks channels in this order
    private final Object[] buf;
    private final int cap;
    private int sendx, recvx, qcount;
    private boolean closed;
    final Sudog.WaitQ recvq = new Sudog.WaitQ();
    final Sudog.WaitQ sendq = new Sudog.WaitQ();

    public Chan() { this(0); }

    public Chan(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("makechan: size out of range: " + capacity);
        this.cap = capacity;
        this.buf = new Object[capacity];
    }

    public int capacity() { return cap; }

    /** Values buffered now. */
    public int len() {
        lock.lock();
        try {
            return qcount;
        } finally {
            lock.unlock();
        }
    }

    static final int BLOCK = 0, DONE = 1, CLOSED = 2;

    /** {@code c <- v}: blocks until a receiver takes v or a buffer slot is free. */
    public void send(T v) {
        G self = Sched.currentG("Chan.send");
        if (HistoryHooks.ENABLED) HistoryHooks.event(this, self.goid, HistoryHooks.INVOKE, "send", v);
        Sched.checkpoint(self); // may move this goroutine to another M
        Sudog[] wake = new Sudog[1];
        lock.lock();
        int r = sendCore(v, wake);
        if (r == BLOCK) {
            Sudog mysg = new Sudog(self, this, v, false, 0);
            sendq.enqueue(mysg);
            self.param = null;
            Sched.gopark(self, lock, WaitReason.CHAN_SEND);
            if (HistoryHooks.ENABLED) sent(self.goid, mysg.success ? DONE : CLOSED, v);
            if (!mysg.success) throw new IllegalStateException("send on closed channel");
            return;
        }
        lock.unlock();
        if (HistoryHooks.ENABLED) sent(self.goid, r, v);
        finish(r, wake[0], true, self);
    }

    /** Reports the completion of a send that ended with r (DONE: ok; CLOSED: it panics, no effect). */
    void sent(long process, int r, Object v) {
        HistoryHooks.event(this, process, r == DONE ? HistoryHooks.OK : HistoryHooks.FAIL, "send", v);
    }

    /** Reports the completion of a receive that ended with r (BLOCK: a non-blocking one that took nothing). */
    void received(long process, int r, Object v) {
        if (r == BLOCK) HistoryHooks.event(this, process, HistoryHooks.FAIL, "recv", null);
        else HistoryHooks.event(this, process, HistoryHooks.OK, "recv", r == DONE ? v : HistoryHooks.CLOSED);
    }

    /** Send without blocking; false if it would block. Callable from outside a goroutine (timer callbacks). */
    public boolean trySend(T v) {
        long p = 0;
        if (HistoryHooks.ENABLED) HistoryHooks.event(this, p = HistoryHooks.gProcess(), HistoryHooks.INVOKE, "send", v);
        Sudog[] wake = new Sudog[1];
        lock.lock();
        int r = sendCore(v, wake);
        lock.unlock();
        if (HistoryHooks.ENABLED) sent(p, r, v);
        if (r == BLOCK) return false;
        finish(r, wake[0], true, null);
        return true;
    }

    /** After a non-blocking operation, with every lock released: panic on closed send, ready the woken G. */
    static void finish(int r, Sudog wake, boolean isSend, G self) {
        if (r == CLOSED && isSend) throw new IllegalStateException("send on closed channel");
        if (wake != null) {
            if (self != null) wake.g.sched.ready(wake.g, self.m);
            else wake.g.sched.ready(wake.g);
        }
    }

    /**
     * The non-blocking part of a send, lock held (and kept): DONE (maybe with a receiver to wake in wake[0]),
     * CLOSED, or BLOCK.
     */
    int sendCore(Object v, Sudog[] wake) {
        if (closed) return CLOSED;
        Sudog sg = recvq.dequeue();
        if (sg != null) {
            sg.elem = v;
            sg.success = true;
            sg.g.param = sg;
            wake[0] = sg;
            return DONE;
        }
        if (qcount < cap) {
            buf[sendx] = v;
            if (++sendx == cap) sendx = 0;
            qcount++;
            return DONE;
        }
        return BLOCK;
    }

    /** {@code <-c}: blocks until a value arrives; null once the channel is closed and drained. */
    public T recv() {
        return recvImpl(null);
    }

    /** {@code v, ok := <-c}: like recv, and says whether the value came from a send (false: closed). */
    public Received<T> recv2() {
        boolean[] ok = new boolean[1];
        T v = recvImpl(ok);
        return new Received<>(v, ok[0]);
    }

    /** The value of a two-result receive. */
    public record Received<T>(T value, boolean ok) {}

    private T recvImpl(boolean[] okOut) {
        G self = Sched.currentG("Chan.recv");
        if (HistoryHooks.ENABLED) HistoryHooks.event(this, self.goid, HistoryHooks.INVOKE, "recv", null);
        Sched.checkpoint(self); // may move this goroutine to another M
        Object[] out = new Object[1];
        Sudog[] wake = new Sudog[1];
        lock.lock();
        int r = recvCore(out, wake);
        if (r == BLOCK) {
            Sudog mysg = new Sudog(self, this, null, false, 0);
            recvq.enqueue(mysg);
            self.param = null;
            Sched.gopark(self, lock, WaitReason.CHAN_RECEIVE);
            if (HistoryHooks.ENABLED) received(self.goid, mysg.success ? DONE : CLOSED, mysg.elem);
            if (okOut != null) okOut[0] = mysg.success;
            @SuppressWarnings("unchecked") T v = (T) mysg.elem;
            return v;
        }
        lock.unlock();
        if (HistoryHooks.ENABLED) received(self.goid, r, out[0]);
        finish(r, wake[0], false, self);
        if (okOut != null) okOut[0] = r == DONE;
        @SuppressWarnings("unchecked") T v = (T) out[0];
        return v;
    }

    /** Receive without blocking: null (and false from {@code ok}) when it would block. */
    public Received<T> tryRecv() {
        long p = 0;
        if (HistoryHooks.ENABLED) HistoryHooks.event(this, p = HistoryHooks.gProcess(), HistoryHooks.INVOKE, "recv", null);
        Object[] out = new Object[1];
        Sudog[] wake = new Sudog[1];
        lock.lock();
        int r = recvCore(out, wake);
        lock.unlock();
        if (HistoryHooks.ENABLED) received(p, r, out[0]);
        if (r == BLOCK) return null;
        finish(r, wake[0], false, null);
        @SuppressWarnings("unchecked") T v = (T) out[0];
        return new Received<>(v, r == DONE);
    }

    /**
     * The non-blocking part of a receive, lock held (and kept): DONE with the value in out[0] (maybe a sender to
     * wake in wake[0]), CLOSED (closed and drained, out[0] = null), or BLOCK.
     */
    int recvCore(Object[] out, Sudog[] wake) {
        Sudog sg = sendq.dequeue();
        if (sg != null) {
            if (cap == 0) {
                out[0] = sg.elem;
            } else {
                // Full buffer: take the head, the sender's value goes to the tail.
                out[0] = buf[recvx];
                buf[recvx] = sg.elem;
                if (++recvx == cap) recvx = 0;
                sendx = recvx;
            }
            sg.elem = null;
            sg.success = true;
            sg.g.param = sg;
            wake[0] = sg;
            return DONE;
        }
        if (qcount > 0) {
            out[0] = buf[recvx];
            buf[recvx] = null;
            if (++recvx == cap) recvx = 0;
            qcount--;
            return DONE;
        }
        if (closed) {
            out[0] = null;
            return CLOSED;
        }
        return BLOCK;
    }

    /** close(c): wake every waiting receiver (with null) and sender (who then panics). */
    public void close() {
        long p = 0;
        if (HistoryHooks.ENABLED) HistoryHooks.event(this, p = HistoryHooks.gProcess(), HistoryHooks.INVOKE, "close", null);
        lock.lock();
        if (closed) {
            lock.unlock();
            if (HistoryHooks.ENABLED) HistoryHooks.event(this, p, HistoryHooks.FAIL, "close", null);
            throw new IllegalStateException("close of closed channel");
        }
        closed = true;
        java.util.List<Sudog> wake = new java.util.ArrayList<>();
        for (Sudog sg; (sg = recvq.dequeue()) != null; ) {
            sg.elem = null;
            sg.success = false;
            sg.g.param = sg;
            wake.add(sg);
        }
        for (Sudog sg; (sg = sendq.dequeue()) != null; ) {
            sg.elem = null;
            sg.success = false;
            sg.g.param = sg;
            wake.add(sg);
        }
        lock.unlock();
        if (HistoryHooks.ENABLED) HistoryHooks.event(this, p, HistoryHooks.OK, "close", null);
        for (Sudog sg : wake) sg.g.sched.ready(sg.g);
    }

    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    @Override public String toString() { return "chan#" + id + "(cap " + cap + ")"; }
}
