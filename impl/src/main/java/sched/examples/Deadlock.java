package sched.examples;

import sched.runtime.Chan;
import sched.runtime.Go;
import sched.runtime.WaitGroup;

/** A program that deadlocks: two goroutines each wait for the other, and main waits for both. */
public final class Deadlock {
    private Deadlock() {}

    public static void run() {
        Chan<Integer> a = new Chan<>(0), b = new Chan<>(0);
        WaitGroup wg = new WaitGroup();
        wg.add(2);
        Go.go("left", () -> {
            a.recv();
            b.send(1);
            wg.done();
        });
        Go.go("right", () -> {
            b.recv();
            a.send(1);
            wg.done();
        });
        wg.await();
    }
}
