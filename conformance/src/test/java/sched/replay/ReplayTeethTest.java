package sched.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import sched.tlc.SpecManifest;
import sched.tlc.TlcRunner;
import sched.trace.Trace;

/**
 * Teeth: for every bug switch (a {@code bug} row of {@code spec/MANIFEST.tsv}, or a {@code X.bug-Name.cfg} when
 * there is no manifest), its counterexample trace, replayed against the correct Java, must diverge exactly at the
 * step where the bug acts. That step is found independently of the Java: it is the first step of the trace that is
 * not a step of the same spec with the switch off (TLC's evaluator, {@link SpecOracle#firstNonStep}). The trace
 * comes from the corpus ({@code traces/<Spec>/}, the file whose header names the config) or, without a corpus,
 * from the run of {@code CheckManifestTest} ({@code target/tlc-manifest/traces/}); with neither, the row is
 * skipped with the reason.
 */
class ReplayTeethTest {

    @TestFactory
    Stream<DynamicTest> everyBugSwitchDivergesWhereTheBugActs() throws Exception {
        Path root = TlcRunner.projectRoot();
        Path specDir = root.resolve("spec");
        if (!Files.isDirectory(specDir)) {
            return Stream.of(DynamicTest.dynamicTest("spec/", () -> assumeTrue(false,
                    "no spec/ yet: the specs and their bug switches are written on branch 'spec'")));
        }
        Path manifest = specDir.resolve("MANIFEST.tsv");
        SpecManifest m = Files.isRegularFile(manifest) ? SpecManifest.read(manifest) : SpecManifest.discover(specDir);
        Path work = Path.of("target", "replay-teeth").toAbsolutePath();
        return m.entries().stream().filter(e -> e.kind() == SpecManifest.Kind.BUG)
                .map(e -> DynamicTest.dynamicTest(e.spec() + " " + e.configName(), () -> {
                    assumeTrue(ReplayDriver.SPECS.contains(e.spec()), "replay of " + e.spec()
                            + " is not implemented (docs/REPLAY.md): its switch has no teeth test yet");
                    Path trace = corpusTrace(root, e);
                    if (trace == null) {
                        // CheckManifestTest leaves TLC's counterexample here; running TLC again can take minutes.
                        Path checked = Path.of("target", "tlc-manifest", "traces", e.spec() + "-" + e.configName() + ".ndjson");
                        trace = Files.isRegularFile(checked) ? checked : null;
                    }
                    assumeTrue(trace != null, "no counterexample of " + e.configName() + " yet: neither in the corpus"
                            + " (traces/" + e.spec() + "/) nor from CheckManifestTest");
                    Trace t = ReplayInput.read(trace, specDir);
                    Path clean = bugFree(e.configFile(), work);
                    int acts = SpecOracle.firstNonStep(specDir, e.spec(), clean, trace);
                    assertTrue(acts > 0, trace + ": every step is a step of the spec without the switch: the bug"
                            + " never acts in this trace");
                    ReplayDriver.Outcome o = ReplayDriver.replay(trace, t);
                    assertNotNull(o.divergence(), trace + ": the correct Java follows the bug's trace to its end");
                    assertEquals(acts, o.divergence().step(), "the Java must part from " + trace + " at step " + acts
                            + " (" + t.steps().get(acts).action() + "), where the bug acts; it parted at:\n"
                            + o.divergence().format(trace));
                }));
    }

    /** The corpus trace of a bug config: a file under traces/<Spec>/ whose header names the config. */
    private static Path corpusTrace(Path root, SpecManifest.Entry e) throws Exception {
        Path dir = root.resolve("traces").resolve(e.spec());
        if (!Files.isDirectory(dir)) return null;
        for (Path f : ReplayInput.files(List.of(dir))) {
            if (f.getFileName().toString().endsWith(".gz")) continue;
            String first = Files.readAllLines(f).getFirst();
            if (first.contains("\"config\":\"" + e.configName() + "\"")) return f;
        }
        return null;
    }

    /** The bug config with every switch off ({@code Bugs = {}}), written next to the run's files. */
    static Path bugFree(Path cfg, Path work) throws Exception {
        String text = Files.readString(cfg);
        String clean = text.replaceAll("(?m)^(\\s*Bugs\\s*=\\s*)\\{[^}]*\\}", "$1{}");
        assertTrue(!clean.equals(text) || text.contains("Bugs = {}"), cfg + " sets no Bugs constant");
        Files.createDirectories(work);
        Path out = work.resolve(cfg.getFileName().toString().replace(".cfg", ".bugfree.cfg"));
        Files.writeString(out, clean);
        return out;
    }
}
