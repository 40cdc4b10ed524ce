package sched.history.edn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdnTest {
    private static Object read(String s) { return EdnReader.readOne("t.edn", s); }

    @Test void scalars() {
        assertNull(read("nil"));
        assertEquals(true, read("true"));
        assertEquals(false, read(" false "));
        assertEquals(42L, read("42"));
        assertEquals(-7L, read("-7"));
        assertEquals(7L, read("+7"));
        assertEquals(Long.MAX_VALUE, read("9223372036854775807"));
        assertEquals(new BigInteger("9223372036854775808"), read("9223372036854775808"));
        assertEquals(new BigInteger("-99999999999999999999999"), read("-99999999999999999999999"));
        assertEquals(BigInteger.valueOf(5), read("5N"));
        assertEquals(1.5, read("1.5"));
        assertEquals(1e10, read("1e10"));
        assertEquals(-2.5e-3, read("-2.5E-3"));
        assertEquals(new BigDecimal("1.25"), read("1.25M"));
        assertEquals(Double.POSITIVE_INFINITY, read("##Inf"));
        assertTrue(Double.isNaN((Double) read("##NaN")));
        assertEquals("a\"b\\c\nd\u00e9", read("\"a\\\"b\\\\c\\nd\\u00e9\""));
        assertEquals('x', read("\\x"));
        assertEquals('\n', read("\\newline"));
        assertEquals('(', read("\\("));
        assertEquals(Keyword.of("read"), read(":read"));
        assertEquals(new Keyword("sched", "put"), read(":sched/put"));
        assertEquals(Symbol.of("foo.bar/baz"), read("foo.bar/baz"));
        assertEquals(Symbol.of("+"), read("+"));
        assertEquals(Symbol.of("-"), read("-"));
    }

    @Test void collectionsCommentsCommasAndDiscard() {
        Object v = read("""
                ; leading comment
                {:process 1, :type :invoke
                 :f :cas :value [0 1] ; trailing comment
                 :set #{1 2}, :list (a b), #_ :ignored #_ [1 2 3] :k nil}""");
        Map<Object, Object> expected = new LinkedHashMap<>();
        expected.put(Keyword.of("process"), 1L);
        expected.put(Keyword.of("type"), Keyword.of("invoke"));
        expected.put(Keyword.of("f"), Keyword.of("cas"));
        expected.put(Keyword.of("value"), List.of(0L, 1L));
        expected.put(Keyword.of("set"), new LinkedHashSet<>(List.of(1L, 2L)));
        expected.put(Keyword.of("list"), EdnList.of(Symbol.of("a"), Symbol.of("b")));
        expected.put(Keyword.of("k"), null);
        assertEquals(expected, v);
        assertInstanceOf(EdnList.class, ((Map<?, ?>) v).get(Keyword.of("list")));
        assertEquals(List.of(1L, 3L), read("[1 #_2 3 #_4]"));
        assertEquals(List.of(), read("[,,,]"));
        assertEquals(new Tagged(Symbol.of("inst"), "2020-01-01T00:00:00Z"), read("#inst \"2020-01-01T00:00:00Z\""));
        assertEquals(List.of(1L, 2L), EdnReader.readAll("t", "1 ; one\n2"));
    }

    @Test void roundTrip() {
        List<Object> vec = new ArrayList<>(Arrays.asList(null, true, false, 0L, -1L, Long.MIN_VALUE,
                new BigInteger("123456789012345678901234567890"), BigInteger.ONE, 2.5, -0.0, 1e300,
                new BigDecimal("3.14"), "", "tab\there \"q\" \\ \u0001 \u00fcnicode", 'c', '\n', ' ', '\\',
                Keyword.of("a"), new Keyword("ns", "b"), Symbol.of("sym"), Symbol.of("ns/sym"),
                EdnList.of(1L, EdnList.of()), new LinkedHashSet<>(List.of(Keyword.of("x"), "y")),
                new Tagged(Symbol.of("my/tag"), List.of(1L))));
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(Keyword.of("value"), vec);
        m.put(List.of(1L, 2L), Map.of("k", "v"));
        m.put(null, Double.POSITIVE_INFINITY);
        String text = EdnWriter.write(m);
        Object back = read(text);
        assertEquals(m, back);
        assertEquals(text, EdnWriter.write(back));
    }

    private static EdnException error(String s) {
        return assertThrows(EdnException.class, () -> EdnReader.readAll("f.edn", s));
    }

    private static void assertError(String s, int line, int col, String fragment) {
        EdnException e = error(s);
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(col, e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("malformed EDN at f.edn:" + line + ":" + col + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test void errorPositions() {
        assertError("[1 2", 1, 5, "unterminated vector (opened at 1:1)");
        assertError("[{:a 1}\n {:b 2)\n]", 2, 7, "')' does not close the map opened at 2:2");
        assertError("{:a 1 :b}", 1, 9, "map key :b has no value");
        assertError("{:a 1 :a 2}", 1, 7, "duplicate map key :a");
        assertError("\n\n  \"abc", 3, 3, "unterminated string");
        assertError("[1 \"a\\qb\"]", 1, 6, "invalid escape");
        assertError("]", 1, 1, "unexpected ']'");
        assertError("[1 012]", 1, 4, "leading zeros");
        assertError("[1.2.3]", 1, 2, "invalid number");
        assertError("::a", 1, 1, "invalid keyword");
        assertError("#{1 1}", 1, 1, "duplicate set element 1");
        assertError("[#_]", 1, 2, "#_ with nothing after it");
        assertError("##Foo", 1, 1, "unknown symbolic value");
        assertError("{:a 1,\n :b \\bogus}", 2, 5, "invalid character literal");
        assertError("[a@b]", 1, 3, "invalid character '@'");
    }
}
