package sched.runtime;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class GStatusTest {
    private final Sched sched = new GoRuntime(new Config()).sched;

    @Test void legalTransitionsGoThrough() {
        G g = new G(sched);
        g.casgstatus(G.IDLE, G.RUNNABLE);
        g.casgstatus(G.RUNNABLE, G.RUNNING);
        g.casgstatus(G.RUNNING, G.WAITING);
        g.casgstatus(G.WAITING, G.RUNNABLE);
        g.casgstatus(G.RUNNABLE, G.RUNNING);
        g.casgstatus(G.RUNNING, G.SYSCALL);
        g.casgstatus(G.SYSCALL, G.RUNNING);
        g.casgstatus(G.RUNNING, G.DEAD);
        g.casgstatus(G.DEAD, G.RUNNABLE);
        assertEquals(G.RUNNABLE, g.status());
    }

    @Test void anIllegalTransitionNamesBothStates() {
        G g = new G(sched);
        g.goid = 7;
        SchedulerError e = assertThrows(SchedulerError.class, () -> g.casgstatus(G.IDLE, G.WAITING));
        assertTrue(e.getMessage().contains("idle") && e.getMessage().contains("waiting"), e.getMessage());
        assertTrue(e.getMessage().contains("goroutine 7"), e.getMessage());
    }

    @Test void aStaleExpectedStateIsRefused() {
        G g = new G(sched);
        g.casgstatus(G.IDLE, G.RUNNABLE);
        SchedulerError e = assertThrows(SchedulerError.class, () -> g.casgstatus(G.WAITING, G.RUNNABLE));
        assertTrue(e.getMessage().contains("is runnable, expected waiting"), e.getMessage());
    }
}
