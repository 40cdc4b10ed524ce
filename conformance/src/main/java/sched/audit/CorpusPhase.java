package sched.audit;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import sched.traces.CorpusVerifier;

/**
 * The committed trace corpus regenerates byte for byte from its manifest's seeds: the whole corpus and every
 * bug counterexample (the full check, about a minute and a half on 2 cores).
 */
final class CorpusPhase implements Audit.Phase {
    @Override public String name() { return "trace corpus regenerates"; }

    @Override public String command() { return "./sched traces --verify --bugs"; }

    @Override public Audit.Result run(Audit.Context ctx) throws Exception {
        Path root = ctx.root();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        CorpusVerifier.Report r = CorpusVerifier.verify(new CorpusVerifier.Options(root.resolve("traces"),
                root.resolve("spec"), root.resolve("spec").resolve("MANIFEST.tsv"), 0, true,
                root.resolve("target").resolve("traces-verify"), null, quiet));
        String s = String.format(Locale.ROOT, "%,d traces regenerated, %s", r.compared(),
                r.ok() ? "identical to the committed corpus" : r.mismatches().size() + " differ: " + r.mismatches().get(0));
        return r.ok() ? Audit.Result.pass(s) : Audit.Result.fail(s);
    }
}
