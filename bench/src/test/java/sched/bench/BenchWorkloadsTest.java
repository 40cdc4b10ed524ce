package sched.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every workload once, at a tiny size, on every peer: the checksum must be right. No timing is asserted.
 * Peers that cannot run here (the runtime's timer workloads before Go.sleep exists, Go without go on the PATH)
 * are skipped with the reason.
 */
class BenchWorkloadsTest {
    static Params tiny(Workload w) {
        return switch (w) {
            case SKYNET -> Params.of("n", 1_000, "div", 10);
            case PINGPONG -> Params.of("n", 1_000);
            case SPAWN -> Params.of("n", 1_000);
            case FANOUT -> Params.of("n", 15, "cutoff", 4);
            case IDLE_WAKEUP -> Params.of("n", 50, "consumers", 4, "sleepus", 50);
            case TIMERS -> Params.of("n", 200, "maxus", 1_000, "seed", 7);
        };
    }

    static Stream<Arguments> javaCases() {
        List<Arguments> out = new ArrayList<>();
        for (Workload w : Workload.values()) {
            for (Peer p : Peer.values()) {
                if (p.isJava() && w.supports(p)) out.add(Arguments.of(w, p));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("javaCases")
    void javaPeerComputesTheChecksum(Workload w, Peer peer) throws Exception {
        String why = Workloads.unavailable(w, peer);
        assumeTrue(why == null, () -> w.id + " on " + peer.id + ": " + why);
        Params p = tiny(w);
        for (int procs : new int[] {1, 2}) {
            assertEquals(w.expected(p), Workloads.run(w, peer, p, procs), w.id + " on " + peer.id + " @" + procs);
        }
    }

    static Stream<Workload> workloads() { return Stream.of(Workload.values()); }

    @ParameterizedTest(name = "{0} on go")
    @MethodSource("workloads")
    void goPeerComputesTheChecksum(Workload w) throws Exception {
        GoPeer go = goPeer();
        assumeTrue(go.available(), () -> "Go peer: " + go.status());
        Params p = tiny(w);
        List<String> cmd = new ArrayList<>(List.of(go.binary().toString(), w.id, "procs=2", "warmup=1",
                "warmupdiv=" + w.warmupDiv));
        cmd.addAll(List.of(p.toArgs()));
        Map<String, Object> r = runForResult(cmd);
        assertEquals(w.expected(p), ((Number) r.get("check")).longValue());
        assertTrue(((Number) r.get("rss_kb")).longValue() > 0);
    }

    /** The child-JVM protocol end to end: ChildMain prints a RESULT line the harness can read. */
    @Test
    void childJvmReportsOneResultLine() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED", "-Xss4m", "-cp", System.getProperty("java.class.path"),
                ChildMain.class.getName(), "skynet", "go-rt", "procs=2", "warmup=1", "warmupdiv=1", "n=100",
                "div=10"));
        Map<String, Object> r = runForResult(cmd);
        assertEquals(100L * 99 / 2, ((Number) r.get("check")).longValue());
        assertTrue(((Number) r.get("cpu_ns")).longValue() >= 0);
        assertNotNull(r.get("counters"), "this runtime's run reports its counters");
    }

    @Test
    void fanoutCountsItsGoroutines() {
        // fib(4) with cutoff 4: calls 4 (spawns), 3 and 2 below the cutoff: one goroutine.
        assertEquals(1, Workload.spawnedCalls(4, 4));
        assertEquals(1 + 1 + 0 + 0, Workload.spawnedCalls(5, 4)); // 5 -> 4 (spawns) and 3
    }

    private static GoPeer cached;

    private static synchronized GoPeer goPeer() {
        if (cached == null) {
            Path root = Path.of(System.getProperty("sched.root", "..")).toAbsolutePath().normalize();
            cached = GoPeer.build(root, System.err);
        }
        return cached;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> runForResult(List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process proc = pb.start();
        proc.getOutputStream().close();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(proc.waitFor(120, TimeUnit.SECONDS), "child finished");
        assertEquals(0, proc.exitValue(), out);
        String line = out.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b).orElse(null);
        assertNotNull(line, out);
        return (Map<String, Object>) Json.parse(line.substring(7));
    }
}
