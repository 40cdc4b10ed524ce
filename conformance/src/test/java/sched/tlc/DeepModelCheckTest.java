package sched.tlc;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * The deep configs of spec/MANIFEST.tsv (larger constants), in the bounded form CI can afford: each runs with
 * TLC's disk-backed settings for at most {@code sched.deep.seconds} (default 240) seconds with all cores. A
 * config passes when TLC finished with no violation, or ran out of its time budget without finding one (the
 * bounded form: every state explored in that time satisfies every invariant). A violation or a spec error fails.
 * {@code ./sched check --deep} runs them to the end.
 */
@Tag("long")
class DeepModelCheckTest {
    @TestFactory
    Stream<DynamicTest> deepConfigsFindNoViolationWithinTheirBudget() throws Exception {
        Path root = TlcRunner.projectRoot();
        Path manifest = root.resolve("spec").resolve("MANIFEST.tsv");
        assertTrue(Files.isRegularFile(manifest), "no " + manifest);
        SpecManifest m = SpecManifest.read(manifest);
        Duration budget = Duration.ofSeconds(Long.getLong("sched.deep.seconds", 240));
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        Path work = Path.of("target", "tlc-deep").toAbsolutePath();
        TlcChecks.Settings settings = new TlcChecks.Settings(workers, true, 0, null, budget, false, work,
                work.resolve("traces"));
        return m.entries().stream()
                .filter(e -> e.kind() == SpecManifest.Kind.DEEP)
                .map(e -> DynamicTest.dynamicTest(e.spec() + " " + e.configName(), () -> {
                    TlcChecks.Outcome o = TlcChecks.check(e, settings, TlcProgress.Listener.NONE);
                    TlcResult r = o.result();
                    String why = o.detail() + (r.errors().isEmpty() ? "" : "\n" + TlcChecks.formatErrors(r, root))
                            + (o.traceFile() == null ? "" : "\ncounterexample: " + o.traceFile());
                    assertNotEquals(TlcResult.Status.VIOLATION, r.status(), why);
                    assertNotEquals(TlcResult.Status.ERROR, r.status(), why);
                    assertTrue(r.distinctStates() > 0, "explored something: " + why);
                }));
    }
}
