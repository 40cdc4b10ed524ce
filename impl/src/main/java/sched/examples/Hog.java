package sched.examples;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import sched.runtime.Chan;
import sched.runtime.Go;

/**
 * Preemption at work: a goroutine spins in a tight loop (calling only {@link Go#checkpoint}) while another does
 * {@code rounds} round trips over a channel. With one P the second one only gets the processor because sysmon
 * marks the hog after 10ms and the hog yields at its next checkpoint. Returns the hog's iterations.
 */
public final class Hog {
    private Hog() {}

    public static long run(int rounds) {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong spins = new AtomicLong();
        Chan<Integer> done = new Chan<>(0);
        Go.go("hog", () -> {
            while (!stop.get()) {
                spins.incrementAndGet();
                Go.checkpoint();
            }
            done.send(1);
        });
        while (spins.get() == 0) Go.gosched();
        Chan<Integer> c = new Chan<>(0);
        Go.go("echo", () -> {
            for (Integer v; (v = c.recv()) != null; ) Go.gosched();
        });
        for (int i = 0; i < rounds; i++) c.send(i);
        c.close();
        stop.set(true);
        done.recv();
        return spins.get();
    }
}
