package sched.history.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import sched.history.edn.EdnWriter;

/** An immutable map state (copy on write) with a cached hash. A missing key reads as {@code absent}. */
final class MapState {
    private final HashMap<Object, Object> map;
    private final int hash;

    MapState(Map<?, ?> m) {
        this.map = new HashMap<>(m);
        this.hash = map.hashCode();
    }

    Object get(Object key, Object absent) { return map.containsKey(key) ? map.get(key) : absent; }

    MapState with(Object key, Object value) {
        if (map.containsKey(key) && Objects.equals(map.get(key), value)) return this;
        HashMap<Object, Object> m = new HashMap<>(map);
        m.put(key, value);
        return new MapState(m);
    }

    Map<Object, Object> asMap() { return java.util.Collections.unmodifiableMap(map); }

    @Override public boolean equals(Object o) {
        return o instanceof MapState s && s.hash == hash && s.map.equals(map);
    }

    @Override public int hashCode() { return hash; }

    @Override public String toString() {
        Map<Object, Object> sorted = new TreeMap<>((a, b) -> EdnWriter.write(a).compareTo(EdnWriter.write(b)));
        sorted.putAll(map);
        return EdnWriter.write(sorted);
    }
}
