package sched.history.edn;

import java.util.concurrent.ConcurrentHashMap;

/**
 * An EDN keyword such as {@code :read} or {@code :sched/put}. Instances are interned, so two keywords with
 * the same spelling are the same object; {@code equals} still compares by value.
 */
public record Keyword(String namespace, String name) implements Comparable<Keyword> {
    private static final ConcurrentHashMap<String, Keyword> INTERNED = new ConcurrentHashMap<>();

    public Keyword {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("empty keyword name");
    }

    /** The keyword spelled {@code text}, with or without its leading colon ({@code "ns/name"} has a namespace). */
    public static Keyword of(String text) {
        String t = text.startsWith(":") ? text.substring(1) : text;
        return INTERNED.computeIfAbsent(t, s -> {
            int slash = s.indexOf('/');
            if (slash > 0 && slash < s.length() - 1) return new Keyword(s.substring(0, slash), s.substring(slash + 1));
            return new Keyword(null, s);
        });
    }

    /** The spelling without the colon: {@code name} or {@code ns/name}. */
    public String symbolic() { return namespace == null ? name : namespace + "/" + name; }

    @Override public String toString() { return ":" + symbolic(); }

    @Override public int compareTo(Keyword o) { return symbolic().compareTo(o.symbolic()); }
}
