package sched.history.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sched.history.check.Checker.Verdict.LINEARIZABLE;
import static sched.history.check.Checker.Verdict.NOT_LINEARIZABLE;
import static sched.history.check.Hist.kw;
import static sched.history.check.Hist.set;
import static sched.history.check.Hist.vec;

import java.util.Map;
import org.junit.jupiter.api.Test;
import sched.history.model.ModelException;
import sched.history.model.Models;

/**
 * Every model on small hand-made histories, linearizable and not. Each model has at least one history it must
 * reject: the evidence that the checker has teeth.
 */
class ModelTest {
    @Test void register() {
        assertEquals(LINEARIZABLE, new Hist().call(0, "write", 1L).call(1, "read", null, 1L).verdict("register"));
        // a read concurrent with a write may see the old or the new value
        assertEquals(LINEARIZABLE, new Hist().call(0, "write", 1L).inv(0, "write", 2L).inv(1, "read", null)
                .ok(1, "read", 1L).ok(0, "write", 2L).verdict("register"));
        // a nil read matches anything (Knossos)
        assertEquals(LINEARIZABLE, new Hist().call(0, "write", 1L).call(1, "read", null, null).verdict("register"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "write", 1L).call(1, "read", null, 2L).verdict("register"));
        // reading the old value after the new one was seen (both sequential) is stale
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "write", 1L).call(0, "write", 2L).call(1, "read", null, 1L)
                .verdict("register init=0"));
        assertThrows(ModelException.class, () -> new Hist().call(0, "cas", vec(1L, 2L)).verdict("register"));
    }

    @Test void casRegister() {
        assertEquals(LINEARIZABLE, new Hist().call(0, "cas", vec(0L, 1L)).call(1, "read", null, 1L).verdict("cas-register init=0"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "cas", vec(0L, 1L)).call(1, "cas", vec(0L, 2L)).verdict("cas-register init=0"));
        // a failed cas is dropped (Knossos)
        assertEquals(LINEARIZABLE, new Hist().inv(0, "cas", vec(0L, 1L)).fail(0, "cas", vec(0L, 1L)).call(1, "read", null, 0L)
                .verdict("cas-register init=0"));
        // an indeterminate cas can only take effect when the state matches its old value
        assertEquals(LINEARIZABLE, new Hist().inv(0, "cas", vec(0L, 6L)).info(0, "cas", vec(0L, 6L)).call(1, "read", null, 6L)
                .verdict("cas-register init=0"));
        assertEquals(NOT_LINEARIZABLE, new Hist().inv(0, "cas", vec(5L, 6L)).info(0, "cas", vec(5L, 6L)).call(1, "read", null, 6L)
                .verdict("cas-register init=0"));
        // an :info op may take effect long after its :info record, but then stays in effect
        assertEquals(LINEARIZABLE, new Hist().inv(0, "write", 7L).info(0, "write", 7L).call(1, "read", null, 0L)
                .call(1, "read", null, 7L).verdict("cas-register init=0"));
        assertEquals(NOT_LINEARIZABLE, new Hist().inv(0, "write", 7L).info(0, "write", 7L).call(1, "read", null, 7L)
                .call(1, "read", null, 0L).verdict("cas-register init=0"));
        // a pending invocation at the end counts as :info
        assertEquals(LINEARIZABLE, new Hist().inv(0, "write", 3L).call(1, "read", null, 3L).verdict("cas-register init=0"));
    }

    @Test void etcdRegister() {
        String etcd = "cas-register init=nil (etcd key; nil read = absent)";
        assertEquals("etcd-register", Models.parse(etcd).name());
        assertEquals(LINEARIZABLE, new Hist().call(0, "read", null, null).call(0, "write", 1L).verdict(etcd));
        // nil read = key absent: not a wildcard
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "write", 1L).call(1, "read", null, null).verdict(etcd));
        // a failed cas is a completed operation that saw another value
        assertEquals(LINEARIZABLE, new Hist().call(0, "write", 1L).inv(1, "cas", vec(3L, 4L)).fail(1, "cas", vec(3L, 4L)).verdict(etcd));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "write", 1L).inv(1, "cas", vec(1L, 4L)).fail(1, "cas", vec(1L, 4L)).verdict(etcd));
    }

    @Test void multiRegister() {
        String m = "multi-register init={:x 0 :y 0}";
        assertEquals(LINEARIZABLE, new Hist().call(0, "txn", vec(vec(kw("write"), kw("x"), 1L)))
                .call(1, "txn", vec(vec(kw("read"), kw("x"), null), vec(kw("read"), kw("y"), null)),
                        vec(vec(kw("read"), kw("x"), 1L), vec(kw("read"), kw("y"), 0L))).verdict(m));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "txn", vec(vec(kw("write"), kw("x"), 1L), vec(kw("write"), kw("y"), 1L)))
                .call(1, "txn", vec(vec(kw("read"), kw("x"), null), vec(kw("read"), kw("y"), null)),
                        vec(vec(kw("read"), kw("x"), 1L), vec(kw("read"), kw("y"), 0L))).verdict(m));
        // single-key transactions split by key (P-compositionality)
        Checker.Result r = new Hist().call(0, "txn", vec(vec(kw("write"), kw("x"), 1L))).call(1, "txn", vec(vec(kw("write"), kw("y"), 2L)))
                .call(2, "txn", vec(vec(kw("read"), kw("y"), null)), vec(vec(kw("read"), kw("y"), 0L))).check(Models.parse(m).create());
        assertEquals(NOT_LINEARIZABLE, r.verdict());
        assertEquals(2, r.parts());
        assertEquals("key :y", r.failure().part());
    }

    @Test void mutex() {
        assertEquals(LINEARIZABLE, new Hist().call(0, "acquire", null).call(0, "release", null).call(1, "acquire", null).verdict("mutex"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "acquire", null).call(1, "acquire", null).verdict("mutex init=unlocked"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "release", null).verdict("mutex"));
        assertEquals(LINEARIZABLE, new Hist().call(0, "release", null).verdict("mutex init=locked"));
    }

    @Test void fifoQueue() {
        assertEquals(LINEARIZABLE, new Hist().call(0, "enqueue", 1L).call(0, "enqueue", 2L).call(1, "dequeue", null, 1L)
                .call(1, "dequeue", null, 2L).verdict("fifo-queue"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "enqueue", 1L).call(0, "enqueue", 2L).call(1, "dequeue", null, 2L)
                .verdict("fifo-queue"));
        // concurrent enqueues may come out in either order
        assertEquals(LINEARIZABLE, new Hist().inv(0, "enqueue", 1L).inv(1, "enqueue", 2L).ok(0, "enqueue", 1L).ok(1, "enqueue", 2L)
                .call(2, "dequeue", null, 2L).call(2, "dequeue", null, 1L).verdict("fifo-queue"));
        // but their dequeue order must then be consistent with the enqueue order
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "enqueue", 1L).inv(0, "enqueue", 2L).inv(1, "enqueue", 3L)
                .ok(0, "enqueue", 2L).ok(1, "enqueue", 3L).call(2, "dequeue", null, 3L).call(2, "dequeue", null, 1L)
                .verdict("fifo-queue"));
        // a dequeue of nil observes an empty queue
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "enqueue", 1L).call(1, "dequeue", null, null).verdict("fifo-queue"));
        assertEquals(LINEARIZABLE, new Hist().call(1, "dequeue", null, null).verdict("fifo-queue"));
        // an indeterminate dequeue may remove the head
        assertEquals(LINEARIZABLE, new Hist().call(0, "enqueue", 1L).call(0, "enqueue", 2L).inv(1, "dequeue", null).info(1, "dequeue", null)
                .call(2, "dequeue", null, 2L).verdict("fifo-queue"));
        assertEquals(LINEARIZABLE, new Hist().call(1, "dequeue", null, 1L).verdict("fifo-queue init=[1]"));
    }

    @Test void unorderedQueue() {
        assertEquals(LINEARIZABLE, new Hist().call(0, "enqueue", 1L).call(0, "enqueue", 2L).call(1, "dequeue", null, 2L)
                .call(1, "dequeue", null, 1L).verdict("unordered-queue"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "enqueue", 1L).call(1, "dequeue", null, 1L).call(1, "dequeue", null, 1L)
                .verdict("unordered-queue"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "enqueue", 1L).call(1, "dequeue", null, 3L).verdict("unordered-queue"));
        // a dequeue that finishes before the enqueue starts cannot see its value
        assertEquals(NOT_LINEARIZABLE, new Hist().call(1, "dequeue", null, 1L).call(0, "enqueue", 1L).verdict("unordered-queue"));
    }

    @Test void setModel() {
        assertEquals(LINEARIZABLE, new Hist().call(0, "add", 1L).call(0, "add", 2L).call(1, "read", null, set(2L, 1L)).verdict("set"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "add", 1L).call(0, "add", 2L).call(1, "read", null, set(1L)).verdict("set"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(1, "read", null, vec(5L)).verdict("set"));
        assertEquals(LINEARIZABLE, new Hist().inv(0, "add", 1L).call(1, "read", null, set()).call(1, "read", null, set(1L)).verdict("set"));
    }

    @Test void kv() {
        String kv = "kv per-key string register init=\"\" (get/put/append)";
        assertEquals(LINEARIZABLE, new Hist().call(0, "put", vec("a", "x")).call(0, "append", vec("a", "y"))
                .call(1, "get", vec("a", null), vec("a", "xy")).call(1, "get", vec("b", null), vec("b", "")).verdict(kv));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "put", vec("a", "x")).call(0, "append", vec("a", "y"))
                .call(1, "get", vec("a", null), vec("a", "yx")).verdict(kv));
        // keys are independent: a value put on one key is not seen on another
        Checker.Result r = new Hist().call(0, "put", vec("a", "x")).call(1, "get", vec("b", null), vec("b", "x")).check(Models.parse(kv).create());
        assertEquals(NOT_LINEARIZABLE, r.verdict());
        assertEquals(2, r.parts());
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "put", vec("a", "x")).call(1, "get", vec("b", null), vec("b", "x"))
                .verdict("kv-whole-map"));
    }

    @Test void runq() {
        // put-next kicks the old runnext to the ring's tail; get takes runnext first, then the ring's head
        assertEquals(LINEARIZABLE, new Hist().call(0, "put", 1L).call(0, "put-next", 3L).call(0, "put-next", 4L)
                .call(0, "get", null, 4L).call(0, "get", null, 1L).call(0, "get", null, 3L).call(0, "get", null, null)
                .verdict("runq"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "put", 1L).call(0, "put", 2L).call(0, "get", null, 2L).verdict("runq"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "put", 1L).call(0, "put-next", 2L).call(0, "get", null, 1L).verdict("runq"));
        // steal takes ceil(n/2) from the ring's head; runnext only when the ring is empty
        Hist five = new Hist();
        for (long g = 1; g <= 5; g++) five.call(0, "put", g);
        assertEquals(LINEARIZABLE, five.call(1, "steal", null, vec(1L, 2L, 3L)).call(1, "steal", null, vec(4L))
                .call(1, "steal", null, vec(5L)).call(1, "steal", null, vec()).verdict("runq"));
        Hist five2 = new Hist();
        for (long g = 1; g <= 5; g++) five2.call(0, "put", g);
        assertEquals(NOT_LINEARIZABLE, five2.call(1, "steal", null, vec(1L, 2L)).verdict("runq"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "put", 1L).call(0, "put-next", 2L).call(1, "steal", null, vec(2L)).verdict("runq"));
        assertEquals(LINEARIZABLE, new Hist().call(0, "put-next", 2L).call(1, "steal", null, vec(2L)).call(0, "get", null, null).verdict("runq"));
        assertEquals(LINEARIZABLE, new Hist().call(0, "put-next", 2L).call(1, "steal", null, vec()).call(0, "get", null, 2L).verdict("runq"));
        // a thief racing the owner: either may get the head
        assertEquals(LINEARIZABLE, new Hist().call(0, "put", 1L).call(0, "put", 2L).inv(0, "get", null).inv(1, "steal", null)
                .ok(1, "steal", vec(2L)).ok(0, "get", 1L).verdict("runq"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "put", 1L).call(0, "put", 2L).inv(0, "get", null).inv(1, "steal", null)
                .ok(1, "steal", vec(1L)).ok(0, "get", 1L).verdict("runq"));
        // a bounded ring refuses overflow
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "put", 1L).call(0, "put", 2L).verdict("runq init={:capacity 1}"));
        assertEquals(LINEARIZABLE, new Hist().call(0, "get", null, 9L).call(0, "get", null, 8L).verdict("runq init={:runnext 9 :ring [8]}"));
    }

    /** The forms the runtime's own hooks record (sched.runtime.P, "Recording"). */
    @Test void runqAsTheRuntimeRecordsIt() {
        // swap-next completes with [g old]: runnext must have been old; the kicked-out G is put by the owner next
        assertEquals(LINEARIZABLE, new Hist().call(0, "swap-next", 1L, vec(1L, null)).call(0, "swap-next", 2L, vec(2L, 1L))
                .call(0, "put", 1L).call(0, "get", null, 2L).call(0, "get", null, 1L).verdict("runq"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "swap-next", 1L, vec(1L, null)).call(0, "swap-next", 2L, vec(2L, null))
                .verdict("runq"));
        // the runnext steal window: between the swap and the put, a thief sees an empty ring and takes the new
        // runnext. In the strict put-next form this is not linearizable (above); recorded as two steps it is.
        assertEquals(LINEARIZABLE, new Hist().call(0, "swap-next", 3L, vec(3L, null)).inv(0, "swap-next", 2L)
                .inv(1, "steal", null).ok(0, "swap-next", vec(2L, 3L)).ok(1, "steal", vec(2L)).call(0, "put", 3L)
                .call(0, "get", null, 3L).verdict("runq"));
        // an open swap-next sets runnext
        assertEquals(LINEARIZABLE, new Hist().inv(0, "swap-next", 4L).call(1, "steal", null, vec(4L)).verdict("runq"));
        assertEquals(NOT_LINEARIZABLE, new Hist().inv(0, "swap-next", 4L).call(1, "steal", null, vec(5L)).verdict("runq"));
        // an overflowing put: the full ring's older half, then the put G, leave for the global queue
        Hist full = new Hist();
        for (long g = 1; g <= 4; g++) full.call(0, "put", g);
        assertEquals(LINEARIZABLE, full.call(0, "put", 5L, vec(1L, 2L, 5L)).call(0, "get", null, 3L).verdict("runq init={:capacity 4}"));
        Hist full2 = new Hist();
        for (long g = 1; g <= 4; g++) full2.call(0, "put", g);
        assertEquals(NOT_LINEARIZABLE, full2.call(0, "put", 5L, vec(2L, 1L, 5L)).verdict("runq"), "the older half in order");
        Hist three = new Hist();
        for (long g = 1; g <= 3; g++) three.call(0, "put", g);
        assertEquals(NOT_LINEARIZABLE, three.call(0, "put", 5L, vec(1L, 5L)).verdict("runq"), "only a full ring overflows");
        // a thief publishes what it stole into its own ring
        assertEquals(LINEARIZABLE, new Hist().call(1, "put-batch", vec(7L, 8L)).call(1, "get", null, 7L).call(2, "steal", null, vec(8L))
                .verdict("runq"));
        // runq-per-p: values keyed [p x], each P checked on its own
        assertEquals(LINEARIZABLE, new Hist().call(0, "put", vec(0L, 1L)).call(0, "put", vec(1L, 2L)).call(1, "get", vec(1L, null), vec(1L, 2L))
                .call(2, "steal", vec(0L, null), vec(0L, vec(1L))).verdict("runq-per-p"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "put", vec(0L, 1L)).call(0, "put", vec(1L, 2L)).call(1, "get", vec(1L, null), vec(1L, 1L))
                .verdict("runq-per-p"), "g1 is on P 0, not P 1");
        Hist wrongP = new Hist().call(0, "put", vec(0L, 1L)).call(0, "put", vec(1L, 2L)).call(1, "get", vec(1L, null), vec(1L, 1L));
        assertEquals(NOT_LINEARIZABLE, Checker.check(Models.parse("runq-per-p").create(), sched.history.Pairing.pair(wrongP.history()), 20, false)
                .verdict(), "the same without the split");
        // a keyed history checked with runq, or a value that is not [p x] with runq-per-p, is a clear error
        ModelException k = assertThrows(ModelException.class, () -> new Hist().call(0, "get", vec(0L, null), vec(0L, 1L)).verdict("runq"));
        assertTrue(k.getMessage().contains("--model runq-per-p"), k.getMessage());
        // a value that is not [p x] is a clear error
        ModelException e = assertThrows(ModelException.class, () -> new Hist().call(0, "put", 1L).verdict("runq-per-p"));
        assertTrue(e.getMessage().contains("[p x]"), e.getMessage());
    }

    @Test void globrunq() {
        // a get takes a non-empty prefix at once; [] only when empty
        assertEquals(LINEARIZABLE, new Hist().call(1, "put", 1L).call(2, "put-batch", vec(2L, 3L))
                .call(1, "get", null, vec(1L, 2L)).call(2, "get", null, vec(3L)).call(1, "get", null, vec()).verdict("globrunq"));
        // not the head
        assertEquals(NOT_LINEARIZABLE, new Hist().call(1, "put", 1L).call(1, "put", 2L).call(2, "get", null, vec(2L)).verdict("globrunq"));
        // a batch is put at once and in order: a get cannot see it reversed or split by a later put
        assertEquals(NOT_LINEARIZABLE, new Hist().call(1, "put-batch", vec(1L, 2L)).call(2, "get", null, vec(2L, 1L)).verdict("globrunq"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(1, "put-batch", vec(1L, 2L)).call(1, "put", 3L)
                .call(2, "get", null, vec(1L, 3L)).verdict("globrunq"));
        // empty result while something is queued; a G taken twice
        assertEquals(NOT_LINEARIZABLE, new Hist().call(1, "put", 1L).call(2, "get", null, vec()).verdict("globrunq"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(1, "put", 1L).call(2, "get", null, vec(1L)).call(3, "get", null, vec(1L))
                .verdict("globrunq"));
        // concurrent put and get: the get may come first (empty) or after
        assertEquals(LINEARIZABLE, new Hist().inv(1, "put", 1L).call(2, "get", null, vec()).ok(1, "put", 1L)
                .call(2, "get", null, vec(1L)).verdict("globrunq"));
        // the same G may come back later (goroutines return to the queue)
        assertEquals(LINEARIZABLE, new Hist().call(1, "put", 1L).call(2, "get", null, vec(1L)).call(2, "put", 1L)
                .call(1, "get", null, vec(1L)).verdict("globrunq"));
        ModelException open = assertThrows(ModelException.class, () -> new Hist().call(1, "put", 1L).inv(2, "get", null).verdict("globrunq"));
        assertTrue(open.getMessage().contains("open :get"), open.getMessage());
        assertThrows(ModelException.class, () -> new Hist().call(1, "put-batch", vec()).verdict("globrunq"));
        assertThrows(ModelException.class, () -> new Hist().call(1, "steal", null, vec()).verdict("globrunq"));
    }

    @Test void chan() {
        assertEquals(LINEARIZABLE, new Hist().call(0, "send", 1L).call(1, "recv", null, 1L).verdict("chan init=1"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "send", 1L).call(0, "send", 2L).verdict("chan init=1"));
        assertEquals(LINEARIZABLE, new Hist().call(0, "send", 1L).call(0, "send", 2L).call(1, "recv", null, 1L).verdict("chan init=2"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "send", 1L).call(0, "send", 2L).call(1, "recv", null, 2L).verdict("chan init=2"));
        // recv on an empty open channel blocks; on a closed one it returns nil (or :closed)
        assertEquals(NOT_LINEARIZABLE, new Hist().call(1, "recv", null, null).verdict("chan init=1"));
        assertEquals(LINEARIZABLE, new Hist().call(0, "close", null).call(1, "recv", null, null).call(1, "recv", null, kw("closed"))
                .verdict("chan init=1"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "close", null).call(0, "send", 1L).verdict("chan init=1"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "close", null).call(0, "close", null).verdict("chan init=1"));
        // buffered values drain after close
        assertEquals(LINEARIZABLE, new Hist().call(0, "send", 1L).call(0, "close", null).call(1, "recv", null, 1L)
                .call(1, "recv", null, null).verdict("chan init=1"));
        // unbuffered: sender and receiver must overlap
        assertEquals(LINEARIZABLE, new Hist().inv(0, "send", 1L).inv(1, "recv", null).ok(1, "recv", 1L).ok(0, "send", 1L).verdict("chan"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "send", 1L).call(1, "recv", null, 1L).verdict("chan init=0"));
        assertEquals(NOT_LINEARIZABLE, new Hist().inv(0, "send", 1L).inv(1, "recv", null).ok(1, "recv", 1L).ok(0, "send", 1L)
                .call(0, "send", 2L).verdict("chan init=0"));
        // unbuffered: a completed send may meet a receiver whose recv never completed (the history ended first),
        // but only one invoked before the send returned, and only one send per such recv
        assertEquals(LINEARIZABLE, new Hist().inv(1, "recv", null).call(0, "send", 1L).verdict("chan init=0"));
        assertEquals(NOT_LINEARIZABLE, new Hist().call(0, "send", 1L).inv(1, "recv", null).verdict("chan init=0"));
        assertEquals(NOT_LINEARIZABLE, new Hist().inv(1, "recv", null).call(0, "send", 1L).call(0, "send", 2L).verdict("chan init=0"));
        assertEquals(LINEARIZABLE, new Hist().inv(1, "recv", null).inv(2, "recv", null).call(0, "send", 1L).call(0, "send", 2L)
                .verdict("chan init=0"));
    }

    @Test void manifestModelColumns() {
        assertEquals(new Models.Spec("cas-register", true, 0L), Models.parse("cas-register init=0"));
        assertEquals(new Models.Spec("multi-register", true, Map.of(kw("x"), 0L, kw("y"), 0L)), Models.parse("multi-register init={:x 0 :y 0}"));
        assertEquals("kv", Models.parse("kv per-key string register init=\"\" (get/put/append)").name());
        assertEquals("mutex", Models.parse("mutex init=unlocked").name());
        ModelException e = assertThrows(ModelException.class, () -> Models.parse("queue").create());
        assertTrue(e.getMessage().startsWith("unknown model 'queue'"), e.getMessage());
        assertThrows(ModelException.class, () -> Models.parse("chan init=-1").create());
        assertThrows(ModelException.class, () -> Models.parse("mutex init=ajar").create());
    }
}
