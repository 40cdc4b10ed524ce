package sched.history.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared corpus of externally written histories (../shared/corpus/linearizability, next to the project
 * root): every file's verdict must agree with its MANIFEST row. Prints the time per history to the test output.
 */
class CorpusTest {
    /** The corpus directory: {@code sched.root} (set by Surefire) or the first ancestor of user.dir with it. */
    static Path corpusDir() {
        List<Path> tried = new ArrayList<>();
        String root = System.getProperty("sched.root");
        List<Path> starts = new ArrayList<>();
        if (root != null && !root.isBlank()) starts.add(Path.of(root).toAbsolutePath());
        starts.add(Path.of(System.getProperty("user.dir")).toAbsolutePath());
        for (Path start : starts) {
            for (Path p = start; p != null; p = p.getParent()) {
                Path c = p.resolveSibling("shared").resolve("corpus").resolve("linearizability");
                if (p.getParent() != null) {
                    tried.add(c);
                    if (Files.isRegularFile(c.resolve("MANIFEST.tsv"))) return c;
                }
            }
        }
        fail("the shared linearizability corpus is missing: expected ../shared/corpus/linearizability/MANIFEST.tsv next to"
                + " the project root (CI provides it); looked at " + tried);
        return null;
    }

    @Test void everyVerdictAgreesWithTheManifest() throws Exception {
        Manifest m = Manifest.read(corpusDir());
        assertTrue(m.rows().size() >= 180, "rows: " + m.rows().size());
        List<String> disagreements = new ArrayList<>();
        long total = 0;
        for (Manifest.Row row : m.rows()) {
            // generous per-file limit: the slowest file takes well under a second; UNKNOWN would be a failure
            CorpusRunner.Outcome o = CorpusRunner.checkOne(m.dir(), row, 60);
            total += o.millis();
            System.out.printf("%-60s %-16s %-16s %6d ms%n", row.path(), o.verdictText(), row.expected(), o.millis());
            if (!o.agrees()) disagreements.add(row.path() + ": " + o.verdictText() + ", expected " + row.expected()
                    + (o.error() != null ? " (" + o.error() + ")" : o.result().reason() != null ? " (" + o.result().reason() + ")" : ""));
        }
        System.out.printf("%d/%d agree, %d ms%n", m.rows().size() - disagreements.size(), m.rows().size(), total);
        assertEquals(List.of(), disagreements);
    }

    @Test void everyModelAndFormatOfTheManifestIsUnderstood() throws Exception {
        Manifest m = Manifest.read(corpusDir());
        for (Manifest.Row row : m.rows()) sched.history.model.Models.parse(row.model()).create();
    }
}
