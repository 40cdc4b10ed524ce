package sched.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./sched history ...}: verdicts, exit codes, and one-line errors for bad input. */
class HistoryCommandTest {
    private static CliRun run(String... args) {
        return CliRun.of(List.of(), args);
    }

    static Path corpus() {
        List<Path> starts = new ArrayList<>();
        String root = System.getProperty("sched.root");
        if (root != null && !root.isBlank()) starts.add(Path.of(root).toAbsolutePath());
        starts.add(Path.of(System.getProperty("user.dir")).toAbsolutePath());
        for (Path s : starts) {
            for (Path p = s; p != null && p.getParent() != null; p = p.getParent()) {
                Path c = p.resolveSibling("shared").resolve("corpus").resolve("linearizability");
                if (Files.isRegularFile(c.resolve("MANIFEST.tsv"))) return c;
            }
        }
        fail("the shared linearizability corpus is missing: expected ../shared/corpus/linearizability next to the project root");
        return null;
    }

    private static void assertNoStackTrace(CliRun r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test void linearizableAndNot(@TempDir Path tmp) throws Exception {
        Path good = corpus().resolve("knossos/data/cas-register/good/cas-register-bug.edn");
        CliRun r = run("history", "check", good.toString(), "--model", "cas-register", "--init", "0");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("linearizable\n"), r.out());
        assertTrue(r.out().contains("6 operations (11 records)"), r.out());

        Path bad = corpus().resolve("knossos/data/cas-register/bad/rethink-fail-minimal.edn");
        Path window = tmp.resolve("window.edn");
        r = run("history", "check", bad.toString(), "--model", "cas-register init=0", "--window-out", window.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().startsWith("not linearizable\n"), r.out());
        assertTrue(r.out().contains("process 1 :read 3"), r.out());
        assertTrue(Files.readString(window).startsWith("{:verdict :not-linearizable"));
        // the window file is itself a readable history
        r = run("history", "check", window.toString(), "--model", "cas-register", "--init", "0");
        assertTrue(r.exit() == 0 || r.exit() == 1, r.err());

        Path kv = corpus().resolve("porcupine/test_data/kv/c01-ok.txt");
        r = run("history", "check", kv.toString(), "--model", "kv", "--format", "porcupine-kv-log");
        assertEquals(0, r.exit(), r.err());
        Path log = corpus().resolve("porcupine/test_data/jepsen/etcd_016.log");
        r = run("history", "check", log.toString(), "--model", "etcd-register");
        assertEquals(1, r.exit(), r.err());
    }

    @Test void timeLimitGivesUnknownAndExit3(@TempDir Path tmp) throws Exception {
        StringBuilder sb = new StringBuilder("[");
        for (int p = 0; p < 22; p++) sb.append("{:process ").append(p).append(" :type :invoke :f :write :value ").append(p).append("}\n");
        for (int p = 0; p < 22; p++) sb.append("{:process ").append(p).append(" :type :ok :f :write :value ").append(p).append("}\n");
        sb.append("{:process 99 :type :invoke :f :read} {:process 99 :type :ok :f :read :value 999}]");
        Path f = tmp.resolve("hard.edn");
        Files.writeString(f, sb);
        CliRun r = run("history", "check", f.toString(), "--model", "register", "--time-limit", "0.2");
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("unknown\n"), r.out());
    }

    @Test void badInputIsOneLineAndExit2(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("bad.edn");
        Files.writeString(f, "[{:process 0 :type :invoke :f :read}\n {:process 0 :type :ok :f :read :value [1 2}]\n");
        CliRun r = run("history", "check", f.toString(), "--model", "register");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("malformed EDN at " + f + ":2:"), r.err());
        assertNoStackTrace(r);

        r = run("history", "check", f.toString(), "--model", "regsiter");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown model 'regsiter'"), r.err());
        assertNoStackTrace(r);

        Files.writeString(f, "[{:process 0 :type :invoke :f :read}\n {:process 0 :type :invoke :f :read}]");
        r = run("history", "check", f.toString(), "--model", "register");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(f + ":2: process 0 invokes :read while its :read invoked at " + f + ":1 is still open"), r.err());
        assertNoStackTrace(r);

        Files.writeString(f, "[{:process 0 :type :ok :f :read :value 1}]");
        r = run("history", "check", f.toString(), "--model", "register");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("has no invocation in flight"), r.err());

        r = run("history", "check", tmp.resolve("missing.edn").toString(), "--model", "register");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no such file"), r.err());
        assertNoStackTrace(r);
    }

    @Test void recordQueueTortureThenCheck(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("runq.edn");
        CliRun r = run("history", "record", "queue-torture", "--ops", "3000", "--threads", "2", "-o", out.toString(), "--check");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("linearizable"), r.out());
        r = run("history", "check", out.toString(), "--model", "runq");
        assertEquals(0, r.exit(), r.out() + r.err());
        r = run("history", "record", "no-such-workload");
        assertEquals(2, r.exit());
        assertNoStackTrace(r);
    }

    /**
     * The workloads recorded by the runtime's own hooks. The hooks' switch is read once per JVM, when the runtime
     * first reports an event: in this test JVM another test may have run the runtime first with it off, and then
     * the command must say that nothing was recorded.
     */
    @Test void recordWithTheRuntimesHooksThenCheck(@TempDir Path tmp) throws Exception {
        for (String w : new String[] {"runq", "globrunq", "chan", "primes"}) {
            Path out = tmp.resolve(w + ".edn");
            CliRun r = run("history", "record", w, "--ops", "2000", "--threads", "2", "-o", out.toString(), "--check");
            assertEquals(0, r.exit(), r.out() + r.err());
            if (sched.runtime.HistoryHooks.ENABLED) {
                assertTrue(r.out().contains("\nlinearizable ("), r.out());
                String model = w.equals("runq") ? "runq-per-p" : w.equals("globrunq") ? "globrunq" : w.equals("chan") ? "chan init=2" : "chan init=0";
                assertTrue(r.out().contains("model " + model), r.out());
                r = run("history", "check", out.toString(), "--model", model);
                assertEquals(0, r.exit(), r.out() + r.err());
            } else {
                assertTrue(r.out().contains("recording off (-Dsched.record=false)"), r.out());
            }
        }
        CliRun bad = run("history", "record", "globrunq", "--strict-put-next");
        assertEquals(2, bad.exit(), bad.out() + bad.err());
        assertTrue(bad.err().contains("--strict-put-next applies to workload runq only"), bad.err());
    }

    @Test void corpusCommand(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("c");
        Files.createDirectories(dir);
        Files.copy(corpus().resolve("knossos/data/cas-register/bad/immediate-failure.edn"), dir.resolve("a.edn"));
        Files.copy(corpus().resolve("porcupine/test_data/kv/c01-ok.txt"), dir.resolve("b.txt"));
        String header = "path\tsource_repo\tsource_commit\tsource_path\tmodel\texpected\tformat\tops\n";
        Files.writeString(dir.resolve("MANIFEST.tsv"), header
                + "a.edn\tx\tx\tx\tcas-register init=0\tnot-linearizable\tknossos-edn\t4\n"
                + "b.txt\tx\tx\tx\tkv per-key string register init=\"\" (get/put/append)\tlinearizable\tporcupine-kv-log\t116\n");
        CliRun r = run("history", "corpus", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("2/2 verdicts agree"), r.out());
        Files.writeString(dir.resolve("MANIFEST.tsv"), header + "a.edn\tx\tx\tx\tcas-register init=0\tlinearizable\tknossos-edn\t4\n");
        r = run("history", "corpus", dir.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("0/1 verdicts agree"), r.out());
        r = run("history", "corpus", tmp.resolve("nowhere").toString());
        assertEquals(2, r.exit());
        assertNoStackTrace(r);
    }
}
