package sched.history.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sched.history.edn.EdnWriter;

/** An immutable multiset (copy on write) with an order-free hash; with {@code set} true, counts stay at most 1. */
final class Bag {
    static final Bag EMPTY = new Bag(new HashMap<>(), 0, 0);

    private final HashMap<Object, Integer> counts;
    private final long hash;
    private final int size;

    private Bag(HashMap<Object, Integer> counts, long hash, int size) {
        this.counts = counts;
        this.hash = hash;
        this.size = size;
    }

    int count(Object v) { return counts.getOrDefault(v, 0); }

    int size() { return size; }

    Bag add(Object v) {
        HashMap<Object, Integer> m = new HashMap<>(counts);
        m.merge(v, 1, Integer::sum);
        return new Bag(m, hash + Ops.hash(v), size + 1);
    }

    Bag remove(Object v) {
        int c = count(v);
        if (c == 0) return null;
        HashMap<Object, Integer> m = new HashMap<>(counts);
        if (c == 1) m.remove(v);
        else m.put(v, c - 1);
        return new Bag(m, hash - Ops.hash(v), size - 1);
    }

    boolean sameElements(java.util.Set<?> s) { return s.size() == counts.size() && counts.keySet().containsAll(s); }

    @Override public boolean equals(Object o) { return o instanceof Bag b && b.hash == hash && b.size == size && b.counts.equals(counts); }

    @Override public int hashCode() { return (int) (hash ^ (hash >>> 32)); }

    @Override public String toString() {
        List<String> items = new ArrayList<>();
        for (Map.Entry<Object, Integer> e : counts.entrySet()) {
            for (int i = 0; i < e.getValue(); i++) items.add(EdnWriter.write(e.getKey()));
        }
        java.util.Collections.sort(items);
        boolean multi = items.size() != counts.size();
        return (multi ? "[" : "#{") + String.join(" ", items) + (multi ? "]" : "}");
    }
}
