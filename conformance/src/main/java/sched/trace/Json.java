package sched.trace;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small immutable JSON value model, enough for trace files and the other NDJSON files of this project.
 * Objects keep their key order (the order they were built or read in); numbers keep their exact text value
 * ({@link BigDecimal}), so a file read and written again is unchanged.
 */
public sealed interface Json {

    /** The compact JSON text of this value (no spaces, no newline). */
    default String toText() {
        return JsonWriter.write(this);
    }

    record JNull() implements Json {
        @Override public String toString() { return "null"; }
    }

    record JBool(boolean value) implements Json {
        @Override public String toString() { return Boolean.toString(value); }
    }

    record JNumber(BigDecimal value) implements Json {
        public JNumber {
            Objects.requireNonNull(value);
        }

        /** The value as a long; throws {@link ArithmeticException} when it is not an integer in range. */
        public long longValue() { return value.longValueExact(); }

        public boolean isIntegral() {
            return value.signum() == 0 || value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
        }

        @Override public boolean equals(Object o) {
            return o instanceof JNumber n && n.value.compareTo(value) == 0;
        }

        @Override public int hashCode() { return value.stripTrailingZeros().hashCode(); }

        @Override public String toString() { return value.toPlainString(); }
    }

    record JString(String value) implements Json {
        public JString {
            Objects.requireNonNull(value);
        }

        @Override public String toString() { return JsonWriter.write(this); }
    }

    record JArray(List<Json> items) implements Json {
        public JArray {
            items = List.copyOf(items);
        }

        public int size() { return items.size(); }

        public Json get(int i) { return items.get(i); }

        @Override public String toString() { return JsonWriter.write(this); }
    }

    /** An object; keys are unique and keep their order. */
    record JObject(Map<String, Json> fields) implements Json {
        public JObject {
            // A map this package's reader handed over (it keeps no reference) is already an unmodifiable view.
            if (!(fields instanceof Owned)) fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public Json get(String key) { return fields.get(key); }

        public boolean has(String key) { return fields.containsKey(key); }

        public int size() { return fields.size(); }

        @Override public String toString() { return JsonWriter.write(this); }
    }

    /**
     * An unmodifiable view of a map that its maker gives up, so that {@link JObject} need not copy it: only this
     * package can make one (the constructor is package-private; {@link JsonReader}, for the objects it reads, keeps
     * no reference to the map). Equal to any map of the same entries.
     */
    final class Owned extends java.util.AbstractMap<String, Json> {
        private final Map<String, Json> view;

        Owned(LinkedHashMap<String, Json> handedOver) {
            this.view = Collections.unmodifiableMap(handedOver);
        }

        @Override public java.util.Set<Map.Entry<String, Json>> entrySet() { return view.entrySet(); }

        @Override public java.util.Set<String> keySet() { return view.keySet(); }

        @Override public java.util.Collection<Json> values() { return view.values(); }

        @Override public Json get(Object key) { return view.get(key); }

        @Override public boolean containsKey(Object key) { return view.containsKey(key); }

        @Override public int size() { return view.size(); }

        @Override public void forEach(java.util.function.BiConsumer<? super String, ? super Json> action) {
            view.forEach(action);
        }
    }

    JNull NULL = new JNull();
    JBool TRUE = new JBool(true);
    JBool FALSE = new JBool(false);

    static Json of(boolean b) { return b ? TRUE : FALSE; }

    static Json of(long n) { return new JNumber(BigDecimal.valueOf(n)); }

    static Json of(BigInteger n) { return new JNumber(new BigDecimal(n)); }

    static Json of(String s) { return s == null ? NULL : new JString(s); }

    static JArray array(List<? extends Json> items) { return new JArray(new ArrayList<>(items)); }

    static JArray array(Json... items) { return new JArray(List.of(items)); }

    static ObjectBuilder object() { return new ObjectBuilder(); }

    /** Builds a {@link JObject} in insertion order. */
    final class ObjectBuilder {
        private final LinkedHashMap<String, Json> fields = new LinkedHashMap<>();

        public ObjectBuilder put(String key, Json value) {
            fields.put(key, Objects.requireNonNull(value, key));
            return this;
        }

        public ObjectBuilder put(String key, String value) { return put(key, Json.of(value)); }

        public ObjectBuilder put(String key, long value) { return put(key, Json.of(value)); }

        public ObjectBuilder put(String key, boolean value) { return put(key, Json.of(value)); }

        public JObject build() { return new JObject(fields); }
    }
}
