package sched.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sched.tlc.value.TlaValueParser;

/** The -tool output parser and result collector on canned TLC 2.18 output (no TLC run). */
class TlcOutputParserTest {
    @TempDir Path tmp;
    Path orig;
    Path copy;
    SpecFiles files;
    final AtomicLong clock = new AtomicLong();

    @BeforeEach
    void dirs() throws IOException {
        orig = Files.createDirectories(tmp.resolve("spec"));
        copy = Files.createDirectories(tmp.resolve("run/spec"));
        files = new SpecFiles(orig, copy, orig.resolve("M.cfg"), copy.resolve("M.cfg"));
    }

    private static String msg(int code, int sev, String body) {
        return "@!@!@STARTMSG " + code + ":" + sev + " @!@!@\n" + body + "\n@!@!@ENDMSG " + code + " @!@!@\n";
    }

    private TlcResult collect(String output, int exit, List<TlcProgress> progress) {
        TlcRunCollector c = new TlcRunCollector(files, progress::add, clock::get);
        for (String line : output.split("\n", -1)) {
            clock.addAndGet(1_000_000_000L);
            c.stdoutLine(line);
        }
        return c.finish(exit, false, tmp.resolve("run"));
    }

    @Test
    void framingNestedMessagesAndMarkersMidLine() {
        List<TlcMessage> got = new ArrayList<>();
        List<String> unframed = new ArrayList<>();
        TlcOutputParser p = new TlcOutputParser(got::add, unframed::add);
        for (String l : List.of("Parsing file /a/M.tla", "@!@!@STARTMSG 1000:1 @!@!@", "outer text",
                "The exception was a X", ": @!@!@STARTMSG 5006:0 @!@!@", "inner at line 2",
                "@!@!@ENDMSG 5006 @!@!@", "@!@!@ENDMSG 1000 @!@!@", "tail")) {
            p.line(l);
        }
        assertEquals(List.of("Parsing file /a/M.tla", "tail"), unframed);
        assertEquals(2, got.size());
        assertEquals(new TlcMessage(5006, 0, "inner at line 2"), got.get(0));
        assertEquals(1000, got.get(1).code());
        assertTrue(got.get(1).body().contains("X\n: inner at line 2"), got.get(1).body());
    }

    @Test
    void successWithStatisticsAndProgress() {
        String out = msg(2262, 0, "TLC2 Version 2.18 of 20 March 2023")
                + msg(2185, 0, "Starting... (2026-11-27 01:09:29)")
                + msg(2200, 0, "Progress(11) at 2026-11-27 01:11:08: 172 states generated (10,260 s/min), 1,072 distinct states found (4,260 ds/min), 3 states left on queue.")
                + msg(2193, 0, "Model checking completed. No error has been found.")
                + msg(2199, 0, "1,172 states generated, 1,100 distinct states found, 0 states left on queue.")
                + msg(2194, 0, "The depth of the complete state graph search is 12.")
                + msg(2186, 0, "Finished in 630ms at (2026-11-27 01:09:29)");
        List<TlcProgress> progress = new ArrayList<>();
        TlcResult r = collect(out, 0, progress);
        assertEquals(TlcResult.Status.OK, r.status());
        assertEquals(1100, r.distinctStates());
        assertEquals(1172, r.statesGenerated());
        assertEquals(12, r.depth());
        assertEquals("2.18", r.tlcVersion());
        assertTrue(progress.stream().anyMatch(p -> p.distinctStates() == 1072 && p.queue() == 3 && p.depth() == 11));
    }

    @Test
    void probeLinesFeedProgress() {
        List<TlcProgress> progress = new ArrayList<>();
        TlcRunCollector c = new TlcRunCollector(files, progress::add, clock::get);
        clock.addAndGet(1_000_000_000L);
        c.stderrLine(TlcRunCollector.PROBE_PREFIX + "10 20 5 3");
        clock.addAndGet(1_000_000_000L);
        c.stderrLine(TlcRunCollector.PROBE_PREFIX + "30 70 9 4");
        TlcProgress last = progress.getLast();
        assertEquals(30, last.distinctStates());
        assertEquals(9, last.queue());
        assertEquals(4, last.depth());
        assertEquals(50.0, last.statesPerSecond(), 1e-9);
        assertEquals(2, last.elapsed().toSeconds());
    }

    @Test
    void invariantViolationWithTrace() throws Exception {
        String out = msg(2110, 1, "Invariant Small is violated.")
                + msg(2121, 1, "The behavior up to this point is:")
                + msg(2217, 4, "1: <Initial predicate>\n/\\ q = <<>>\n/\\ x = 0\n")
                + msg(2217, 4, "2: <Inc line 7, col 11 to line 7, col 103 of module Counter>\n/\\ q = <<p1>>\n/\\ x = 1\n")
                + msg(2199, 0, "8 states generated, 8 distinct states found, 3 states left on queue.")
                + msg(2186, 0, "Finished in 630ms at (2026-11-27 01:09:29)");
        TlcResult r = collect(out, 12, new ArrayList<>());
        assertEquals(TlcResult.Status.VIOLATION, r.status());
        assertEquals(new Violation(Violation.Kind.INVARIANT, "Small", "Invariant Small is violated."), r.violation());
        assertEquals(2, r.counterexample().size());
        TraceState s = r.counterexample().get(1);
        assertEquals("Inc", s.action());
        assertEquals("Counter", s.module());
        assertEquals(7, s.line());
        assertEquals(TlaValueParser.parse("<<p1>>"), s.vars().get("q"));
        assertEquals("Init", r.counterexample().getFirst().action());
    }

    @Test
    void invariantViolatedInInitialState() {
        String out = msg(2107, 1, "Invariant Bad is violated by the initial state:\n/\\ q = <<>>\n/\\ x = 0\n");
        TlcResult r = collect(out, 12, new ArrayList<>());
        assertEquals("Bad", r.violation().property());
        assertEquals(1, r.counterexample().size());
    }

    @Test
    void temporalViolationWithLoopAndStuttering() {
        String lasso = msg(2116, 1, "Temporal properties were violated.\n")
                + msg(2264, 1, "The following behavior constitutes a counter-example:\n")
                + msg(2217, 4, "1: <Initial predicate>\nx = 0\n")
                + msg(2217, 4, "2: <Up line 5, col 7 to line 5, col 25 of module Lasso>\nx = 1\n")
                + msg(2217, 4, "3: <Up line 5, col 7 to line 5, col 25 of module Lasso>\nx = 2\n")
                + msg(2122, 4, "2: Back to state: <Down line 6, col 9 to line 6, col 23 of module Lasso>\n");
        TlcResult r = collect(lasso, 13, new ArrayList<>());
        assertEquals(Violation.Kind.TEMPORAL, r.violation().kind());
        assertNull(r.violation().property(), "TLC does not name the temporal property");
        assertEquals(4, r.counterexample().size());
        assertEquals(1, r.loopBackTo());
        assertEquals("Down", r.counterexample().get(3).action());
        assertEquals(r.counterexample().get(1).vars(), r.counterexample().get(3).vars());

        String stutter = msg(2116, 1, "Temporal properties were violated.")
                + msg(2217, 4, "1: <Initial predicate>\nx = 0\n")
                + msg(2218, 4, "2: Stuttering");
        TlcResult s = collect(stutter, 13, new ArrayList<>());
        assertTrue(s.stuttering());
        assertEquals(1, s.counterexample().size());
    }

    @Test
    void actionPropertyNamedByLocationIsUnnamed() {
        String out = msg(2112, 1, "Action property line 4, col 18 to line 4, col 33 of module AbsQ is violated.");
        TlcResult r = collect(out, 12, new ArrayList<>());
        assertEquals(Violation.Kind.ACTION_PROPERTY, r.violation().kind());
        assertNull(r.violation().property());
        String named = msg(2112, 1, "Action property Mono is violated.");
        assertEquals("Mono", collect(named, 12, new ArrayList<>()).violation().property());
    }

    @Test
    void deadlockAndAssert() {
        assertEquals(Violation.Kind.DEADLOCK, collect(msg(2114, 1, "Deadlock reached."), 11, new ArrayList<>()).violation().kind());
        TlcResult a = collect(msg(2132, 1, "The first argument of Assert evaluated to FALSE; the second argument was:\n\"x too big\""), 14, new ArrayList<>());
        assertEquals(new Violation(Violation.Kind.ASSERT, "Assert", "\"x too big\""), a.violation());
    }

    @Test
    void parseErrorNamesTheOriginalFileAndLine() {
        String out = "Parsing file " + copy.resolve("Syn.tla") + "\n"
                + "***Parse Error***\nWas expecting \"==== or more Module body\"\n"
                + "Encountered \")\" at line 6, column 12 and token \"3\" \n\nResidual stack trace follows:\n"
                + "Module definition starting at line 1, column 1.\n\n\nFatal errors while parsing TLA+ spec in file Syn\n"
                + msg(3002, 1, "Parsing or semantic analysis failed.");
        TlcResult r = collect(out, 150, new ArrayList<>());
        assertEquals(TlcResult.Status.ERROR, r.status());
        TlcError e = r.errors().getFirst();
        assertEquals(orig.resolve("Syn.tla"), e.file());
        assertEquals(6, e.line());
        assertEquals(12, e.column());
        assertTrue(e.format(tmp).startsWith("spec/Syn.tla:6: parse error: Was expecting"), e.format(tmp));
        assertTrue(e.format(tmp).endsWith("(column 12)"), e.format(tmp));
    }

    @Test
    void semanticErrorsAreDeduplicatedAndMappedToModules() {
        String out = "Parsing file " + copy.resolve("Outer.tla") + "\nParsing file /tmp/x/tmp/Naturals.tla\n"
                + "Parsing file " + copy.resolve("Inner.tla") + "\n"
                + "Semantic errors:\n\n*** Errors: 1\n\nline 4, col 12 to line 4, col 12 of module Inner\n\nUnknown operator: `z'.\n\n\n\n"
                + "Semantic processing of module Outer\nSemantic errors:\n\n*** Errors: 2\n\n"
                + "line 4, col 12 to line 4, col 12 of module Inner\n\nUnknown operator: `z'.\n\n\n"
                + "line 6, col 19 to line 6, col 19 of module Outer\n\nUnknown operator: `q'.\n\n\n"
                + "*** Warnings: 1\n\nline 8, col 1 to line 8, col 8 of module Outer\n\nMultiple declarations\n\n"
                + msg(3002, 1, "");
        TlcResult r = collect(out, 150, new ArrayList<>());
        assertEquals(List.of(
                new TlcError(orig.resolve("Inner.tla"), 4, 12, "Unknown operator: `z'."),
                new TlcError(orig.resolve("Outer.tla"), 6, 19, "Unknown operator: `q'.")), r.errors());
    }

    @Test
    void missingModuleNamesTheImportLine() throws IOException {
        Files.writeString(copy.resolve("Mis.tla"), "---- MODULE Mis ----\nEXTENDS Naturals,\n  NoSuchMod\n====\n");
        String out = "Parsing file " + copy.resolve("Mis.tla") + "\n"
                + "Cannot find source file for module NoSuchMod imported in module Mis.\n" + msg(3002, 1, "");
        TlcResult r = collect(out, 150, new ArrayList<>());
        // the EXTENDS continues on line 3, where the name is
        assertEquals(orig.resolve("Mis.tla"), r.errors().getFirst().file());
        assertEquals(3, r.errors().getFirst().line());
        assertEquals("cannot find module NoSuchMod", r.errors().getFirst().message());
    }

    @Test
    void evaluationErrorUsesTheInnermostPosition() {
        String out = "Parsing file " + copy.resolve("Typ.tla") + "\n"
                + "@!@!@STARTMSG 1000:1 @!@!@\nTLC threw an unexpected exception.\nThis was probably caused by an error in the spec or model.\n"
                + "See the User Output or TLC Console for clues to what happened.\nThe exception was a java.lang.RuntimeException\n"
                + ": @!@!@STARTMSG 2154:0 @!@!@\nAttempted to apply the operator overridden by the Java method\n"
                + "but it produced the following error:\nCannot cast tlc2.value.impl.StringValue to tlc2.value.impl.IntValue\n"
                + "@!@!@ENDMSG 2154 @!@!@\n@!@!@ENDMSG 1000 @!@!@\n"
                + msg(2103, 1, "The error occurred when TLC was evaluating the nested\nexpressions at the following positions:\n"
                + "0. Line 5, column 9 to line 5, column 45 in Typ\n1. Line 5, column 14 to line 5, column 45 in Typ\n"
                + "2. Line 5, column 39 to line 5, column 45 in Typ\n\n");
        TlcResult r = collect(out, 75, new ArrayList<>());
        assertEquals(TlcResult.Status.ERROR, r.status());
        TlcError e = r.errors().getFirst();
        assertEquals(orig.resolve("Typ.tla"), e.file());
        assertEquals(5, e.line());
        assertEquals(39, e.column());
        assertTrue(e.message().startsWith("Attempted to apply the operator"), e.message());
        assertTrue(e.message().contains("Cannot cast"), e.message());
    }

    @Test
    void configErrors() throws IOException {
        Files.writeString(copy.resolve("M.cfg"), "INIT Init\nNEXT Next\nINVARIANT Nope\n");
        Files.writeString(copy.resolve("M.tla"), "---- MODULE M ----\nCONSTANTS\n  Procs,\n  Max\n====\n");
        TlcResult undefined = collect(msg(2229, 1, "The invariant Nope specified in the configuration file\nis not defined in the specification."), 151, new ArrayList<>());
        assertEquals(new TlcError(orig.resolve("M.cfg"), 3, 0,
                "The invariant Nope specified in the configuration file is not defined in the specification."),
                undefined.errors().getFirst());
        TlcResult syntax = collect("@!@!@STARTMSG 1000:1 @!@!@\nTLC threw an unexpected exception.\nThe exception was a tlc2.tool.ConfigFileException\n"
                + ": @!@!@STARTMSG 5006:0 @!@!@\nTLC found an error in the configuration file at line 2\nIt was expecting = or <-, but did not find it.\n"
                + "@!@!@ENDMSG 5006 @!@!@\n@!@!@ENDMSG 1000 @!@!@\n", 255, new ArrayList<>());
        assertEquals(orig.resolve("M.cfg"), syntax.errors().getFirst().file());
        assertEquals(2, syntax.errors().getFirst().line());
        TlcResult constant = collect(msg(2222, 1, "The constant parameter Max is not assigned a value by the configuration file."), 151, new ArrayList<>());
        assertEquals(orig.resolve("M.tla"), constant.errors().getFirst().file());
        assertEquals(4, constant.errors().getFirst().line());
    }

    @Test
    void exitWithoutResultIsAnError() {
        TlcResult r = collect(msg(2185, 0, "Starting..."), 153, new ArrayList<>());
        assertEquals(TlcResult.Status.ERROR, r.status());
        assertTrue(r.errors().getFirst().message().contains("status 153"));
    }
}
