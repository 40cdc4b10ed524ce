package sched.examples;

import java.util.ArrayList;
import java.util.List;
import sched.runtime.Chan;
import sched.runtime.Go;

/** The concurrent prime sieve: a generator goroutine and one filter goroutine per prime found. */
public final class Primes {
    private Primes() {}

    /** Run inside a goroutine; returns the first {@code n} primes. */
    public static List<Long> run(int n) {
        Chan<Long> ch = new Chan<>(0);
        Go.go("generate", () -> {
            for (long i = 2; ; i++) ch.send(i);
        });
        List<Long> out = new ArrayList<>(n);
        Chan<Long> in = ch;
        for (int i = 0; i < n; i++) {
            long prime = in.recv();
            out.add(prime);
            Chan<Long> src = in, dst = new Chan<>(0);
            Go.go("filter " + prime, () -> {
                for (;;) {
                    long v = src.recv();
                    if (v % prime != 0) dst.send(v);
                }
            });
            in = dst;
        }
        return out;
    }
}
