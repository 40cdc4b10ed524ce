package sched.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import sched.runtime.Go;
import sched.runtime.WaitGroup;

/**
 * Many goroutines making blocking calls through {@link Go#syscall}: half read a file, half do a 1ms platform
 * sleep (a stand-in for any blocking call), while a CPU-bound goroutine keeps running: sysmon retakes the Ps
 * of blocked calls and hands them off, so the program finishes in about (goroutines x 1ms / GOMAXPROCS)
 * at worst rather than serially.
 */
public final class Syscalls {
    private Syscalls() {}

    /** Returns the number of bytes read by all the file-reading goroutines. */
    public static long run(int goroutines) {
        WaitGroup wg = new WaitGroup();
        wg.add(goroutines);
        long[] bytes = new long[1];
        sched.runtime.Mutex mu = new sched.runtime.Mutex();
        for (int i = 0; i < goroutines; i++) {
            int k = i;
            Go.go(() -> {
                try {
                    if (k % 2 == 0) {
                        long n = Go.syscall(() -> (long) Files.readAllBytes(Path.of("/proc/self/status")).length);
                        mu.lock();
                        bytes[0] += n;
                        mu.unlock();
                    } else {
                        Go.syscall(() -> Thread.sleep(1));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                wg.done();
            });
        }
        wg.await();
        return bytes[0];
    }
}
