package sched.tlc.value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A TLA+ value as TLC prints it, in normal form: sets are sorted and free of duplicates; a function whose domain
 * is {@code 1..n} (or empty) is a {@link Seq}; a function whose domain is a set of strings is a {@link Rec}; any
 * other function is a {@link Fcn}. Two values are {@code equals} exactly when they are the same TLA+ value (model
 * values and strings are different things, as in TLC).
 *
 * <p>The total order ({@link #compareTo}) is this project's own, used to sort sets and function domains: first by
 * kind (booleans, integers, strings, model values, sequences, sets, records, functions, opaque), then within a
 * kind (numbers numerically, strings and names by UTF-16 code unit, collections lexicographically).
 */
public sealed interface TlaValue extends Comparable<TlaValue> {

    record Bool(boolean value) implements TlaValue {
        @Override public String toString() { return value ? "TRUE" : "FALSE"; }
    }

    record Int(long value) implements TlaValue {
        @Override public String toString() { return Long.toString(value); }
    }

    record Str(String value) implements TlaValue {
        public Str {
            Objects.requireNonNull(value);
        }

        @Override public String toString() { return TlaFormat.quote(value); }
    }

    /** A model value (a constant declared in the config as itself, e.g. {@code m1}). */
    record ModelValue(String name) implements TlaValue {
        public ModelValue {
            Objects.requireNonNull(name);
        }

        @Override public String toString() { return name; }
    }

    /** A sequence, tuple, or function over {@code 1..n}. */
    record Seq(List<TlaValue> items) implements TlaValue {
        public Seq {
            items = List.copyOf(items);
        }

        @Override public String toString() { return TlaFormat.format(this); }
    }

    /** A finite set; construct with {@link TlaValue#set}, which sorts and removes duplicates. */
    record SetV(List<TlaValue> items) implements TlaValue {
        public SetV {
            TreeSet<TlaValue> sorted = new TreeSet<>(items);
            items = List.copyOf(sorted);
        }

        @Override public String toString() { return TlaFormat.format(this); }
    }

    /** A record: a function from field names (strings) to values, fields sorted by name. */
    record Rec(SortedMap<String, TlaValue> fields) implements TlaValue {
        public Rec {
            fields = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(fields));
        }

        @Override public String toString() { return TlaFormat.format(this); }
    }

    /** A function whose domain is neither {@code 1..n} nor a set of strings; the domain is sorted. */
    record Fcn(SortedMap<TlaValue, TlaValue> map) implements TlaValue {
        public Fcn {
            map = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
        }

        @Override public String toString() { return TlaFormat.format(this); }
    }

    /** Text TLC printed that this model does not understand (e.g. a lazily printed set); kept verbatim. */
    record Opaque(String text) implements TlaValue {
        @Override public String toString() { return text; }
    }

    // ---- constructors that normalise ----

    static TlaValue bool(boolean b) { return new Bool(b); }

    static TlaValue integer(long n) { return new Int(n); }

    static TlaValue str(String s) { return new Str(s); }

    static TlaValue model(String name) { return new ModelValue(name); }

    static TlaValue seq(List<TlaValue> items) { return new Seq(items); }

    static TlaValue set(Collection<TlaValue> items) { return new SetV(new ArrayList<>(items)); }

    static TlaValue record(Map<String, TlaValue> fields) {
        return fields.isEmpty() ? new Seq(List.of()) : new Rec(new TreeMap<>(fields));
    }

    /** A function given by its graph; normalised to a sequence or a record where TLA+ says they are equal. */
    static TlaValue function(Map<TlaValue, TlaValue> graph) {
        if (graph.isEmpty()) return new Seq(List.of());
        TreeMap<TlaValue, TlaValue> sorted = new TreeMap<>(graph);
        boolean oneToN = true;
        long expect = 1;
        for (TlaValue k : sorted.keySet()) {
            if (!(k instanceof Int(long n)) || n != expect++) {
                oneToN = false;
                break;
            }
        }
        if (oneToN) return new Seq(new ArrayList<>(sorted.values()));
        boolean allStrings = sorted.keySet().stream().allMatch(k -> k instanceof Str);
        if (allStrings) {
            TreeMap<String, TlaValue> fields = new TreeMap<>();
            sorted.forEach((k, v) -> fields.put(((Str) k).value(), v));
            return new Rec(fields);
        }
        return new Fcn(sorted);
    }

    // ---- order ----

    private static int rank(TlaValue v) {
        return switch (v) {
            case Bool b -> 0;
            case Int i -> 1;
            case Str s -> 2;
            case ModelValue m -> 3;
            case Seq s -> 4;
            case SetV s -> 5;
            case Rec r -> 6;
            case Fcn f -> 7;
            case Opaque o -> 8;
        };
    }

    @Override
    default int compareTo(TlaValue other) {
        int r = Integer.compare(rank(this), rank(other));
        if (r != 0) return r;
        return switch (this) {
            case Bool(boolean a) -> Boolean.compare(a, ((Bool) other).value());
            case Int(long a) -> Long.compare(a, ((Int) other).value());
            case Str(String a) -> a.compareTo(((Str) other).value());
            case ModelValue(String a) -> a.compareTo(((ModelValue) other).name());
            case Seq(List<TlaValue> a) -> compareLists(a, ((Seq) other).items());
            case SetV(List<TlaValue> a) -> compareLists(a, ((SetV) other).items());
            case Rec(SortedMap<String, TlaValue> a) -> compareEntries(a, ((Rec) other).fields(), Comparator.naturalOrder());
            case Fcn(SortedMap<TlaValue, TlaValue> a) -> compareEntries(a, ((Fcn) other).map(), Comparator.naturalOrder());
            case Opaque(String a) -> a.compareTo(((Opaque) other).text());
        };
    }

    private static int compareLists(List<TlaValue> a, List<TlaValue> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    private static <K> int compareEntries(SortedMap<K, TlaValue> a, SortedMap<K, TlaValue> b, Comparator<? super K> keys) {
        Iterator<Map.Entry<K, TlaValue>> ia = a.entrySet().iterator();
        Iterator<Map.Entry<K, TlaValue>> ib = b.entrySet().iterator();
        while (ia.hasNext() && ib.hasNext()) {
            Map.Entry<K, TlaValue> ea = ia.next();
            Map.Entry<K, TlaValue> eb = ib.next();
            int c = keys.compare(ea.getKey(), eb.getKey());
            if (c != 0) return c;
            c = ea.getValue().compareTo(eb.getValue());
            if (c != 0) return c;
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    }
}
