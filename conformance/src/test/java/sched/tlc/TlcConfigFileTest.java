package sched.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;
import sched.tlc.value.TlaValueParser;

class TlcConfigFileTest {
    private static final String CFG = """
            \\* a comment mentioning PROPERTY Fake
            CONSTANTS
                Ms = {m1, m2}   (* model values *)
                Cap = 4
                Name = "INVARIANT"
                m1 = m1
                Impl <- ImplOp
            SPECIFICATION Spec
            INVARIANT TypeOK
            INVARIANTS Safe
                Accounting
            PROPERTIES Live1 Live2
            CHECK_DEADLOCK FALSE
            """;

    @Test
    void readsSections() throws Exception {
        TlcConfigFile c = TlcConfigFile.parse(CFG);
        assertEquals(List.of("TypeOK", "Safe", "Accounting"), c.invariants());
        assertEquals(List.of("Live1", "Live2"), c.properties());
        assertEquals(Boolean.FALSE, c.checkDeadlock());
        assertEquals(TlaValueParser.parse("{m1, m2}"), c.constants().get("Ms"));
        assertEquals(TlaValueParser.parse("4"), c.constants().get("Cap"));
        assertEquals(TlaValueParser.parse("\"INVARIANT\""), c.constants().get("Name"));
        assertEquals(TlaValueParser.parse("m1"), c.constants().get("m1"));
        assertFalse(c.constants().containsKey("Impl"), "substitutions are not values");
    }

    @Test
    void onlyProperty() {
        TlcConfigFile c = TlcConfigFile.parse(CFG);
        TlcConfigFile only = TlcConfigFile.parse(c.onlyProperty("Live2"));
        assertEquals(List.of("Live2"), only.properties());
        assertTrue(only.invariants().isEmpty());
        assertEquals(c.constants(), only.constants());
    }

    @Test
    void deadlockUnset() {
        assertNull(TlcConfigFile.parse("INIT Init NEXT Next").checkDeadlock());
    }
}
