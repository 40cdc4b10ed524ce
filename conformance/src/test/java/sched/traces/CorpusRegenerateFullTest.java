package sched.traces;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The full regeneration check of the committed corpus: every trace from its seed, and every bug config's
 * counterexample through TLC ({@code ./sched traces --verify --bugs}). Several minutes: tag "long"
 * ({@code ./sched test -Plong}).
 */
@Tag("long")
class CorpusRegenerateFullTest {
    @Test
    void theWholeCorpusRegeneratesIdentically() throws Exception {
        TracesRegenerateTest.assumeCorpus();
        Path root = TracesRegenerateTest.root();
        CorpusVerifier.Report r = CorpusVerifier.verify(new CorpusVerifier.Options(root.resolve("traces"),
                root.resolve("spec"), root.resolve("spec/MANIFEST.tsv"), 0, true,
                Path.of("target", "traces-test", "regenerate-full").toAbsolutePath(), null, System.err));
        assertTrue(r.ok(), String.join("\n", r.mismatches()));
    }
}
