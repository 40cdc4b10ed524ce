package sched.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sched.trace.Json;
import sched.trace.SpecHash;
import sched.trace.Trace;
import sched.trace.TraceReader;
import sched.trace.TraceSchema;

/** Runs the real TLC (a child JVM per run) on the fixture specs under src/test/resources/tlc/. */
class TlcRunnerTest {
    static final Path FIXTURES = Path.of("src/test/resources/tlc").toAbsolutePath();
    static final Path TOY = FIXTURES.resolve("toy/Toy.tla");

    @TempDir Path work;

    private TlcRunner runner(Path spec, Path cfg) {
        return new TlcRunner(spec, cfg).workRoot(work).workers(1).maxHeap("256m");
    }

    @Test
    void passingSpec() throws Exception {
        List<TlcProgress> progress = new ArrayList<>();
        TlcRunner r = runner(TOY, FIXTURES.resolve("toy/Toy.ci.cfg")).listener(progress::add);
        assertEquals("Toy", r.specName());
        assertEquals("ci", r.configName());
        TlcResult res = r.run();
        assertEquals(TlcResult.Status.OK, res.status(), () -> res.errors().toString());
        assertEquals(60, res.distinctStates());
        assertEquals(89, res.statesGenerated());
        assertTrue(res.depth() > 0);
        assertEquals(0, res.exitCode());
        assertEquals("2.18", res.tlcVersion());
        assertTrue(res.workDir().startsWith(work));
        assertTrue(res.workDir().getFileName().toString().startsWith("Toy-ci-"));
        assertTrue(Files.exists(res.workDir().resolve("tlc.out")));
        assertFalse(Files.exists(res.workDir().resolve("meta")), "the metadir is removed after the run");
        assertFalse(progress.isEmpty());
        // nothing is written next to the spec
        try (var s = Files.list(FIXTURES.resolve("toy"))) {
            assertTrue(s.allMatch(p -> p.getFileName().toString().matches("Toy\\..*|[A-Z]+\\.tsv")), "fixture dir untouched");
        }
    }

    @Test
    void invariantViolationGivesNamedPropertyCounterexampleAndTrace() throws Exception {
        Path cfg = FIXTURES.resolve("toy/Toy.bug-Skip.cfg");
        TlcResult res = runner(TOY, cfg).run();
        assertEquals(TlcResult.Status.VIOLATION, res.status());
        assertEquals(Violation.Kind.INVARIANT, res.violation().kind());
        assertEquals("Bounded", res.violation().property());
        // Init, Start, Work (count 2), Start, Work (count 4 > Max): the shortest behaviour, found by BFS
        assertEquals(5, res.counterexample().size());
        assertEquals(List.of("Init", "Start", "Work", "Start", "Work"),
                res.counterexample().stream().map(TraceState::action).toList());

        TraceDeriver.Derived d = TraceDeriver.derive(res, "Toy", cfg.getFileName().toString());
        assertEquals(List.of("count", "pc", "log"), d.variables(), "declaration order");
        assertEquals(List.of("Start", "Work"), d.actions());
        assertEquals(5, d.steps().size(), () -> String.valueOf(d.problem()));
        assertEquals(Json.object().put("m", "m1").build(), d.steps().get(1).args());

        Trace t = Counterexamples.toTrace(res, d, "Toy", SpecHash.of(TOY), "bug-Skip", TlcConfigFile.read(cfg));
        Path file = work.resolve("cex.ndjson");
        sched.trace.TraceWriter.write(file, t);
        Trace back = TraceReader.read(file, new TraceSchema("Toy", SpecHash.of(TOY), List.of("count", "pc", "log"),
                Set.of("Start", "Work")));
        assertEquals(4, back.length());
        assertEquals(Json.of(4), back.steps().getLast().state().get("count"));
        assertEquals("{\"property\":\"Bounded\",\"kind\":\"invariant\"}", back.header().extra().get("violation").toText());
        assertEquals("[\"m1\",\"m2\"]", back.header().constants().get("Ms").toText());
        String table = Counterexamples.stepTable(back);
        assertTrue(table.contains("Work(m=m1)"), table);
        assertTrue(table.contains("count = 4"), table);
    }

    @Test
    void temporalViolationIsNamedByCheckingEachProperty() throws Exception {
        Path cfg = FIXTURES.resolve("toy/Toy.bug-Never.cfg");
        SpecManifest.Entry e = new SpecManifest.Entry("Toy", TOY, cfg, "bug-Never", SpecManifest.Kind.BUG, "Never",
                "Never", "", 0);
        TlcChecks.Settings s = new TlcChecks.Settings(1, false, 0, "256m", null, false, work, work.resolve("traces"));
        TlcChecks.Outcome o = TlcChecks.check(e, s, TlcProgress.Listener.NONE);
        assertEquals(Violation.Kind.TEMPORAL, o.result().violation().kind());
        assertEquals("Never", o.result().violation().property());
        assertEquals(TlcChecks.Verdict.PASS, o.verdict(), o.detail());
        assertNotNull(o.traceFile());
        Trace t = TraceReader.read(o.traceFile());
        assertTrue(t.header().extra().containsKey("stuttering") || t.header().extra().containsKey("loop"),
                t.header().toJson().toText());
    }

    private static TlcError singleError(TlcResult res) {
        assertEquals(TlcResult.Status.ERROR, res.status());
        assertFalse(res.errors().isEmpty());
        return res.errors().getFirst();
    }

    @Test
    void syntaxErrorNamesFileAndLine() throws Exception {
        Path spec = FIXTURES.resolve("broken/Broken.tla");
        TlcResult res = runner(spec, FIXTURES.resolve("broken/Broken.cfg")).run();
        TlcError e = singleError(res);
        assertEquals(150, res.exitCode());
        assertEquals(spec, e.file(), "the original file, not the run's copy");
        assertEquals(9, e.line(), e.toString());
        assertTrue(e.format(FIXTURES).startsWith("broken/Broken.tla:9: parse error"), e.format(FIXTURES));
        assertTrue(e.message().startsWith("parse error"), e.message());
    }

    @Test
    void semanticErrorNamesFileAndLine() throws Exception {
        Path spec = FIXTURES.resolve("undefined/Undefined.tla");
        TlcResult res = runner(spec, FIXTURES.resolve("undefined/Undefined.cfg")).run();
        TlcError e = singleError(res);
        assertEquals(spec, e.file());
        assertEquals(7, e.line());
        assertTrue(e.message().contains("Unknown operator") && e.message().contains("step"), e.message());
    }

    @Test
    void typeErrorNamesFileAndLine() throws Exception {
        Path spec = FIXTURES.resolve("typeerror/Typed.tla");
        TlcResult res = runner(spec, FIXTURES.resolve("typeerror/Typed.cfg")).run();
        TlcError e = singleError(res);
        assertEquals(spec, e.file());
        assertEquals(8, e.line(), e.toString());
        assertTrue(e.message().contains("StringValue") || e.message().contains("string"), e.message());
        assertTrue(e.toString().startsWith(spec + ":8: "), e.toString());
    }

    @Test
    void timeLimitStopsTheRun() throws Exception {
        // one millisecond: the child JVM cannot even start TLC in that time
        TlcResult res = runner(TOY, FIXTURES.resolve("toy/Toy.ci.cfg")).timeout(java.time.Duration.ofMillis(1)).run();
        assertEquals(TlcResult.Status.TIMEOUT, res.status());
    }

    @Test
    void configErrorNamesTheConfigLine() throws Exception {
        Path cfg = work.resolve("Toy.wrong.cfg");
        Files.writeString(cfg, Files.readString(FIXTURES.resolve("toy/Toy.ci.cfg")).replace("INVARIANTS TypeOK Bounded",
                "INVARIANTS TypeOK\n    NoSuchInvariant"));
        TlcResult res = runner(TOY, cfg).run();
        TlcError e = singleError(res);
        assertEquals(cfg.toAbsolutePath().normalize(), e.file());
        assertEquals(8, e.line(), e.toString());
    }
}
