package sched.traces;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixture spec {@code src/test/resources/traces/mini} (Mini: Put(w), Take, Flush; bug config Double) and one
 * corpus generated from it, made once per test JVM and shared by the tests that only read it.
 */
final class TracesTestSupport {
    static final Path MINI = Path.of("src/test/resources/traces/mini").toAbsolutePath();
    static final Path WORK = Path.of("target", "traces-test").toAbsolutePath();
    /** Random walks, coverage walks and depth of the shared corpus: short walks, so Flush needs an aimed walk. */
    static final int COUNT = 6;
    static final int COVERAGE = 2;
    static final int DEPTH = 2;

    private static Path corpus;

    private TracesTestSupport() {}

    static TraceGenerator.Options options(Path out, long seed, boolean bugs) {
        return new TraceGenerator.Options(MINI, MINI.resolve("MANIFEST.tsv"), List.of(), COUNT, COVERAGE, DEPTH, seed, out,
                bugs, WORK.resolve("work"), "256m", 100_000, "test", new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }

    /** The shared corpus (seed 1, with the bug config's counterexample). */
    static synchronized Path corpus() throws Exception {
        if (corpus == null) {
            Path out = WORK.resolve("mini-corpus");
            deleteTree(out);
            TraceGenerator.Result r = TraceGenerator.generate(options(out, 1, true));
            if (!r.problems().isEmpty()) throw new AssertionError("fixture corpus incomplete: " + r.problems());
            corpus = out;
        }
        return corpus;
    }

    static TraceValidator.Options validatorOptions() {
        return new TraceValidator.Options(MINI, WORK.resolve("work"), "256m");
    }

    static Path fresh(String name) throws IOException {
        Path p = WORK.resolve(name);
        deleteTree(p);
        Files.createDirectories(p);
        return p;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }
}
