package sched.examples;

import sched.runtime.Chan;
import sched.runtime.Go;

/** pingpong: two goroutines pass a counter back and forth over unbuffered channels {@code n} times. */
public final class PingPong {
    private PingPong() {}

    /** Run inside a goroutine; returns the final counter value (n). */
    public static long run(long n) {
        Chan<Long> ping = new Chan<>(0), pong = new Chan<>(0);
        Go.go(() -> {
            for (;;) {
                Long v = ping.recv();
                if (v == null) return;
                pong.send(v + 1);
            }
        });
        long v = 0;
        for (long i = 0; i < n; i++) {
            ping.send(v);
            v = pong.recv();
        }
        ping.close();
        return v;
    }
}
