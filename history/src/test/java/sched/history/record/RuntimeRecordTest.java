package sched.history.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import sched.history.History;
import sched.history.Op;
import sched.history.Pairing;
import sched.history.check.Checker;
import sched.history.edn.Keyword;
import sched.history.model.Models;
import sched.runtime.Chan;
import sched.runtime.Config;
import sched.runtime.GoRuntime;
import sched.runtime.HistoryHooks;
import sched.examples.Primes;

/**
 * Histories recorded by the runtime's own hooks ({@link HistoryHooks}) on real threads: the global run queue
 * (processes = Ms) and channels, selects included (processes = goroutines). Each must check linearizable, and a
 * corrupted copy must not (the checks have teeth).
 */
class RuntimeRecordTest {
    private static final Keyword GET = Keyword.of("get"), RECV = Keyword.of("recv");

    @Test void hooksAreOnInTests() {
        assertTrue(HistoryHooks.ENABLED, "the history module's Surefire configuration sets -Dsched.record=true");
    }

    private static Checker.Verdict verdict(String model, History h) {
        return Checker.check(Models.parse(model).create(), Pairing.pair(h), 60, true).verdict();
    }

    private static long count(History h, Op.Type t, String f) {
        return h.ops().stream().filter(o -> o.type() == t && o.f().equals(Keyword.of(f))).count();
    }

    /**
     * Which paths a recording takes (overflow batches, batch gets, steals) depends on how the OS schedules the Ms,
     * so those coverage facts are gathered over up to {@link #MAX_RECORDINGS} recordings (they held in the first
     * one in every run seen); what must hold of every single recording is the verdict.
     */
    static final int MAX_RECORDINGS = 6;

    @Test void globalRunQueueOfARunningSchedulerIsLinearizable() {
        boolean manyPuts = false, batchPut = false, batchGet = false;
        for (long seed = 1; seed <= MAX_RECORDINGS && (seed <= 2 || !(manyPuts && batchPut && batchGet)); seed++) {
            Workloads.Recording r = Workloads.globrunq(10_000, 2, seed);
            History h = r.history();
            manyPuts |= count(h, Op.Type.OK, "put") > 1000;
            batchPut |= count(h, Op.Type.OK, "put-batch") > 0; // skynet(10000)'s overflow batches (33-43 seen)
            batchGet |= h.ops().stream().anyMatch(o -> o.type() == Op.Type.OK && o.f().equals(GET) && ((List<?>) o.value()).size() > 1);
            assertEquals(Checker.Verdict.LINEARIZABLE, verdict(r.model(), h), "seed " + seed);
            // what we write, the EDN reader reads back to the same history, which checks the same
            History back = sched.history.HistoryReader.readKnossos("back", h.toEdn());
            assertEquals(Checker.Verdict.LINEARIZABLE, verdict(r.model(), back));
        }
        assertTrue(manyPuts, "over 1000 puts in some recording");
        assertTrue(batchPut, "an overflow batch was recorded");
        assertTrue(batchGet, "some get took a batch");
    }

    /** The first of up to MAX_RECORDINGS recordings that takes the paths {@code need} asks for. */
    private static History recordUntil(java.util.function.IntFunction<History> record,
                                       java.util.function.Predicate<History> need, String what) {
        for (int i = 0; i < MAX_RECORDINGS; i++) {
            History h = record.apply(i);
            if (need.test(h)) return h;
        }
        throw new AssertionError("no recording in " + MAX_RECORDINGS + " took " + what);
    }

    private static boolean hasBatchGet(History h) {
        return h.ops().stream().anyMatch(o -> o.type() == Op.Type.OK && o.f().equals(GET) && ((List<?>) o.value()).size() > 1
                && !((List<?>) o.value()).get(0).equals(((List<?>) o.value()).get(1)));
    }

    @Test void aCorruptedGlobalQueueRecordingIsCaught() {
        History h = recordUntil(i -> Workloads.globrunq(10_000, 2, 3 + i).history(), RuntimeRecordTest::hasBatchGet,
                "a batch get");
        // reverse the first batch of two or more that a get took: the batch is no longer the queue's prefix
        List<Op> ops = new ArrayList<>(h.ops());
        for (int i = 0; i < ops.size(); i++) {
            Op o = ops.get(i);
            if (o.type() == Op.Type.OK && o.f().equals(GET) && ((List<?>) o.value()).size() > 1
                    && !((List<?>) o.value()).get(0).equals(((List<?>) o.value()).get(1))) {
                List<Object> rev = new ArrayList<>((List<?>) o.value());
                java.util.Collections.reverse(rev);
                ops.set(i, new Op(o.process(), o.type(), o.f(), rev, o.index()));
                break;
            }
        }
        assertEquals(Checker.Verdict.NOT_LINEARIZABLE, verdict("globrunq", new History("corrupt", ops)));
        // and dropping one put loses a goroutine that a later get returns
        List<Op> lost = new ArrayList<>(h.ops());
        int put = -1;
        for (int i = 0; i < lost.size() && put < 0; i++) if (lost.get(i).type() == Op.Type.OK && lost.get(i).f().equals(Keyword.of("put"))) put = i;
        Op ok = lost.remove(put);
        for (int i = put - 1; i >= 0; i--) {
            if (lost.get(i).process().equals(ok.process()) && lost.get(i).type() == Op.Type.INVOKE) {
                lost.remove(i);
                break;
            }
        }
        assertEquals(Checker.Verdict.NOT_LINEARIZABLE, verdict("globrunq", new History("lost", lost)));
    }

    private static final Keyword STEAL = Keyword.of("steal"), SWAP_NEXT = Keyword.of("swap-next"), PUT = Keyword.of("put");

    /** The x of a recorded P-queue value [p x]. */
    private static Object x(Op o) { return ((List<?>) o.value()).get(1); }

    @Test void everyLocalRunQueueOfARunningSchedulerIsLinearizable() {
        boolean steal = false, overflow = false, severalPs = false;
        int recordings = 0;
        for (int round = 0; round < MAX_RECORDINGS / 2 && (round == 0 || !(steal && overflow && severalPs)); round++) {
            for (int procs : new int[] {2, 4}) {
                Workloads.Recording r = Workloads.runq(10_000, procs);
                History h = r.history();
                recordings++;
                assertEquals("runq-per-p", r.model());
                assertTrue(count(h, Op.Type.OK, "swap-next") > 1000, "skynet(10000) spawns through runnext: " + count(h, Op.Type.OK, "swap-next"));
                assertTrue(count(h, Op.Type.OK, "get") > 1000, "gets: " + count(h, Op.Type.OK, "get"));
                steal |= count(h, Op.Type.OK, "steal") > 0; // idle Ms tried to steal
                // the spawning P's ring overflowed to the global queue (38-42 times per run seen)
                overflow |= h.ops().stream().anyMatch(o -> o.type() == Op.Type.OK && o.f().equals(PUT) && x(o) instanceof List);
                severalPs |= h.ops().stream().map(o -> ((List<?>) o.value()).get(0)).distinct().count() >= 2;
                assertEquals(Checker.Verdict.LINEARIZABLE, verdict(r.model(), h), "GOMAXPROCS " + procs);
                History back = sched.history.HistoryReader.readKnossos("back", h.toEdn());
                assertEquals(Checker.Verdict.LINEARIZABLE, verdict(r.model(), back));
            }
        }
        assertTrue(steal, "no steal in " + recordings + " recordings");
        assertTrue(overflow, "no ring overflow in " + recordings + " recordings");
        assertTrue(severalPs, "one P only in " + recordings + " recordings");
    }

    private static Op op(long process, Op.Type t, String f, Object value) { return new Op(process, t, Keyword.of(f), value, -1); }

    private static List<Object> pv(Object p, Object x) { return java.util.Arrays.asList(p, x); }

    /**
     * The runnext steal window, as the hooks record it on P 0: the owner (process 3) swaps g2 into runnext,
     * kicking g1 out; before it puts g1 in the ring, a thief (process 5) sees an empty ring and takes g2. As
     * recorded (two steps) that is linearizable; merged into Go's one runqput(next) it is not.
     */
    @Test void strictPutNextExposesTheRunnextStealWindow() {
        List<Op> rec = List.of(
                op(3, Op.Type.INVOKE, "swap-next", pv(0L, 1L)), op(3, Op.Type.OK, "swap-next", pv(0L, pv(1L, null))),
                op(3, Op.Type.INVOKE, "swap-next", pv(0L, 2L)), op(5, Op.Type.INVOKE, "steal", pv(0L, null)),
                op(3, Op.Type.OK, "swap-next", pv(0L, pv(2L, 1L))), op(5, Op.Type.OK, "steal", pv(0L, List.of(2L))),
                op(3, Op.Type.INVOKE, "put", pv(0L, 1L)), op(3, Op.Type.OK, "put", pv(0L, 1L)));
        List<Op> indexed = new ArrayList<>();
        for (Op o : rec) indexed.add(new Op(o.process(), o.type(), o.f(), o.value(), indexed.size()));
        History split = new History("window", indexed);
        assertEquals(Checker.Verdict.LINEARIZABLE, verdict("runq-per-p", split));
        History strict = Workloads.strictPutNext(split);
        assertEquals(6, strict.size(), "two :put-next, the steal");
        assertEquals(2, count(strict, Op.Type.OK, "put-next"));
        assertEquals(0, count(strict, Op.Type.OK, "swap-next") + count(strict, Op.Type.OK, "put"));
        assertEquals(Checker.Verdict.NOT_LINEARIZABLE, verdict("runq-per-p", strict));
        // a real recording merges too: every swap-next goes, except those whose put overflowed
        History h = Workloads.runq(1000, 2).history();
        History m = Workloads.strictPutNext(h);
        long overflowedAfterSwap = count(m, Op.Type.OK, "swap-next");
        assertEquals(count(h, Op.Type.OK, "swap-next") - overflowedAfterSwap, count(m, Op.Type.OK, "put-next"));
        assertTrue(overflowedAfterSwap <= h.ops().stream().filter(o -> o.type() == Op.Type.OK && o.f().equals(PUT) && x(o) instanceof List).count());
    }

    @Test void aCorruptedLocalRunQueueRecordingIsCaught() {
        History h = recordUntil(i -> Workloads.runq(10_000, 2).history(), r -> r.ops().stream().anyMatch(
                        o -> o.type() == Op.Type.OK && o.f().equals(PUT) && x(o) instanceof List)
                        && r.ops().stream().anyMatch(o -> o.type() == Op.Type.OK && o.f().equals(SWAP_NEXT)
                        && ((List<?>) x(o)).get(1) != null), "an overflow and a swap-next that kicked a G out");
        // a swap-next that says runnext was empty when it held a G: that G is lost to the model
        List<Op> ops = new ArrayList<>(h.ops());
        for (int i = 0; i < ops.size(); i++) {
            Op o = ops.get(i);
            if (o.type() == Op.Type.OK && o.f().equals(SWAP_NEXT) && ((List<?>) x(o)).get(1) != null) {
                List<Object> v = java.util.Arrays.asList(((List<?>) o.value()).get(0), java.util.Arrays.asList(((List<?>) x(o)).get(0), null));
                ops.set(i, new Op(o.process(), o.type(), o.f(), v, o.index()));
                break;
            }
        }
        assertEquals(Checker.Verdict.NOT_LINEARIZABLE, verdict("runq-per-p", new History("corrupt", ops)));
        // an overflow batch reported out of order
        List<Op> slow = new ArrayList<>(h.ops());
        boolean done = false;
        for (int i = 0; i < slow.size() && !done; i++) {
            Op o = slow.get(i);
            if (o.type() == Op.Type.OK && o.f().equals(PUT) && x(o) instanceof List<?> b) {
                List<Object> rev = new ArrayList<>(b);
                java.util.Collections.swap(rev, 0, 1);
                slow.set(i, new Op(o.process(), o.type(), o.f(), java.util.Arrays.asList(((List<?>) o.value()).get(0), rev), o.index()));
                done = true;
            }
        }
        assertTrue(done);
        assertEquals(Checker.Verdict.NOT_LINEARIZABLE, verdict("runq-per-p", new History("corrupt", slow)));
        // a get's G credited to another P: the key matters
        List<Op> moved = new ArrayList<>(h.ops());
        for (int i = 0; i < moved.size(); i++) {
            Op o = moved.get(i);
            if (o.type() == Op.Type.OK && o.f().equals(GET) && x(o) != null) {
                long p = (Long) ((List<?>) o.value()).get(0);
                moved.set(i, new Op(o.process(), o.type(), o.f(), java.util.Arrays.asList(p == 0 ? 1L : 0L, x(o)), o.index()));
                break;
            }
        }
        assertEquals(Checker.Verdict.NOT_LINEARIZABLE, verdict("runq-per-p", new History("corrupt", moved)));
    }

    @Test void channelWithSelectsAndTryOperationsIsLinearizable() {
        for (int capacity : new int[] {2, 0}) {
            Workloads.Recording r = Workloads.chanSelect(3000, 2, capacity, capacity + 1);
            History h = r.history();
            assertTrue(h.size() > 3000, "records: " + h.size());
            assertTrue(count(h, Op.Type.FAIL, "send") + count(h, Op.Type.FAIL, "recv") > 0, "some try or select-with-default would have blocked");
            assertTrue(h.ops().stream().anyMatch(o -> o.type() == Op.Type.OK && Keyword.of("closed").equals(o.value())), "receivers saw the close");
            assertEquals(1, count(h, Op.Type.OK, "close"));
            assertEquals(Checker.Verdict.LINEARIZABLE, verdict(r.model(), h), "capacity " + capacity);
        }
    }

    @Test void aCorruptedChannelRecordingIsCaught() {
        History h = Workloads.chanSelect(1000, 2, 2, 5).history();
        // the second value received is reported as the first one again: a value delivered twice
        List<Op> ops = new ArrayList<>(h.ops());
        Object first = null;
        for (int i = 0; i < ops.size(); i++) {
            Op o = ops.get(i);
            if (o.type() != Op.Type.OK || !o.f().equals(RECV) || !(o.value() instanceof Long)) continue;
            if (first == null) first = o.value();
            else {
                ops.set(i, new Op(o.process(), o.type(), o.f(), first, o.index()));
                break;
            }
        }
        assertEquals(Checker.Verdict.NOT_LINEARIZABLE, verdict("chan init=2", new History("corrupt", ops)));
    }

    @Test void everyChannelOfThePrimeSieveIsLinearizable() {
        Predicate<Object> chans = o -> o instanceof Chan;
        List<Long> primes = new ArrayList<>();
        RuntimeRecorder rec = RuntimeRecorder.install(chans);
        try {
            GoRuntime.run(new Config().gomaxprocs(2).sysmon(false), () -> primes.addAll(Primes.run(30)));
        } finally {
            rec.close();
        }
        assertEquals(113L, primes.get(29));
        // the generator's channel and each filter's output that carried a prime (the last filter's may be unused)
        assertTrue(rec.objects().size() >= 30, "channels recorded: " + rec.objects().size());
        for (Object c : rec.objects()) {
            History h = rec.history(c, c.toString());
            assertEquals(Checker.Verdict.LINEARIZABLE, verdict("chan init=0", h), c.toString());
        }
        assertTrue(Workloads.primes(20).history().size() > 100);
    }

    @Test void installingWithoutAHookRemovesIt() {
        RuntimeRecorder rec = RuntimeRecorder.install(o -> true);
        rec.close();
        GoRuntime.run(new Config().gomaxprocs(2).sysmon(false), () -> {
            Chan<Long> c = new Chan<>(1);
            c.send(1L);
            c.recv();
        });
        assertTrue(rec.objects().isEmpty(), "nothing recorded after close");
    }
}
