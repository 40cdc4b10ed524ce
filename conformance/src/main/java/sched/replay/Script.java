package sched.replay;

import java.util.concurrent.ConcurrentHashMap;

import sched.runtime.Chan;
import sched.runtime.DeterministicSeam;
import sched.runtime.Go;
import sched.runtime.M;
import sched.runtime.MThread;

/**
 * Scripted goroutines: bodies that do, one operation at a time, what the driver tells them, through the public
 * goroutine API only. The driver puts the next operation of goroutine {@code g} in its mailbox ({@link #give})
 * before it lets the M that runs {@code g} take its step; the body takes it when it gets there. A body that finds
 * its mailbox empty stops at a {@link DeterministicSeam#await} gate (the driver sees a {@code WAIT} stop); after
 * {@link DeterministicSeam#release} it returns (the goroutine exits), so a finished replay winds down.
 *
 * <p>How each goroutine-level action of Spinning.tla is performed (docs/REPLAY.md has the table):
 * <ul>
 *   <li>{@code NewProc(m, g)}: {@code Go.go(g, body(g))} (the label is the slot name);</li>
 *   <li>{@code GoPark(m)}: the running G receives on its own unbuffered channel, where nobody sends yet;</li>
 *   <li>{@code GoReady(m, g)}: the running G sends on {@code g}'s channel, where {@code g} waits;</li>
 *   <li>{@code Gosched(m)}: {@code Go.gosched()}; {@code GoExit(m)}: the body returns.</li>
 * </ul>
 * Property scenarios add sends and receives on shared channels ({@link Op.Send}, {@link Op.Recv}).
 */
public final class Script {
    /** One operation of a scripted goroutine. */
    public sealed interface Op {
        record Spawn(String g) implements Op {}
        record Ready(String g) implements Op {}
        record Park() implements Op {}
        record Yield() implements Op {}
        record Exit() implements Op {}
        record Send(int chan) implements Op {}
        record Recv(int chan) implements Op {}
        /** A safe point: yields if the driver, playing sysmon, marked the goroutine for preemption. */
        record Checkpoint() implements Op {}
    }

    private static final Object TOKEN = "token";

    private final DeterministicSeam ds;
    private final ConcurrentHashMap<String, Op> mailbox = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Chan<Object>> own = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, Chan<Object>> shared = new ConcurrentHashMap<>();
    private final int[] sharedCaps;

    public Script(DeterministicSeam ds, int... sharedCapacities) {
        this.ds = ds;
        this.sharedCaps = sharedCapacities.clone();
    }

    /** The next operation of goroutine {@code g} (replacing one it has not taken). */
    public void give(String g, Op op) { mailbox.put(g, op); }

    /** Take back an operation {@code g} did not take (after a divergence). */
    public Op takeBack(String g) { return mailbox.remove(g); }

    public boolean hasPending(String g) { return mailbox.containsKey(g); }

    /** The number of shared channels scenarios may use. */
    public int sharedCount() { return sharedCaps.length; }

    /** The body of the goroutine in slot {@code name}. */
    public Runnable body(String name) {
        return () -> run(name);
    }

    private void run(String name) {
        for (;;) {
            Op op = mailbox.remove(name);
            if (op == null) {
                ds.await(currentM(), "goroutine " + name + " waits for its next operation");
                op = mailbox.remove(name);
                if (op == null) return; // released: the run is over
            }
            switch (op) {
                case Op.Spawn s -> Go.go(s.g(), body(s.g()));
                case Op.Ready r -> own(r.g()).send(TOKEN);
                case Op.Park p -> own(name).recv();
                case Op.Yield y -> Go.gosched();
                case Op.Exit e -> {
                    return;
                }
                case Op.Send s -> shared(s.chan()).send(TOKEN);
                case Op.Recv r -> shared(r.chan()).recv();
                case Op.Checkpoint c -> Go.checkpoint();
            }
        }
    }

    private Chan<Object> own(String g) {
        return own.computeIfAbsent(g, k -> new Chan<>(0));
    }

    private Chan<Object> shared(int i) {
        return shared.computeIfAbsent(i, k -> new Chan<>(k < sharedCaps.length ? sharedCaps[k] : 0));
    }

    /** The M running the calling goroutine, looked up afresh (never cached across a yield). */
    private static M currentM() {
        return ((MThread) Go.currentM()).m();
    }
}
