package sched.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import sched.history.Pairing;
import sched.history.check.Checker;
import sched.history.corpus.CorpusRunner;
import sched.history.corpus.Manifest;
import sched.history.model.Models;
import sched.history.record.Workloads;

/**
 * Histories: the shared, externally written corpus must get its expected verdicts (the checker agrees with the
 * outside world), and histories recorded from the real run queue and channels on real threads must be
 * linearizable against our runq and chan models.
 */
final class HistoryPhase implements Audit.Phase {
    @Override public String name() { return "histories: linearizability"; }

    @Override public String command() {
        return "./sched history corpus ../shared/corpus/linearizability; ./sched history record WORKLOAD --check"
                + " (" + String.join(", ", Workloads.NAMES) + ")";
    }

    @Override public Audit.Result run(Audit.Context ctx) throws Exception {
        // The recorder's switch is a static final read when its class is first used: set it before that.
        if (System.getProperty("sched.history.record") == null) System.setProperty("sched.history.record", "true");
        StringBuilder summary = new StringBuilder();
        boolean ok = true;
        Path corpus = ctx.root().getParent() == null ? null
                : ctx.root().getParent().resolve("shared").resolve("corpus").resolve("linearizability");
        if (corpus != null && Files.isRegularFile(corpus.resolve("MANIFEST.tsv"))) {
            Manifest m = Manifest.read(corpus);
            int[] done = {0};
            List<CorpusRunner.Outcome> outs = CorpusRunner.run(m, 60,
                    o -> ctx.progress().update(++done[0], m.rows().size()));
            long agree = outs.stream().filter(CorpusRunner.Outcome::agrees).count();
            ok &= agree == outs.size();
            summary.append(String.format(Locale.ROOT, "shared corpus %d/%d verdicts agree", agree, outs.size()));
        } else {
            summary.append("shared corpus not found (../shared/corpus/linearizability)");
        }
        int ops = ctx.deep() ? 200_000 : 20_000;
        long checked = 0;
        for (String w : Workloads.NAMES) {
            Workloads.Recording r = Workloads.run(w, ops, 3, ctx.seed());
            if (r.history().ops().isEmpty()) {
                // A workload that records through the runtime's own hooks records nothing when they are compiled
                // out (-Dsched.record is read once, when the runtime first runs): say so, never "0 ops linearizable".
                ok = false;
                summary.append("; ").append(w).append(": nothing recorded (the runtime's recording hooks are off:"
                        + " run the audit with -Dsched.record=true, as ./sched audit does)");
                continue;
            }
            Checker.Result c = Checker.check(Models.parse(r.model()).create(), Pairing.pair(r.history()), 120, true);
            checked += c.operations();
            boolean lin = c.verdict() == Checker.Verdict.LINEARIZABLE;
            ok &= lin;
            summary.append(String.format(Locale.ROOT, "; %s: %,d ops %s", w, c.operations(), c.verdict().text()));
            String cell = String.format(Locale.ROOT, "%s %,d ops: %s", w, c.operations(),
                    lin ? "linearizable" : "FAIL " + c.verdict().text());
            ctx.report().evidence(w.startsWith("queue") ? "Conservation" : "ChanFifo", "histories checked", cell);
            if (w.startsWith("queue")) ctx.report().evidence("Refinement", "histories checked", cell);
        }
        if (!ctx.report().invariants.containsKey("ChanFifo") || ctx.report().invariants.get("ChanFifo").meaning().isEmpty()) {
            ctx.report().invariants.put("ChanFifo", new Report.Invariant("ChanFifo",
                    "A channel behaves as a FIFO of capacity C: every value received was sent, once, in order.", "—",
                    "sched.runtime.Chan; history checker (chan model)",
                    ctx.report().invariants.containsKey("ChanFifo") ? ctx.report().invariants.get("ChanFifo").evidence()
                            : new java.util.LinkedHashMap<>()));
        }
        summary.append(String.format(Locale.ROOT, " (%,d recorded ops)", checked));
        return ok ? Audit.Result.pass(summary.toString()) : Audit.Result.fail(summary.toString());
    }
}
