package sched.runtime;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** TestStealOrder: for 1 to 64 Ps, every start and increment visits each P exactly once. */
class StealOrderTest {
    @Test void everyOrderVisitsEveryPExactlyOnce() {
        StealOrder ord = new StealOrder();
        for (int procs = 1; procs <= 64; procs++) {
            ord.reset(procs);
            int[] cop = ord.coprimes();
            if (procs >= 3) assertTrue(cop.length >= 2, "procs=" + procs + ": at least 2 coprimes");
            for (int k = 0; k < cop.length; k++) {
                for (int start = 0; start < procs; start++) {
                    int r = ord.drawFor(start, k, procs);
                    assertEquals(start, ord.start(r, procs));
                    assertEquals(cop[k], ord.inc(r, procs));
                    boolean[] seen = new boolean[procs];
                    int pos = ord.start(r, procs), inc = ord.inc(r, procs);
                    for (int i = 0; i < procs; i++, pos = (pos + inc) % procs) {
                        assertFalse(seen[pos], "procs=" + procs + " visits " + pos + " twice");
                        seen[pos] = true;
                    }
                }
            }
        }
    }

    @Test void negativeDrawsStillGiveValidOrders() {
        StealOrder ord = new StealOrder();
        ord.reset(7);
        int start = ord.start(-123456789, 7), inc = ord.inc(-123456789, 7);
        assertTrue(start >= 0 && start < 7);
        assertEquals(1, StealOrder.gcd(inc, 7));
    }
}
