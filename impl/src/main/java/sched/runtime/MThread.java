package sched.runtime;

/** The platform thread of an M. The current M is found without a ThreadLocal: {@code (MThread) currentThread}. */
public final class MThread extends Thread {
    final M m;

    public MThread(M m, Runnable body) {
        super(null, body, "sched-m" + m.id, 0, false);
        this.m = m;
        m.thread = this;
        setDaemon(true);
    }

    public M m() { return m; }
}
