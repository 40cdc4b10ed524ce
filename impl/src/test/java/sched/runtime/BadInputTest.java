package sched.runtime;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Misuse gets a clear error, as in Go. */
class BadInputTest {
    @Test void gomaxprocsBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Config().gomaxprocs(0));
        assertEquals("GOMAXPROCS must be at least 1, got 0", e.getMessage());
    }

    @Test void nullTasks() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> GoRuntime.run(new Config(), null));
        assertEquals("main goroutine must not be null", e.getMessage());
        GoPanic p = assertThrows(GoPanic.class, () -> GoRuntime.run(new Config().gomaxprocs(1), () -> Go.go(null)));
        assertEquals("goroutine task must not be null", p.getCause().getMessage());
    }

    @Test void closingAClosedChannelPanics() {
        GoPanic p = assertThrows(GoPanic.class, () -> GoRuntime.run(new Config().gomaxprocs(1), () -> {
            Chan<Integer> c = new Chan<>(1);
            c.close();
            c.close();
        }));
        assertEquals("close of closed channel", p.getCause().getMessage());
    }

    @Test void sendingOnAClosedChannelPanicsEvenForABlockedSender() {
        GoPanic p = assertThrows(GoPanic.class, () -> GoRuntime.run(new Config().gomaxprocs(1), () -> {
            Chan<Integer> c = new Chan<>(0);
            c.close();
            c.send(1);
        }));
        assertEquals("send on closed channel", p.getCause().getMessage());
        GoPanic p2 = assertThrows(GoPanic.class, () -> GoRuntime.run(new Config().gomaxprocs(2), () -> {
            Chan<Integer> c = new Chan<>(0);
            Chan<Integer> done = new Chan<>(0);
            Go.go("blocked sender", () -> c.send(1));
            Go.gosched();
            c.close();
            done.recv();
        }));
        assertEquals("send on closed channel", p2.getCause().getMessage());
    }

    @Test void blockingOutsideAGoroutine() {
        Chan<Integer> c = new Chan<>(0);
        IllegalStateException e = assertThrows(IllegalStateException.class, c::recv);
        assertEquals("Chan.recv called outside a goroutine: it must run inside GoRuntime.run", e.getMessage());
        assertThrows(IllegalStateException.class, () -> c.send(1));
        assertThrows(IllegalStateException.class, () -> Go.go(() -> { }));
        assertThrows(IllegalStateException.class, Go::gosched);
        WaitGroup wg = new WaitGroup();
        wg.add(1);
        assertThrows(IllegalStateException.class, wg::await);
    }

    @Test void negativeWaitGroupCounter() {
        GoPanic p = assertThrows(GoPanic.class, () -> GoRuntime.run(new Config().gomaxprocs(1), () -> new WaitGroup().done()));
        assertEquals("sync: negative WaitGroup counter", p.getCause().getMessage());
    }

    @Test void unlockOfUnlockedMutex() {
        GoPanic p = assertThrows(GoPanic.class, () -> GoRuntime.run(new Config().gomaxprocs(1), () -> new Mutex().unlock()));
        assertEquals("fatal error: sync: unlock of unlocked mutex", p.getCause().getMessage());
    }

    @Test void aRuntimeRunsOnce() {
        GoRuntime rt = new GoRuntime(new Config().gomaxprocs(1));
        rt.run(() -> { });
        assertThrows(IllegalStateException.class, () -> rt.run(() -> { }));
    }
}
