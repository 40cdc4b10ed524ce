package sched.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The project's own specs: every ci config listed in {@code <root>/spec/MANIFEST.tsv} must hold, and every bug
 * switch must violate exactly the property the manifest names. One dynamic test per manifest row. TLC runs with
 * {@code -workers 1} unless the system property {@code sched.tlc.workers} says otherwise.
 */
class CheckManifestTest {

    @TestFactory
    Stream<DynamicTest> everyCiConfigHoldsAndEverySwitchIsCaught() throws Exception {
        Path root = TlcRunner.projectRoot();
        Path manifest = root.resolve("spec").resolve("MANIFEST.tsv");
        if (!Files.isRegularFile(manifest)) {
            // reported as one skipped test, with the reason
            return Stream.of(DynamicTest.dynamicTest("spec/MANIFEST.tsv", () -> assumeTrue(false,
                    "no " + manifest + " yet: the specs and their manifest are written on branch 'spec'")));
        }
        SpecManifest m = SpecManifest.read(manifest);
        int workers = Integer.getInteger("sched.tlc.workers", 1);
        Path work = Path.of("target", "tlc-manifest").toAbsolutePath();
        TlcChecks.Settings settings = new TlcChecks.Settings(workers, false, 0, null, null, false, work,
                work.resolve("traces"));
        EnumSet<SpecManifest.Kind> kinds = EnumSet.of(SpecManifest.Kind.CI, SpecManifest.Kind.BUG);
        return m.entries().stream()
                .filter(e -> kinds.contains(e.kind()))
                .map(e -> DynamicTest.dynamicTest(e.spec() + " " + e.configName() + " (manifest line " + e.line() + ")", () -> {
                    TlcChecks.Outcome o = TlcChecks.check(e, settings, TlcProgress.Listener.NONE);
                    String why = o.detail() + (o.result().errors().isEmpty() ? ""
                            : "\n" + TlcChecks.formatErrors(o.result(), root))
                            + (o.traceFile() == null ? "" : "\ncounterexample: " + o.traceFile());
                    assertEquals(TlcChecks.Verdict.PASS, o.verdict(), why);
                    if (e.expectsViolation()) {
                        assertEquals(e.expectedProperty(), o.result().violation().property(), why);
                    }
                }));
    }
}
