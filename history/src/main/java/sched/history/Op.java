package sched.history;

import java.util.LinkedHashMap;
import java.util.Map;
import sched.history.edn.Keyword;

/**
 * One record of a history: an invocation or a completion.
 *
 * @param process who performed it: usually a {@link Long}, or a keyword such as {@code :nemesis}
 * @param type    invoke, ok, fail or info
 * @param f       the function, usually a keyword ({@code :read}, {@code :enqueue}, ...)
 * @param value   argument and/or result, {@code null} for nil or missing
 * @param index   position of the record in its history (0-based); real-time order is this order
 * @param line    source line the record started on, or 0 when it did not come from a file
 */
public record Op(Object process, Type type, Object f, Object value, int index, int line) {
    /** The four record types of Knossos histories. */
    public enum Type {
        INVOKE, OK, FAIL, INFO;

        private final Keyword keyword = Keyword.of(name().toLowerCase(java.util.Locale.ROOT));

        public Keyword keyword() { return keyword; }

        /** The type spelled {@code k} ({@code :invoke}, ...), or null. */
        public static Type of(Object k) {
            if (k instanceof Keyword kw && kw.namespace() == null) {
                for (Type t : values()) if (t.keyword.equals(kw)) return t;
            }
            return null;
        }
    }

    public static final Keyword NEMESIS = Keyword.of("nemesis");

    public Op(Object process, Type type, Object f, Object value, int index) {
        this(process, type, f, value, index, 0);
    }

    /** True for fault-injection records ({@code :process :nemesis}), which are not client operations. */
    public boolean isNemesis() { return NEMESIS.equals(process); }

    /** This record as a Knossos op map. */
    public Map<Object, Object> toEdn() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(Keyword.of("process"), process);
        m.put(Keyword.of("type"), type.keyword());
        m.put(Keyword.of("f"), f);
        m.put(Keyword.of("value"), value);
        m.put(Keyword.of("index"), (long) index);
        return m;
    }
}
