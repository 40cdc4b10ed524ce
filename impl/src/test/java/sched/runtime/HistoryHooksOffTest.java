package sched.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recording off costs nothing: with {@code -Dsched.record} unset (production, and this module's tests) no hook can
 * be installed, and C2 compiles the global queue's and the P run queue's operations without the hook calls at all. The second claim is
 * checked on C2's own inlining report: a child JVM runs {@link HookLoop} (the hot put/get loop) with
 * {@code -XX:+PrintInlining}; with recording off the report lists GlobalRunq's methods inlined and never mentions
 * HistoryHooks (the guarded calls were folded away before inlining was even considered); with recording on the
 * same loop's report does inline {@code HistoryHooks::event}.
 */
class HistoryHooksOffTest {
    @Test void offByDefaultAndNoHookCanBeInstalled() {
        assertFalse(HistoryHooks.ENABLED, "impl's tests run without -Dsched.record");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> HistoryHooks.install((obj, process, type, f, value) -> { }));
        assertTrue(e.getMessage().contains("-Dsched.record=true"), e.getMessage());
        HistoryHooks.install(null); // removing is always allowed
    }

    /** The hot loop: 128 globrunqput then 128 globrunqget of one G, many times. */
    static final class HookLoop {
        public static void main(String[] args) {
            GoRuntime rt = new GoRuntime(new Config().gomaxprocs(1));
            P pp = new P(rt.sched, 0);
            G[] gs = new G[128];
            for (int i = 0; i < gs.length; i++) gs[i] = new G(rt.sched);
            GlobalRunq q = new GlobalRunq();
            if (HistoryHooks.ENABLED) HistoryHooks.install((obj, process, type, f, value) -> { });
            long n = 0;
            for (int round = 0; round < 100_000; round++) {
                for (G g : gs) q.globrunqput(g);
                for (int i = 0; i < gs.length; i++) if (q.globrunqget(pp, 1, 1) != null) n++;
            }
            System.out.println("gets " + n);
        }
    }

    /**
     * The P run queue's hot loop, on one thread: the owner puts 128 Gs (every other one through runnext, which
     * kicks the previous one to the ring), a thief P steals half, and both drain their queues; every G comes
     * back once per round (the steal returns one, the gets the rest).
     */
    static final class RunqLoop {
        public static void main(String[] args) {
            GoRuntime rt = new GoRuntime(new Config().gomaxprocs(2));
            P owner = new P(rt.sched, 0), thief = new P(rt.sched, 1);
            G[] gs = new G[128];
            for (int i = 0; i < gs.length; i++) gs[i] = new G(rt.sched);
            if (HistoryHooks.ENABLED) HistoryHooks.install((obj, process, type, f, value) -> { });
            long n = 0;
            for (int round = 0; round < 100_000; round++) {
                for (int i = 0; i < gs.length; i++) owner.runqput(gs[i], (i & 1) == 0);
                if (thief.runqsteal(owner, false, null) != null) n++;
                while (owner.runqget() != null) n++;
                while (thief.runqget() != null) n++;
            }
            System.out.println("gets " + n);
        }
    }

    private static String inliningReport(Class<?> loop, boolean record) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Dsched.record=" + record,
                "-XX:+UnlockDiagnosticVMOptions", "-XX:+PrintInlining", "-XX:-TieredCompilation",
                "-cp", System.getProperty("java.class.path"), loop.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("gets 12800000"), out);
        return out;
    }

    @Test void c2CompilesTheGlobalQueueWithoutTheHooksWhenOff() throws Exception {
        String off = inliningReport(HookLoop.class, false);
        assertTrue(off.contains("GlobalRunq::globrunqput"), "C2 compiled the loop:\n" + off);
        assertFalse(off.contains("HistoryHooks::"), "no hook call survives in the compiled code:\n" + off);
        String on = inliningReport(HookLoop.class, true);
        assertTrue(on.contains("HistoryHooks::event"), "with recording on the hook call is compiled in:\n" + on);
    }

    @Test void c2CompilesThePRunQueueWithoutTheHooksWhenOff() throws Exception {
        String off = inliningReport(RunqLoop.class, false);
        for (String m : List.of("P::runqput", "P::runqget", "P::runqsteal", "P::runqgrab")) {
            assertTrue(off.contains(m), "C2 compiled " + m + ":\n" + off);
        }
        assertFalse(off.contains("HistoryHooks::"), "no hook call survives in the compiled code:\n" + off);
        String on = inliningReport(RunqLoop.class, true);
        assertTrue(on.contains("HistoryHooks::event") && on.contains("HistoryHooks::mProcess"),
                "with recording on the hook calls are compiled in:\n" + on);
        assertTrue(on.contains("P::goids"), "and the batches' id lists:\n" + on);
    }
}
