package sched.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.SynchronousQueue;

/** pingpong: main sends a counter, the echo goroutine sends it back plus one; n round trips. */
final class PingPong {
    private PingPong() {}

    static long run(Peer peer, Params p, int procs) throws Exception {
        long n = p.get("n");
        return switch (peer) {
            case GORT -> OnRuntime.run(procs, () -> sched.examples.PingPong.run(n));
            case VTHREADS -> {
                Slot ping = new Slot(), pong = new Slot();
                long[] out = new long[1];
                Thread echo = Thread.startVirtualThread(() -> {
                    for (;;) {
                        long v = ping.take();
                        if (v < 0) return;
                        pong.put(v + 1);
                    }
                });
                Thread main = Thread.startVirtualThread(() -> {
                    long v = 0;
                    for (long i = 0; i < n; i++) {
                        ping.put(v);
                        v = pong.take();
                    }
                    ping.put(-1);
                    out[0] = v;
                });
                main.join();
                echo.join();
                yield out[0];
            }
            case JUC -> {
                SynchronousQueue<Long> ping = new SynchronousQueue<>(), pong = new SynchronousQueue<>();
                long[] out = new long[1];
                Thread echo = Thread.startVirtualThread(() -> {
                    try {
                        for (;;) {
                            long v = ping.take();
                            if (v < 0) return;
                            pong.put(v + 1);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                Thread main = Thread.startVirtualThread(() -> {
                    try {
                        long v = 0;
                        for (long i = 0; i < n; i++) {
                            ping.put(v);
                            v = pong.take();
                        }
                        ping.put(-1L);
                        out[0] = v;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                main.join();
                echo.join();
                yield out[0];
            }
            case FJP, GO -> throw new IllegalArgumentException(peer + " has no pingpong here");
        };
    }

    /**
     * A one-value hand-off slot for non-negative longs and the stop value -1 (EMPTY is Long.MIN_VALUE). Both
     * sides spin with onSpinWait, then Thread.yield (which lets another virtual thread have the carrier, so
     * it also works with one carrier).
     */
    static final class Slot {
        private static final long EMPTY = Long.MIN_VALUE;
        private static final VarHandle V;

        static {
            try {
                V = MethodHandles.lookup().findVarHandle(Slot.class, "value", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @SuppressWarnings("unused") private volatile long value = EMPTY;

        void put(long v) {
            for (int spins = 0; (long) V.getAcquire(this) != EMPTY; spins++) backoff(spins);
            V.setRelease(this, v);
        }

        long take() {
            long v;
            for (int spins = 0; (v = (long) V.getAcquire(this)) == EMPTY; spins++) backoff(spins);
            V.setRelease(this, EMPTY);
            return v;
        }

        private static void backoff(int spins) {
            if (spins < 200) Thread.onSpinWait();
            else Thread.yield();
        }
    }
}
