package sched.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A workload's size parameters (name to value, in a fixed order), the same keys for every peer and for Go. */
public final class Params {
    private final Map<String, Long> values;

    public Params(Map<String, Long> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Params of(Object... kv) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], ((Number) kv[i + 1]).longValue());
        return new Params(m);
    }

    public long get(String key) {
        Long v = values.get(key);
        if (v == null) throw new IllegalArgumentException("missing workload parameter '" + key + "'");
        return v;
    }

    public int getInt(String key) { return Math.toIntExact(get(key)); }

    public Map<String, Long> asMap() { return values; }

    /** A copy with {@code key} replaced. */
    public Params with(String key, long value) {
        Map<String, Long> m = new LinkedHashMap<>(values);
        m.put(key, value);
        return new Params(m);
    }

    /** The parameters as {@code key=value} arguments (the child JVM and the Go program read these). */
    public String[] toArgs() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    public static Params parseArgs(String[] args, int from) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("expected key=value, got '" + args[i] + "'");
            m.put(args[i].substring(0, eq), Long.parseLong(args[i].substring(eq + 1)));
        }
        return new Params(m);
    }

    @Override public String toString() { return String.join(" ", toArgs()); }
}
