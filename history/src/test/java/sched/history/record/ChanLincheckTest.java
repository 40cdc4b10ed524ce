package sched.history.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;
import sched.runtime.Chan;
import sched.runtime.Select;

/**
 * Lincheck on a buffered channel's non-blocking paths (stress and model-checking modes): {@code trySend},
 * {@code tryRecv}, {@code close} and {@code len}, called from Lincheck's own threads, which is legal because none
 * of them parks (a timer callback calls trySend the same way). A receive reports the value, "closed" for a closed,
 * drained channel, or null when it would block; a close of a closed channel reports false (Go panics). The
 * sequential specification is the same channel run sequentially.
 *
 * <p>The blocking paths (send, recv, select without default) cannot run here: they must run in a goroutine, a
 * JDK continuation mounted on an M's thread, and the model checker interleaves only its own threads; called from
 * them they refuse at once ({@link #blockingPathsNeedAGoroutine}). Select with a default is refused too (it looks
 * up its goroutine for the poll order), so its non-blocking path is covered by the recorded histories instead.
 */
@Param(name = "v", gen = IntGen.class, conf = "1:5")
public class ChanLincheckTest {
    private final Chan<Integer> c = new Chan<>(2);

    @Operation
    public boolean trySend(@Param(name = "v") int v) {
        try {
            return c.trySend(v);
        } catch (IllegalStateException closed) { // send on closed channel: Go panics
            return false;
        }
    }

    @Operation
    public Object tryRecv() {
        Chan.Received<Integer> r = c.tryRecv();
        return r == null ? null : r.ok() ? r.value() : "closed";
    }

    @Operation
    public boolean close() {
        try {
            c.close();
            return true;
        } catch (IllegalStateException twice) {
            return false;
        }
    }

    @Operation
    public int len() { return c.len(); }

    @Test void stress() {
        new StressOptions().threads(3).actorsPerThread(3).actorsBefore(2).actorsAfter(2)
                .iterations(10).invocationsPerIteration(200).check(ChanLincheckTest.class);
    }

    @Test void modelChecking() {
        new ModelCheckingOptions().threads(2).actorsPerThread(3).actorsBefore(2).actorsAfter(1)
                .iterations(6).invocationsPerIteration(60).check(ChanLincheckTest.class);
    }

    /** Exactly what a Lincheck thread meets on the blocking paths. */
    @Test void blockingPathsNeedAGoroutine() {
        Chan<Integer> ch = new Chan<>(1);
        IllegalStateException send = assertThrows(IllegalStateException.class, () -> ch.send(1));
        assertEquals("Chan.send called outside a goroutine: it must run inside GoRuntime.run", send.getMessage());
        IllegalStateException recv = assertThrows(IllegalStateException.class, ch::recv);
        assertTrue(recv.getMessage().startsWith("Chan.recv called outside a goroutine"), recv.getMessage());
        IllegalStateException sel = assertThrows(IllegalStateException.class, () -> new Select().recv(ch).orDefault().select());
        assertTrue(sel.getMessage().startsWith("Select.select called outside a goroutine"), sel.getMessage());
    }
}
