package sched.history.edn;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An EDN list {@code ( ... )}. Any other {@link List} stands for a vector {@code [ ... ]}; the two compare
 * equal element by element, as Clojure's sequential collections do, but the writer keeps the brackets apart.
 */
public final class EdnList extends AbstractList<Object> implements RandomAccess {
    private final Object[] items;

    public EdnList(List<?> items) { this.items = items.toArray(); }

    public static EdnList of(Object... items) { return new EdnList(java.util.Arrays.asList(items)); }

    @Override public Object get(int index) { return items[index]; }

    @Override public int size() { return items.length; }
}
