package sched.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Event counters of one runtime, readable while it runs ({@link GoRuntime#counters()}). */
public final class Counters {
    private final Sched sched;
    /** Goroutines created on Ps that procresize has removed (live Ps count their own). */
    final LongAdder goroutines = new LongAdder();
    final LongAdder steals = new LongAdder();
    final LongAdder spins = new LongAdder();
    final LongAdder parks = new LongAdder();
    final LongAdder wakeups = new LongAdder();
    final LongAdder runqputslow = new LongAdder();
    final LongAdder handoffs = new LongAdder();
    final LongAdder retakes = new LongAdder();
    final LongAdder preemptions = new LongAdder();
    final LongAdder syscalls = new LongAdder();

    Counters(Sched sched) { this.sched = sched; }

    private long goroutines() {
        long n = goroutines.sum();
        P[] ps = sched.allp;
        if (ps != null) for (P p : ps) n += p.goroutinesCreated;
        return n;
    }

    /** Name to value, in a fixed order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("goroutines", goroutines());
        m.put("steals", steals.sum());
        m.put("spins", spins.sum());
        m.put("parks", parks.sum());
        m.put("wakeups", wakeups.sum());
        m.put("runqputslow", runqputslow.sum());
        m.put("syscalls", syscalls.sum());
        m.put("handoffs", handoffs.sum());
        m.put("retakes", retakes.sum());
        m.put("preemptions", preemptions.sum());
        return m;
    }

    public long get(String name) {
        Long v = snapshot().get(name);
        if (v == null) throw new IllegalArgumentException("no counter named " + name);
        return v;
    }

    @Override public String toString() { return snapshot().toString(); }
}
