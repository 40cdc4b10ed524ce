package sched.history.record;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import sched.history.History;
import sched.history.Op;
import sched.history.edn.Keyword;
import sched.examples.Primes;
import sched.examples.Skynet;
import sched.runtime.Chan;
import sched.runtime.Config;
import sched.runtime.G;
import sched.runtime.GlobalRunq;
import sched.runtime.HistoryHooks;
import sched.runtime.Go;
import sched.runtime.GoRuntime;
import sched.runtime.P;
import sched.runtime.Select;
import sched.runtime.WaitGroup;

/**
 * Workloads that record histories from real threads (see {@link HistoryRecorder}). Each returns the recorded
 * history (empty when recording is off) and how long the workload itself ran.
 */
public final class Workloads {
    private Workloads() {}

    /** A finished recording. */
    public record Recording(History history, String model, long nanos, long operations) {}

    /** The workload names {@link #run} knows. */
    public static final List<String> NAMES = List.of("queue-torture", "chan-torture", "runq", "globrunq", "chan", "primes");

    /** Workloads recorded through the runtime's own hooks ({@link sched.runtime.HistoryHooks}, -Dsched.record). */
    public static final List<String> HOOKED = List.of("runq", "globrunq", "chan", "primes");

    public static Recording run(String name, int ops, int threads, long seed) { return run(name, ops, threads, seed, false); }

    public static Recording run(String name, int ops, int threads, long seed, boolean stealRunnext) {
        return switch (name) {
            case "queue-torture" -> queueTorture(ops, threads, seed, stealRunnext);
            case "chan-torture" -> chanTorture(ops, threads, 2, seed);
            case "runq" -> runq(ops, threads);
            case "globrunq" -> globrunq(ops, threads, seed);
            case "chan" -> chanSelect(ops, threads, 2, seed);
            case "primes" -> primes(Math.max(1, ops / 100));
            default -> throw new IllegalArgumentException("unknown workload '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        };
    }

    private static final Keyword PUT = Keyword.of("put"), PUT_NEXT = Keyword.of("put-next"), GET = Keyword.of("get"),
            STEAL = Keyword.of("steal"), SEND = Keyword.of("send"), RECV = Keyword.of("recv"), CLOSE = Keyword.of("close");

    /**
     * One P's run queue under fire: the owner thread (process 0) does {@code ops} random runqput (to the ring or
     * to runnext) and runqget calls, keeping the ring below its 256 slots so that nothing overflows to the global
     * queue; {@code thieves} threads (processes 1..) steal from it into their own P, as idle Ms do, until the owner
     * is done. A steal's value is the whole batch it took, in queue order. Check with model {@code runq}.
     * Thieves pass stealRunNextG = false (Go's usual steal) unless {@code stealRunnext}: then half of their
     * steals may take runnext, which exposes the race described in docs/HISTORIES.md ("Recording").
     */
    public static Recording queueTorture(int ops, int thieves, long seed, boolean stealRunnext) {
        RunqAccess rt = new RunqAccess();
        P victim = rt.newP(0);
        G[] gs = new G[ops + 1];
        for (int i = 1; i <= ops; i++) gs[i] = rt.newG(i);
        HistoryRecorder rec = new HistoryRecorder();
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1), ready = new CountDownLatch(thieves);
        long[] counts = new long[thieves + 1];
        List<Thread> threads = new ArrayList<>();
        for (int k = 1; k <= thieves; k++) {
            final long process = k;
            final int slot = k;
            P mine = rt.newP(k);
            SplittableRandom rnd = new SplittableRandom(seed * 31 + k);
            Thread t = new Thread(() -> {
                ready.countDown();
                await(start);
                long n = 0;
                List<Object> batch = new ArrayList<>();
                while (!done.get()) {
                    boolean runnextToo = stealRunnext && rnd.nextBoolean();
                    if (HistoryRecorder.ENABLED) rec.invoke(process, STEAL, null);
                    G last = RunqAccess.steal(mine, victim, runnextToo);
                    if (HistoryRecorder.ENABLED) {
                        batch.clear();
                        for (G g; (g = mine.runqget()) != null; ) batch.add(g.goid());
                        if (last != null) batch.add(last.goid());
                        rec.ok(process, STEAL, new ArrayList<>(batch));
                    } else {
                        while (mine.runqget() != null) { }
                    }
                    n++;
                    for (int spin = rnd.nextInt(64); spin > 0; spin--) Thread.onSpinWait();
                }
                counts[slot] = n;
            }, "thief-" + k);
            threads.add(t);
            t.start();
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        await(ready);
        long t0 = System.nanoTime();
        start.countDown();
        int next = 1, bound = 0; // bound >= Gs in the victim's ring + runnext (thieves only remove)
        Long zero = 0L;
        for (int i = 0; i < ops; i++) {
            for (int spin = rnd.nextInt(16); spin > 0; spin--) Thread.onSpinWait(); // let the thieves in
            int r = rnd.nextInt(100);
            if (next <= ops && bound < 200 && r < 60) {
                G g = gs[next++];
                boolean toNext = r < 15;
                Keyword f = toNext ? PUT_NEXT : PUT;
                if (HistoryRecorder.ENABLED) rec.invoke(zero, f, g.goid());
                victim.runqput(g, toNext);
                if (HistoryRecorder.ENABLED) rec.ok(zero, f, g.goid());
                bound++;
            } else {
                if (HistoryRecorder.ENABLED) rec.invoke(zero, GET, null);
                G g = victim.runqget();
                if (HistoryRecorder.ENABLED) rec.ok(zero, GET, g == null ? null : g.goid());
                if (g != null) bound--;
                else bound = 0;
            }
        }
        done.set(true);
        for (Thread t : threads) join(t);
        long nanos = System.nanoTime() - t0;
        long total = ops;
        for (long c : counts) total += c;
        return new Recording(rec.history("queue-torture"), "runq", nanos, total);
    }

    /**
     * A buffered channel (capacity {@code capacity}) in a running scheduler: {@code producers} goroutines send
     * unique values, as many consumers receive until the channel is closed, and the main goroutine closes it once
     * every producer is done. Processes are goroutine ids. Check with model {@code chan}, init = capacity.
     */
    public static Recording chanTorture(int ops, int producers, int capacity, long seed) {
        HistoryRecorder rec = new HistoryRecorder();
        long[] t = new long[2];
        GoRuntime.run(new Config().gomaxprocs(Math.max(2, Runtime.getRuntime().availableProcessors())).sysmon(false), () -> {
            Chan<Long> c = new Chan<>(capacity);
            WaitGroup sent = new WaitGroup(), received = new WaitGroup();
            int per = Math.max(1, ops / (2 * producers));
            t[0] = System.nanoTime();
            for (int p = 0; p < producers; p++) {
                final long base = (long) p * per;
                sent.add(1);
                Go.go(() -> {
                    Long me = Go.goid();
                    for (long i = 0; i < per; i++) {
                        Long v = base + i;
                        if (HistoryRecorder.ENABLED) rec.invoke(me, SEND, v);
                        c.send(v);
                        if (HistoryRecorder.ENABLED) rec.ok(me, SEND, v);
                    }
                    sent.done();
                });
                received.add(1);
                Go.go(() -> {
                    Long me = Go.goid();
                    while (true) {
                        if (HistoryRecorder.ENABLED) rec.invoke(me, RECV, null);
                        Chan.Received<Long> r = c.recv2();
                        if (HistoryRecorder.ENABLED) rec.ok(me, RECV, r.ok() ? r.value() : null);
                        if (!r.ok()) break;
                    }
                    received.done();
                });
            }
            sent.await();
            Long me = Go.goid();
            if (HistoryRecorder.ENABLED) rec.invoke(me, CLOSE, null);
            c.close();
            if (HistoryRecorder.ENABLED) rec.ok(me, CLOSE, null);
            received.await();
            t[1] = System.nanoTime();
        });
        History h = rec.history("chan-torture");
        return new Recording(h, "chan init=" + capacity, t[1] - t[0], h.size() / 2);
    }

    /** Installs a recorder of the runtime's hooks for the objects {@code keep} accepts; null when -Dsched.record is off. */
    private static RuntimeRecorder hooks(java.util.function.Predicate<Object> keep) {
        return HistoryHooks.ENABLED ? RuntimeRecorder.install(keep) : null;
    }

    private static void unhook(RuntimeRecorder r) {
        if (r != null) r.close();
    }

    /**
     * Every P's local run queue in a running scheduler (GOMAXPROCS {@code procs}, at least 2), recorded by the
     * runtime's own hooks into one history keyed by P (processes are Ms: each P's owner, and idle Ms stealing):
     * the skynet example (1,000 leaves, 10,000 from 10,000 operations on) spawns goroutines ten at a time
     * (runqput with next: swap-next, then a put of the kicked-out G; the spawning P's ring overflows to the
     * global queue), parents are readied into runnext, and idle Ms steal half of a busy P's ring.
     * Check with model {@code runq-per-p}.
     */
    public static Recording runq(int ops, int procs) {
        long[] t = new long[2];
        long[] sum = new long[1];
        long leaves = ops >= 10_000 ? 10_000 : 1000;
        RuntimeRecorder rec = HistoryHooks.ENABLED ? RuntimeRecorder.installRunqs() : null;
        try {
            GoRuntime.run(new Config().gomaxprocs(Math.max(2, procs)).sysmon(false), () -> {
                t[0] = System.nanoTime();
                sum[0] = Skynet.run(leaves);
                t[1] = System.nanoTime();
            });
        } finally {
            unhook(rec);
        }
        if (sum[0] != leaves * (leaves - 1) / 2) throw new IllegalStateException("skynet(" + leaves + ") summed to " + sum[0]);
        History h = rec == null ? new History("runq", List.of()) : rec.history(RuntimeRecorder.RUNQS, "runq");
        return new Recording(h, "runq-per-p", t[1] - t[0], h.size() / 2);
    }

    /**
     * A {@link #runq} recording with each runqput(g, next=true) written as the single operation the plain
     * specification has, {@code :put-next [p g]} (invoked where the swap was invoked, completed where the put of
     * the kicked-out G completed, or where the swap completed when runnext was empty), instead of the recorded
     * {@code :swap-next} then {@code :put}. In this strict form the runnext steal window (a thief taking the new
     * runnext before the old one reached the ring) is not linearizable, so checking it tells whether a run hit
     * the window. A pair whose put overflowed to the global queue, or that the history cut, stays as recorded.
     */
    public static History strictPutNext(History h) {
        List<Op> in = h.ops();
        Op[] out = in.toArray(new Op[0]);
        java.util.Map<Object, Integer> swapInvoke = new java.util.HashMap<>(), swapOk = new java.util.HashMap<>(),
                putInvoke = new java.util.HashMap<>();
        for (int i = 0; i < in.size(); i++) {
            Op o = in.get(i);
            Object q = o.process();
            String f = o.f() instanceof Keyword k ? k.symbolic() : String.valueOf(o.f());
            if (o.type() == Op.Type.INVOKE && f.equals("swap-next")) {
                swapInvoke.put(q, i);
            } else if (o.type() == Op.Type.OK && f.equals("swap-next") && swapInvoke.containsKey(q)) {
                List<?> pv = (List<?>) o.value();
                List<?> gOld = (List<?>) pv.get(1);
                int si = swapInvoke.remove(q);
                if (gOld.get(1) == null) {
                    List<Object> v = java.util.Arrays.asList(pv.get(0), gOld.get(0));
                    out[si] = new Op(q, Op.Type.INVOKE, PUT_NEXT, v, in.get(si).index());
                    out[i] = new Op(q, Op.Type.OK, PUT_NEXT, v, o.index());
                } else {
                    swapOk.put(q, i);
                    swapInvoke.put(q, si); // kept until the put of the kicked-out G completes
                }
            } else if (o.type() == Op.Type.INVOKE && f.equals("put") && swapOk.containsKey(q)) {
                putInvoke.put(q, i);
            } else if (o.type() == Op.Type.OK && f.equals("put") && putInvoke.containsKey(q)) {
                int si = swapInvoke.remove(q), so = swapOk.remove(q), pi = putInvoke.remove(q);
                if (((List<?>) o.value()).get(1) instanceof List) continue; // overflowed: stays split
                List<?> pv = (List<?>) in.get(so).value();
                List<Object> v = java.util.Arrays.asList(pv.get(0), ((List<?>) pv.get(1)).get(0));
                out[si] = new Op(q, Op.Type.INVOKE, PUT_NEXT, v, in.get(si).index());
                out[so] = null;
                out[pi] = null;
                out[i] = new Op(q, Op.Type.OK, PUT_NEXT, v, o.index());
            } else if (swapOk.containsKey(q)) { // anything else between the swap and its put: leave the pair split
                swapOk.remove(q);
                swapInvoke.remove(q);
                putInvoke.remove(q);
            }
        }
        List<Op> ops = new ArrayList<>(in.size());
        for (Op o : out) if (o != null) ops.add(o);
        return new History(h.source(), ops);
    }

    /**
     * The global run queue of a running scheduler, recorded by its own hooks (processes are Ms): {@code 2*procs}
     * goroutines call Gosched (each call puts the goroutine on the global queue, and an M's schedule takes it
     * back with globrunqget) until about {@code ops} operations are done, while the skynet example (1,000 leaves,
     * 10,000 from 10,000 operations on: goroutines spawned ten at a time from one P, whose ring overflows to the
     * global queue in batches) runs beside them.
     * Check with model {@code globrunq}.
     */
    public static Recording globrunq(int ops, int procs, long seed) {
        long[] t = new long[2];
        long[] sum = new long[1];
        long leaves = ops >= 10_000 ? 10_000 : 1000;
        RuntimeRecorder rec = hooks(o -> o instanceof GlobalRunq);
        try {
            GoRuntime.run(new Config().gomaxprocs(Math.max(2, procs)).sysmon(false), () -> {
                t[0] = System.nanoTime();
                int yielders = 2 * Math.max(2, procs);
                int per = Math.max(1, ops / (2 * yielders));
                WaitGroup wg = new WaitGroup();
                for (int k = 0; k < yielders; k++) {
                    wg.add(1);
                    Go.go(() -> {
                        for (int i = 0; i < per; i++) Go.gosched();
                        wg.done();
                    });
                }
                sum[0] = Skynet.run(leaves);
                wg.await();
                t[1] = System.nanoTime();
            });
        } finally {
            unhook(rec);
        }
        if (sum[0] != leaves * (leaves - 1) / 2) throw new IllegalStateException("skynet(" + leaves + ") summed to " + sum[0]);
        History h = only(rec, "globrunq");
        return new Recording(h, "globrunq", t[1] - t[0], h.size() / 2);
    }

    /**
     * One buffered channel (capacity {@code capacity}) under every kind of channel operation, recorded by the
     * runtime's own hooks (processes are goroutines): {@code producers} goroutines send unique values by
     * blocking send, {@code select} with a default (retried by a blocking send when it would block),
     * {@code trySend}, and a blocking select over the channel and a channel nobody uses; as many consumers
     * receive by blocking receive, select with a default, {@code tryRecv} and a blocking two-case select, until
     * they see the channel closed; the main goroutine closes it once every producer is done. Check with model
     * {@code chan} init = capacity.
     */
    public static Recording chanSelect(int ops, int producers, int capacity, long seed) {
        long[] t = new long[2];
        Object[] target = new Object[1];
        RuntimeRecorder rec = hooks(o -> o instanceof Chan);
        try {
            GoRuntime.run(new Config().gomaxprocs(Math.max(2, Runtime.getRuntime().availableProcessors())).sysmon(false), () -> {
                Chan<Long> c = new Chan<>(capacity), never = new Chan<>(0);
                target[0] = c;
                WaitGroup sent = new WaitGroup(), received = new WaitGroup();
                int per = Math.max(1, ops / (2 * producers));
                t[0] = System.nanoTime();
                for (int p = 0; p < producers; p++) {
                    final long base = (long) p * per;
                    SplittableRandom rnd = new SplittableRandom(seed * 131 + p);
                    sent.add(1);
                    Go.go(() -> {
                        for (long i = 0; i < per; i++) {
                            Long v = base + i;
                            switch (rnd.nextInt(4)) {
                                case 0 -> c.send(v);
                                case 1 -> {
                                    if (new Select().send(c, v).orDefault().select() < 0) c.send(v);
                                }
                                case 2 -> {
                                    if (!c.trySend(v)) c.send(v);
                                }
                                default -> new Select().send(c, v).recv(never).select();
                            }
                        }
                        sent.done();
                    });
                    SplittableRandom rnd2 = new SplittableRandom(seed * 137 + p);
                    received.add(1);
                    Go.go(() -> {
                        for (boolean open = true; open; ) {
                            switch (rnd2.nextInt(4)) {
                                case 0 -> open = c.recv2().ok();
                                case 1 -> {
                                    Select s = new Select().recv(c).orDefault();
                                    if (s.select() < 0) Go.gosched();
                                    else open = s.ok();
                                }
                                case 2 -> {
                                    Chan.Received<Long> r = c.tryRecv();
                                    if (r == null) Go.gosched();
                                    else open = r.ok();
                                }
                                default -> {
                                    Select s = new Select().recv(c).recv(never);
                                    s.select();
                                    open = s.ok();
                                }
                            }
                        }
                        received.done();
                    });
                }
                sent.await();
                c.close();
                received.await();
                t[1] = System.nanoTime();
            });
        } finally {
            unhook(rec);
        }
        History h = rec == null ? new History("chan", List.of()) : rec.history(target[0], "chan");
        return new Recording(h, "chan init=" + capacity, t[1] - t[0], h.size() / 2);
    }

    /**
     * The concurrent prime sieve from the runtime's examples ({@link Primes}), its first {@code n} primes, with
     * every channel recorded by the runtime's own hooks; the history returned is the generator's channel (the
     * busiest: it carries 2, 3, 4, ...). Unbuffered: check with model {@code chan} (init 0). The run ends while
     * the generator and the filters are still blocked, so their last operations stay open.
     */
    public static Recording primes(int n) {
        RuntimeRecorder rec = hooks(o -> o instanceof Chan);
        long[] t = new long[2];
        try {
            GoRuntime.run(new Config().gomaxprocs(Math.max(2, Runtime.getRuntime().availableProcessors())).sysmon(false), () -> {
                t[0] = System.nanoTime();
                List<Long> ps = Primes.run(n);
                if (ps.size() != n) throw new IllegalStateException("primes: " + ps);
                t[1] = System.nanoTime();
            });
        } finally {
            unhook(rec);
        }
        History h = rec == null || rec.objects().isEmpty() ? new History("primes", List.of()) : rec.history(rec.objects().get(0), "primes");
        return new Recording(h, "chan init=0", t[1] - t[0], h.size() / 2);
    }

    /** The history of the single object a recorder saw (empty when recording was off or nothing happened). */
    private static History only(RuntimeRecorder rec, String name) {
        if (rec == null || rec.objects().isEmpty()) return new History(name, List.of());
        if (rec.objects().size() != 1) throw new IllegalStateException(name + ": expected one recorded object, saw " + rec.objects().size());
        return rec.history(rec.objects().get(0), name);
    }

    /**
     * The cost of the recording sites: the owner's put/get loop of queue-torture on one thread, once through
     * plain P calls and once through the same loop with its {@code if (HistoryRecorder.ENABLED)} sites. Each is
     * run {@code rounds} times after a warm-up; returns the best {plain, instrumented} times in nanoseconds.
     * With recording off the two should match: the JIT removes the sites.
     */
    public static long[] siteCost(int ops, int rounds) {
        RunqAccess rt = new RunqAccess();
        G[] gs = new G[ops + 1];
        for (int i = 1; i <= ops; i++) gs[i] = rt.newG(i);
        long bestPlain = Long.MAX_VALUE, bestSites = Long.MAX_VALUE;
        for (int round = 0; round < rounds + 3; round++) {
            P a = rt.newP(0), b = rt.newP(1);
            long t0 = System.nanoTime();
            long x = plainLoop(a, gs, ops);
            long t1 = System.nanoTime();
            long y = instrumentedLoop(b, gs, ops, new HistoryRecorder());
            long t2 = System.nanoTime();
            if (x != y) throw new IllegalStateException("the two loops diverged");
            if (round >= 3) {
                bestPlain = Math.min(bestPlain, t1 - t0);
                bestSites = Math.min(bestSites, t2 - t1);
            }
        }
        return new long[] {bestPlain, bestSites};
    }

    private static long plainLoop(P p, G[] gs, int ops) {
        long sum = 0;
        int next = 1;
        for (int i = 0; i < ops; i++) {
            if ((i & 3) != 3 && next < gs.length && (i & 7) != 6) {
                p.runqput(gs[next++], (i & 15) == 0);
            } else {
                G g = p.runqget();
                if (g != null) sum += g.goid();
            }
            if ((i & 127) == 127) while (p.runqget() != null) { }
        }
        return sum;
    }

    private static long instrumentedLoop(P p, G[] gs, int ops, HistoryRecorder rec) {
        long sum = 0;
        int next = 1;
        Long zero = 0L;
        for (int i = 0; i < ops; i++) {
            if ((i & 3) != 3 && next < gs.length && (i & 7) != 6) {
                G g = gs[next++];
                boolean toNext = (i & 15) == 0;
                if (HistoryRecorder.ENABLED) rec.invoke(zero, toNext ? PUT_NEXT : PUT, g.goid());
                p.runqput(g, toNext);
                if (HistoryRecorder.ENABLED) rec.ok(zero, toNext ? PUT_NEXT : PUT, g.goid());
            } else {
                if (HistoryRecorder.ENABLED) rec.invoke(zero, GET, null);
                G g = p.runqget();
                if (HistoryRecorder.ENABLED) rec.ok(zero, GET, g == null ? null : g.goid());
                if (g != null) sum += g.goid();
            }
            if ((i & 127) == 127) while (p.runqget() != null) { }
        }
        return sum;
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
