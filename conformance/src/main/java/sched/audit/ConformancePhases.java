package sched.audit;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sched.props.Choices;
import sched.props.PropRunner;
import sched.props.SpinningExplorer;
import sched.replay.ReplayDriver;
import sched.replay.ReplayRunner;
import sched.trace.Trace;
import sched.trace.TraceReader;
import sched.traces.TraceValidator;

/** The audit phases of the conformance suite: replay, random interleavings, Java traces under TLC. */
final class ConformancePhases {
    private ConformancePhases() {}

    /** Evidence for every invariant defined in one of {@code specs}. */
    static void forSpecs(Report report, List<String> specs, String column, String text) {
        for (Report.Invariant inv : List.copyOf(report.invariants.values())) {
            for (String s : specs) {
                if (inv.tla().contains(s + ".tla")) {
                    report.evidence(inv.name(), column, text);
                    break;
                }
            }
        }
    }

    /** Every trace of the committed corpus replayed against the Java, state compared after every step. */
    static final class Replay implements Audit.Phase {
        @Override public String name() { return "replay of the trace corpus"; }

        @Override public String command() { return "./sched replay --jobs 2"; }

        @Override public Audit.Result run(Audit.Context ctx) throws Exception {
            PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
            int jobs = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
            List<Path> files = sched.replay.ReplayInput.files(List.of(ctx.root().resolve("traces")));
            ReplayRunner.Summary s = new ReplayRunner(ctx.root().resolve("spec")).run(files, quiet, quiet, jobs);
            for (Map.Entry<String, Map<String, Integer>> e : s.perSpec.entrySet()) {
                Map<String, Long> cov = new LinkedHashMap<>();
                e.getValue().forEach((a, n) -> cov.put(a, (long) n));
                ctx.report().coverage.put(e.getKey(), cov);
            }
            String cell = String.format(Locale.ROOT, "%,d traces, %,d steps: state equal at every step", s.replayed,
                    s.steps);
            forSpecs(ctx.report(), List.copyOf(s.perSpec.keySet()), "traces replayed", cell);
            for (ReplayDriver.Outcome o : s.outcomes) {
                String name = o.file() == null ? "" : o.file().getFileName().toString();
                if (o.ok() || name.startsWith("bug-") || !name.endsWith(".ndjson")) continue;
                try {
                    ctx.report().pictures.add(new Report.Picture("Replay divergence: " + name, read(o.file()),
                            o.divergence().step(), o.divergence().format(o.file())));
                } catch (Exception e) {
                    // the divergence is in the summary either way
                }
            }
            // A divergence is replayed once more, alone: one that does not come back is a nondeterminism of the
            // driver under load (reported as such, with the first attempt's message), not a Java/spec mismatch.
            String flaky = "";
            int diverged = s.diverged;
            if (s.diverged > 0 && s.bad == 0) {
                java.util.Set<Path> again = new java.util.LinkedHashSet<>();
                String first = null;
                for (ReplayDriver.Outcome o : s.outcomes) {
                    String name = o.file() == null ? "" : o.file().getFileName().toString();
                    if (!o.ok() && !name.startsWith("bug-")) {
                        again.add(o.file());
                        if (first == null) first = o.divergence().format(o.file()).lines().findFirst().orElse("");
                    }
                }
                ReplayRunner.Summary r = new ReplayRunner(ctx.root().resolve("spec"))
                        .run(List.copyOf(again), quiet, quiet, 1);
                diverged = r.diverged;
                if (r.diverged == 0) {
                    flaky = String.format(Locale.ROOT, "; WARNING: %d trace(s) diverged on the first attempt and replayed"
                            + " cleanly when repeated alone (nondeterminism in the replay driver under load: %s)",
                            s.diverged, first);
                }
            }
            String summary = String.format(Locale.ROOT,
                    "%,d traces replayed (%,d steps, %.0f steps/s), %d diverged, %d bad; %d/%d bug-switch traces diverged as they must%s%s",
                    s.replayed, s.steps, s.stepsPerSecond(), diverged, s.bad, s.bugCaught, s.bugTraces,
                    s.skipped.isEmpty() ? "" : "; skipped (no driver): " + s.skipped, flaky);
            boolean ok = s.bad == 0 && diverged == 0 && s.bugCaught == s.bugTraces;
            return ok ? Audit.Result.pass(summary) : Audit.Result.fail(summary);
        }
    }

    /** The property engine: random scenarios under random interleavings, every invariant after every step. */
    static final class Properties implements Audit.Phase {
        @Override public String name() { return "random interleavings (property engine)"; }

        @Override public String command() { return "./sched test -pl conformance -Dtest='Prop*'"; }

        @Override public Audit.Result run(Audit.Context ctx) {
            int cases = ctx.deep() ? 1000 : 150;
            Path dir = ctx.outDir().resolve("props");
            PropRunner.Report safety = PropRunner.check("spinning", ctx.seed(), cases, SpinningExplorer.Options.safety(),
                    400, dir);
            ctx.progress().update(1, 2);
            PropRunner.Report starve = PropRunner.check("starvation", ctx.seed(), cases,
                    SpinningExplorer.Options.starvation(3, 2), 300, dir);
            ctx.progress().update(2, 2);
            String cell = String.format(Locale.ROOT, "%d scenarios, seed %d: %s", cases, ctx.seed(),
                    safety.ok() ? "hold after every step" : "FAIL: " + safety.failure().property());
            for (String inv : List.of("NoLostWakeup", "Conservation", "SpinAccounting", "IdleAccounting", "MPAgree")) {
                ctx.report().evidence(inv, "random interleavings", cell);
            }
            ctx.report().evidence("BoundedStarvation", "random interleavings", String.format(Locale.ROOT,
                    "%d scenarios on one P (period 3, slices of 2, B = (|Gs|-1)*3*2): %s", cases,
                    starve.ok() ? "every G ran within B" : "FAIL"));
            for (PropRunner.Report r : List.of(safety, starve)) {
                if (!r.ok() && r.shrunkResult() != null) {
                    ctx.report().pictures.add(new Report.Picture("Shrunk property failure: " + r.property(),
                            r.shrunkResult().trace(), r.shrunkResult().failure().step(), r.toString()));
                }
            }
            String s = String.format(Locale.ROOT, "%d safety scenarios and %d starvation scenarios from seed %d: %s",
                    cases, cases, ctx.seed(), safety.ok() && starve.ok() ? "every property held"
                            : (safety.ok() ? "" : safety.failure().property() + " failed ")
                            + (starve.ok() ? "" : "starvation failed"));
            return safety.ok() && starve.ok() ? Audit.Result.pass(s) : Audit.Result.fail(s);
        }
    }

    /**
     * The other direction: behaviours recorded from the Java under random interleavings (in the spec's vocabulary)
     * are given to TLC, which must find each to be a behaviour of Spinning.tla.
     */
    static final class JavaTracesUnderTlc implements Audit.Phase {
        @Override public String name() { return "Java traces validated by TLC"; }

        @Override public String command() { return "./sched traces --validate <recorded traces>"; }

        @Override public Audit.Result run(Audit.Context ctx) throws Exception {
            int n = ctx.deep() ? 200 : 40;
            List<Trace> traces = new ArrayList<>();
            for (int i = 0; traces.size() < n && i < 4 * n; i++) {
                try {
                    SpinningExplorer.Result r = SpinningExplorer.run(
                            Choices.random(PropRunner.caseSeed(ctx.seed() + 7, i), PropRunner.CHOICE_LIMIT),
                            SpinningExplorer.Options.safety());
                    if (r.trace() != null && r.failure() == null) traces.add(r.trace());
                } catch (Choices.Overrun e) {
                    // a case too long for the choice budget: skipped, as the property engine does
                }
            }
            // Each recording has the constants of its scenario (how many Ps, Ms, Gs): give every shape a config of
            // its own, beside a copy of the spec, and name it in the trace's header.
            Path work = ctx.root().resolve("target").resolve("validate");
            Path specDir = work.resolve("spec");
            Files.createDirectories(specDir);
            for (String f : List.of("Spinning.tla")) {
                Files.copy(ctx.root().resolve("spec").resolve(f), specDir.resolve(f),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Map<String, String> configs = new LinkedHashMap<>();
            List<Trace> named = new ArrayList<>();
            for (Trace t : traces) {
                String text = configText(t.header().constants());
                String name = configs.computeIfAbsent(text, k -> "rec" + configs.size());
                Files.writeString(specDir.resolve("Spinning." + name + ".cfg"), text);
                named.add(new Trace(new sched.trace.TraceHeader(t.header().spec(), t.header().specHash(), name,
                        t.header().constants(), t.header().generator(), t.header().seed(), t.header().tlc(),
                        t.header().variables(), t.header().actions(), t.header().extra()), t.steps()));
            }
            List<TraceValidator.Result> rs = TraceValidator.validateTraces(named,
                    new TraceValidator.Options(specDir, work, null));
            long valid = rs.stream().filter(r -> r.status() == TraceValidator.Status.VALID).count();
            long steps = rs.stream().mapToLong(TraceValidator.Result::steps).sum();
            String cell = String.format(Locale.ROOT, "%d Java recordings (%,d steps) are behaviours of the spec", valid, steps);
            if (valid == rs.size()) forSpecs(ctx.report(), List.of("Spinning"), "traces replayed", cell);
            String s = String.format(Locale.ROOT, "%d/%d traces recorded from the Java (%,d steps) are behaviours of Spinning.tla",
                    valid, rs.size(), steps);
            if (valid != rs.size()) {
                TraceValidator.Result bad = rs.stream().filter(r -> r.status() != TraceValidator.Status.VALID)
                        .findFirst().orElseThrow();
                return Audit.Result.fail(s + "; first: " + bad.format());
            }
            return rs.isEmpty() ? Audit.Result.fail("no trace recorded") : Audit.Result.pass(s);
        }
    }

    static Trace read(Path p) throws Exception { return TraceReader.read(p); }

    /** A TLC config for Spinning.tla with these constants (sets of names become sets of model values). */
    static String configText(sched.trace.Json.JObject constants) {
        StringBuilder sb = new StringBuilder("\\* written by the audit for traces recorded from the Java\nCONSTANTS\n");
        constants.fields().forEach((k, v) -> {
            String val;
            if (v instanceof sched.trace.Json.JArray a) {
                List<String> xs = new ArrayList<>();
                for (sched.trace.Json x : a.items()) {
                    xs.add(x instanceof sched.trace.Json.JString js ? (k.equals("Bugs") ? "\"" + js.value() + "\"" : js.value())
                            : x.toString());
                }
                val = "{" + String.join(", ", xs) + "}";
            } else {
                val = v.toString();
            }
            sb.append("    ").append(k).append(" = ").append(val).append('\n');
        });
        return sb.append("INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE\n").toString();
    }
}
