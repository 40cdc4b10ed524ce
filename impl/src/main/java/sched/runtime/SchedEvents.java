package sched.runtime;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JFR events of the scheduler, so a recording ({@code -XX:StartFlightRecording}) opens in JDK Mission Control
 * with goroutine creation, start, park, unpark, steals and syscalls on the timeline. When no recording is on,
 * {@code shouldCommit()} is false and the JIT removes the event objects.
 */
final class SchedEvents {
    private SchedEvents() {}

    @Name("sched.GoroutineCreate") @Label("Goroutine Create") @Category({"sched", "Goroutines"})
    @StackTrace(false)
    static final class Create extends Event {
        @Label("Goroutine") long goid;
        @Label("Parent") long parent;
        @Label("P") int p;
    }

    @Name("sched.GoroutineStart") @Label("Goroutine Start") @Category({"sched", "Goroutines"})
    @Description("An M starts (or resumes) running a goroutine") @StackTrace(false)
    static final class Start extends Event {
        @Label("Goroutine") long goid;
        @Label("M") int m;
        @Label("P") int p;
        @Label("Inherited time slice") boolean inherit;
    }

    @Name("sched.GoroutinePark") @Label("Goroutine Park") @Category({"sched", "Goroutines"}) @StackTrace(false)
    static final class Park extends Event {
        @Label("Goroutine") long goid;
        @Label("Reason") String reason;
    }

    @Name("sched.GoroutineUnpark") @Label("Goroutine Unpark") @Category({"sched", "Goroutines"}) @StackTrace(false)
    static final class Unpark extends Event {
        @Label("Goroutine") long goid;
        @Label("Readied by") long by;
    }

    @Name("sched.Steal") @Label("Steal") @Category({"sched", "Scheduler"}) @StackTrace(false)
    static final class Steal extends Event {
        @Label("Thief P") int thief;
        @Label("Victim P") int victim;
        @Label("Goroutine run") long goid;
    }

    @Name("sched.Syscall") @Label("Syscall") @Category({"sched", "Goroutines"})
    @Description("A goroutine in a blocking call made through Go.syscall") @StackTrace(false)
    static final class Syscall extends Event {
        @Label("Goroutine") long goid;
        @Label("P handed off") boolean lostP;
    }

    static void create(G gp, G parent, P p) {
        Create e = new Create();
        if (e.shouldCommit()) {
            e.goid = gp.goid;
            e.parent = parent == null ? 0 : parent.goid;
            e.p = p.id;
            e.commit();
        }
    }

    static void start(G gp, M m, boolean inherit) {
        Start e = new Start();
        if (e.shouldCommit()) {
            e.goid = gp.goid;
            e.m = m.id;
            e.p = m.p == null ? -1 : m.p.id;
            e.inherit = inherit;
            e.commit();
        }
    }

    static void park(G gp) {
        Park e = new Park();
        if (e.shouldCommit()) {
            e.goid = gp.goid;
            e.reason = String.valueOf(gp.waitreason);
            e.commit();
        }
    }

    static void unpark(G gp, M by) {
        Unpark e = new Unpark();
        if (e.shouldCommit()) {
            e.goid = gp.goid;
            e.by = by == null || by.curg == null ? 0 : by.curg.goid;
            e.commit();
        }
    }

    static void steal(P thief, P victim, G gp) {
        Steal e = new Steal();
        if (e.shouldCommit()) {
            e.thief = thief.id;
            e.victim = victim.id;
            e.goid = gp.goid;
            e.commit();
        }
    }
}
