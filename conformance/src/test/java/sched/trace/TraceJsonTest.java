package sched.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class TraceJsonTest {

    @Test
    void roundTrip() throws Exception {
        String text = "{\"a\":[1,-2.5,3e2,true,false,null],\"b\":{\"c\":\"x\\\"y\\\\z\\n\\u0001\"},\"d\":[]}";
        Json v = JsonReader.parse(text);
        assertEquals(text.replace("3e2", "300"), v.toText());
        assertEquals(v, JsonReader.parse(v.toText()));
    }

    @Test
    void keysKeepTheirOrder() throws Exception {
        Json.JObject o = (Json.JObject) JsonReader.parse("{\"z\":1,\"a\":2,\"m\":3}");
        assertEquals(List.of("z", "a", "m"), List.copyOf(o.fields().keySet()));
    }

    @Test
    void numbersCompareByValue() throws Exception {
        assertEquals(JsonReader.parse("1.0"), JsonReader.parse("1"));
        assertEquals(new Json.JNumber(new BigDecimal("1.50")).hashCode(), new Json.JNumber(new BigDecimal("1.5")).hashCode());
    }

    @Test
    void theReadersQuickPathsReadWhatTheGeneralOnesRead() throws Exception {
        // Integers of up to 18 characters are read as longs, longer ones and decimals as text: same values.
        for (String n : List.of("0", "-0", "7", "-12", "123456789012345678", "-12345678901234567",
                "1234567890123456789", "99999999999999999999", "1.50", "1e3", "-2E-2")) {
            Json j = JsonReader.parse(n);
            assertEquals(new BigDecimal(n), ((Json.JNumber) j).value(), n);
            assertEquals(new BigDecimal(n).toPlainString(), j.toText(), n);
        }
        // Strings without escapes are substrings; with escapes, decoded; control characters refused.
        assertEquals(Json.of("a\"b"), JsonReader.parse("\"a\\\"b\""));
        assertEquals(Json.of("plain"), JsonReader.parse("\"plain\""));
        assertThrows(JsonReader.JsonSyntaxException.class, () -> JsonReader.parse("\"a\u0001\""));
        // A read object (handed over, not copied) equals a built one, either way, with the same hash; unmodifiable.
        Json.JObject read = (Json.JObject) JsonReader.parse("{\"a\":1,\"b\":[\"x\"]}");
        Json.JObject built = Json.object().put("a", 1).put("b", Json.array(Json.of("x"))).build();
        assertEquals(built, read);
        assertEquals(read, built);
        assertEquals(built.hashCode(), read.hashCode());
        assertEquals(read, new Json.JObject(read.fields()));
        assertThrows(UnsupportedOperationException.class, () -> read.fields().put("c", Json.NULL));
        assertThrows(UnsupportedOperationException.class, () -> read.fields().entrySet().clear());
    }

    @Test
    void unicodeEscapes() throws Exception {
        assertEquals(new Json.JString("é☃"), JsonReader.parse("\"\\u00e9\\u2603\""));
        assertEquals("\"é\"", Json.of("é").toText());
    }

    @Test
    void malformedInputNamesTheColumn() {
        record Bad(String text, int column, String fragment) {}
        for (Bad b : List.of(
                new Bad("{\"a\":1,}", 8, "expected a string key"),
                new Bad("[1 2]", 4, "expected ',' or ']'"),
                new Bad("{\"a\" 1}", 6, "expected ':'"),
                new Bad("\"abc", 5, "unterminated string"),
                new Bad("tru", 1, "invalid literal"),
                new Bad("01", 2, "unexpected text"),
                new Bad("{\"a\":1,\"a\":2}", 8, "duplicate key"),
                new Bad("\"\\x\"", 3, "invalid escape"),
                new Bad("", 1, "unexpected end"),
                new Bad("[1,", 4, "unexpected end"))) {
            JsonReader.JsonSyntaxException e = assertThrows(JsonReader.JsonSyntaxException.class, () -> JsonReader.parse(b.text()), b.text());
            assertTrue(e.getMessage().contains(b.fragment()), b.text() + " -> " + e.getMessage());
            assertEquals(b.column(), e.column(), b.text() + " -> " + e.getMessage());
        }
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        assertThrows(JsonReader.JsonSyntaxException.class, () -> JsonReader.parse(deep));
    }
}
