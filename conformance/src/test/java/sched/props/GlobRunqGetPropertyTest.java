package sched.props;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The GlobRunqGet action property on hand-made steps: Go's batch passes, a batch one too large or small fails. */
class GlobRunqGetPropertyTest {
    /** Two Ps, m1 on p1; the global queue holds {@code globq}; after the step p1's ring and m1's pick are given. */
    private static Map<String, Object> state(List<String> globq, List<String> ring, String picked) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("globq", globq);
        s.put("runq", Map.of("p1", ring, "p2", List.of()));
        s.put("mp", Map.of("m1", "p1"));
        s.put("mnextg", Map.of("m1", picked));
        return s;
    }

    private static final Map<String, Object> BEFORE = state(List.of("g1", "g2", "g3", "g4", "g5"), List.of(), "none");

    @Test
    void goBatchPasses() {
        // s = 5, NP = 2: min(5, 5/2 + 1 = 3, Cap/2); Cap 4 gives 2, Cap 8 gives 3, Cap 2 gives 1.
        assertEquals(List.of(), SpinningInvariants.globRunqGet("m1", 4, BEFORE,
                state(List.of("g3", "g4", "g5"), List.of("g2"), "g1")));
        assertEquals(List.of(), SpinningInvariants.globRunqGet("m1", 8, BEFORE,
                state(List.of("g4", "g5"), List.of("g2", "g3"), "g1")));
        assertEquals(List.of(), SpinningInvariants.globRunqGet("m1", 2, BEFORE,
                state(List.of("g2", "g3", "g4", "g5"), List.of(), "g1")));
    }

    @Test
    void aWrongBatchFails() {
        List<String> tooMany = SpinningInvariants.globRunqGet("m1", 4, BEFORE,
                state(List.of("g4", "g5"), List.of("g2", "g3"), "g1"));
        assertTrue(tooMany.size() == 2 && tooMany.getFirst().contains("expected its first 2 taken"), tooMany::toString);
        List<String> tooFew = SpinningInvariants.globRunqGet("m1", 8, BEFORE,
                state(List.of("g3", "g4", "g5"), List.of("g2"), "g1"));
        assertTrue(tooFew.getFirst().contains("expected its first 3 taken"), tooFew::toString);
        List<String> wrongPick = SpinningInvariants.globRunqGet("m1", 2, BEFORE,
                state(List.of("g2", "g3", "g4", "g5"), List.of(), "g2"));
        assertEquals(1, wrongPick.size(), wrongPick::toString);
    }
}
