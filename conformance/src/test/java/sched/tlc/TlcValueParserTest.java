package sched.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import sched.tlc.value.TlaFormat;
import sched.tlc.value.TlaValue;
import sched.tlc.value.TlaValueParser;

class TlcValueParserTest {

    private static TlaValue p(String s) throws TlaValueParser.ParseException {
        return TlaValueParser.parse(s);
    }

    private static String json(String s) throws TlaValueParser.ParseException {
        return TlaFormat.toJson(p(s)).toText();
    }

    @Test
    void scalars() throws Exception {
        assertEquals(TlaValue.integer(42), p("42"));
        assertEquals(TlaValue.integer(-7), p(" -7 "));
        assertEquals(TlaValue.bool(true), p("TRUE"));
        assertEquals(TlaValue.bool(false), p("FALSE"));
        assertEquals(TlaValue.str("none"), p("\"none\""));
        assertEquals(TlaValue.str("a \"q\" \\ b"), p("\"a \\\"q\\\" \\\\ b\""));
        assertEquals(TlaValue.model("m1"), p("m1"));
        assertNotEquals(p("m1"), p("\"m1\""), "a model value is not the string of its name");
    }

    @Test
    void sequencesAndTuples() throws Exception {
        assertEquals(TlaValue.seq(List.of()), p("<<>>"));
        assertEquals(TlaValue.seq(List.of(TlaValue.model("p1"), TlaValue.integer(2))), p("<<p1, 2>>"));
        assertEquals("[[1,2],[]]", json("<< <<1, 2>>, <<>> >>"));
    }

    @Test
    void setsAreSortedAndDeduplicated() throws Exception {
        assertEquals(p("{1, 2, 3}"), p("{3, 1, 2, 1}"));
        assertEquals("[1,2,3]", json("{3, 2, 1}"));
        assertEquals("[\"g1\",\"g2\"]", json("{g2, g1}"));
        assertEquals(p("{1, 2, 3}"), p("1..3"));
        assertEquals("[]", json("{}"));
    }

    @Test
    void records() throws Exception {
        TlaValue r = p("[b |-> {\"s\"}, a |-> 1]");
        assertInstanceOf(TlaValue.Rec.class, r);
        assertEquals("{\"a\":1,\"b\":[\"s\"]}", TlaFormat.toJson(r).toText());
        assertEquals("[a |-> 1, b |-> {\"s\"}]", TlaFormat.format(r));
    }

    @Test
    void functionsOverModelValuesBecomeObjects() throws Exception {
        TlaValue f = p("(p1 :> \"none\" @@ p2 :> <<g1, g2>>)");
        assertInstanceOf(TlaValue.Fcn.class, f);
        assertEquals("{\"p1\":\"none\",\"p2\":[\"g1\",\"g2\"]}", TlaFormat.toJson(f).toText());
        assertEquals(f, p("(p2 :> <<g1, g2>> @@ p1 :> \"none\")"), "order of the pairs does not matter");
        assertEquals("(p1 :> \"none\" @@ p2 :> <<g1, g2>>)", TlaFormat.format(f));
    }

    @Test
    void functionsNormalise() throws Exception {
        // a function over 1..n is a sequence, one over strings a record
        assertEquals(p("<<\"a\", \"b\">>"), p("(1 :> \"a\" @@ 2 :> \"b\")"));
        assertEquals(p("[x |-> 1]"), p("(\"x\" :> 1)"));
        // other integer domains stay functions, keyed by the number in JSON
        assertEquals("{\"0\":true,\"2\":false}", json("(0 :> TRUE @@ 2 :> FALSE)"));
        // tuple keys are written in TLC syntax
        assertEquals("{\"<<p1, 1>>\":3}", json("(<<p1, 1>> :> 3)"));
        assertEquals(TlaValue.integer(5), p("(5)"));
    }

    @Test
    void nestedAndMultiLine() throws Exception {
        String text = """
                [ runq |-> (p1 :> <<g1, g2>> @@
                            p2 :> <<>>),
                  pidle |-> <<p2>>,
                  npidle |-> 1 ]""";
        assertEquals("{\"npidle\":1,\"pidle\":[\"p2\"],\"runq\":{\"p1\":[\"g1\",\"g2\"],\"p2\":[]}}", json(text));
    }

    @Test
    void orderIsTotalAcrossKinds() throws Exception {
        assertEquals("[false,1,\"s\",\"m\",[1],[2],{\"a\":1}]", json("{m, \"s\", 1, FALSE, {2}, <<1>>, [a |-> 1]}"));
    }

    @Test
    void states() throws Exception {
        Map<String, TlaValue> s = TlaValueParser.parseState("""
                /\\ owner = (p1 :> 0 @@ p2 :> "none")
                /\\ q = <<p1,
                      p2>>
                /\\ x = 1
                """);
        assertEquals(List.of("owner", "q", "x"), List.copyOf(s.keySet()));
        assertEquals(p("<<p1, p2>>"), s.get("q"));
        Map<String, TlaValue> single = TlaValueParser.parseState("x = 0\n");
        assertEquals(Map.of("x", TlaValue.integer(0)), single);
    }

    @Test
    void errorsAndLeniency() {
        assertThrows(TlaValueParser.ParseException.class, () -> p("<<1, 2"));
        assertThrows(TlaValueParser.ParseException.class, () -> p("{1,, 2}"));
        assertThrows(TlaValueParser.ParseException.class, () -> p("[a |-> 1, a |-> 2]"));
        assertThrows(TlaValueParser.ParseException.class, () -> p("\"open"));
        assertThrows(TlaValueParser.ParseException.class, () -> p("1 2"));
        TlaValue lenient = TlaValueParser.parseLenient("[x \\in {1,2} |-> x]");
        assertInstanceOf(TlaValue.Opaque.class, lenient);
        assertEquals("\"[x \\\\in {1,2} |-> x]\"", TlaFormat.toJson(lenient).toText());
    }
}
