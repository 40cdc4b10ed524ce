package sched.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import clojure.java.api.Clojure;
import clojure.lang.IFn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sched.history.bench.QueueHistories;
import sched.history.edn.EdnList;
import sched.history.edn.EdnWriter;
import sched.history.edn.Keyword;
import sched.history.edn.Symbol;

/** What we write, Clojure's own EDN reader ({@code clojure.edn/read-string}) reads back to equal data. */
class ClojureInteropTest {
    private static IFn readString;

    @BeforeAll static void loadClojure() {
        Clojure.var("clojure.core", "require").invoke(Clojure.read("clojure.edn"));
        readString = Clojure.var("clojure.edn", "read-string");
    }

    /** Clojure data to our Java representation, keeping vectors and lists apart. */
    static Object fromClojure(Object o) {
        if (o instanceof clojure.lang.Keyword k) return k.getNamespace() == null ? Keyword.of(k.getName()) : new Keyword(k.getNamespace(), k.getName());
        if (o instanceof clojure.lang.Symbol s) return new Symbol(s.getNamespace(), s.getName());
        if (o instanceof clojure.lang.BigInt b) return b.toBigInteger();
        if (o instanceof clojure.lang.IPersistentVector v) {
            List<Object> out = new ArrayList<>();
            for (Object e : (List<?>) v) out.add(fromClojure(e));
            return out;
        }
        if (o instanceof clojure.lang.ISeq || o instanceof clojure.lang.IPersistentList) {
            List<Object> out = new ArrayList<>();
            for (Object e : (java.util.Collection<?>) o) out.add(fromClojure(e));
            return new EdnList(out);
        }
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(fromClojure(e.getKey()), fromClojure(e.getValue()));
            return out;
        }
        if (o instanceof Set<?> s) {
            Set<Object> out = new LinkedHashSet<>();
            for (Object e : s) out.add(fromClojure(e));
            return out;
        }
        return o;
    }

    private static void assertClojureReadsBack(Object value) {
        String text = EdnWriter.write(value);
        Object theirs = fromClojure(readString.invoke(text));
        assertEquals(value, theirs, text);
        // a vector and a list with the same elements are equal in Java and in Clojure; the text keeps them apart
        if (!(value instanceof Map) && !(value instanceof Set)) assertEquals(text, EdnWriter.write(theirs));
    }

    @Test void scalarsAndCollections() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(Keyword.of("process"), 3L);
        m.put(Keyword.of("type"), Keyword.of("ok"));
        m.put(new Keyword("sched", "f"), Symbol.of("my.ns/put"));
        m.put("string", "tab\t \"quoted\" \\ newline\n unicode \u00e9\u4e2d");
        m.put(Keyword.of("nil"), null);
        m.put(Keyword.of("big"), new BigInteger("123456789012345678901234567890"));
        m.put(Keyword.of("n"), BigInteger.valueOf(7));
        m.put(Keyword.of("dec"), new BigDecimal("2.50"));
        m.put(Keyword.of("dbl"), -1.5e-7);
        m.put(Keyword.of("chars"), new ArrayList<>(Arrays.asList('a', '\n', ' ', '\\')));
        m.put(Keyword.of("list"), EdnList.of(1L, EdnList.of(), new ArrayList<>()));
        m.put(Keyword.of("set"), new LinkedHashSet<>(List.of(Keyword.of("x"), 2L)));
        m.put(List.of(1L, 2L), true);
        assertClojureReadsBack(m);
        assertClojureReadsBack(Long.MIN_VALUE);
        assertClojureReadsBack(new ArrayList<>(Arrays.asList(null, false, "", EdnList.of(1L, new ArrayList<>(List.of(2L)), EdnList.of()))));
    }

    @Test void historiesWeWrite() {
        History h = QueueHistories.fifo(200, 3, 5);
        Object theirs = fromClojure(readString.invoke(h.toEdn()));
        List<Object> ours = new ArrayList<>();
        for (Op op : h.ops()) ours.add(op.toEdn());
        assertEquals(ours, theirs);
        // and what Clojure reads, our reader reads the same
        List<Object> again = new ArrayList<>();
        for (Op op : HistoryReader.readKnossos("h", h.toEdn()).ops()) again.add(op.toEdn());
        assertEquals(ours, again);
    }
}
