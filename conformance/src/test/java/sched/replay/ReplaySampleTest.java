package sched.replay;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import sched.tlc.TlcRunner;

/**
 * Properties 1 in the default test run: a fixed sample of the corpus replays against the Java: the first 5 traces
 * of every walk file of a spec replay supports, and every later trace that takes a branch of an action the sample
 * has not yet taken ({@link Branches}: rare outcomes such as RecheckAllP's return to schedule, GlobRunqGet on the
 * stop path, StartMUndo). The whole corpus is {@code ./sched replay}'s and the audit's.
 * Without a committed corpus, 20 seeded random walks of each replayed spec's ci config, made by TLC's evaluator,
 * stand in;
 * without specs the test is skipped, with the reason.
 */
class ReplaySampleTest {
    static final int PER_FILE = 5;

    @Test
    void aFixedSampleOfTheCorpusReplays() throws Exception {
        Path root = TlcRunner.projectRoot();
        Path specDir = ReplaySupport.specDir();
        Path corpus = root.resolve("traces");
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(corpus)) {
            for (String spec : ReplayDriver.SPECS) {
                Path d = corpus.resolve(spec);
                if (Files.isDirectory(d)) files.addAll(ReplayInput.files(List.of(d)));
            }
        }
        List<ReplayInput.Located> sample = new ArrayList<>();
        List<Path> from = new ArrayList<>();
        Set<String> branches = new HashSet<>();
        int byBranch = 0;
        for (Path f : files) {
            List<ReplayInput.Located> all = ReplayInput.readAll(f, specDir);
            for (int i = 0; i < all.size(); i++) {
                ReplayInput.Located l = all.get(i);
                if (!ReplayDriver.bugs(l.trace()).isEmpty()) continue; // bug traces: ReplayTeethTest
                Set<String> taken = Branches.of(l.trace());
                String spec = l.trace().header().spec();
                boolean adds = false;
                for (String b : taken) adds |= branches.add(spec + " " + b);
                if (i < PER_FILE || adds) {
                    sample.add(l);
                    from.add(f);
                    if (i >= PER_FILE) byBranch++;
                }
            }
        }
        if (sample.isEmpty()) {
            assumeTrue(specDir != null, "no corpus (traces/) and no spec/Spinning.tla yet: nothing to replay");
            for (String spec : ReplayDriver.SPECS) {
                Path cfg = specDir.resolve(spec + ".ci.cfg");
                if (!Files.isRegularFile(cfg)) continue;
                Path out = Path.of("target", "replay-sample", spec).toAbsolutePath();
                for (Path f : SpecOracle.walk(specDir, spec, cfg, 20261127L, 20, 40, out)) {
                    sample.add(ReplayInput.readAll(f, specDir).getFirst());
                    from.add(f);
                }
            }
        }
        System.out.printf("replay sample: %d traces (%d of them for a branch the first %d of a file miss), %d branches%n",
                sample.size(), byBranch, PER_FILE, branches.size());
        List<String> diverged = new ArrayList<>();
        long steps = 0;
        for (int i = 0; i < sample.size(); i++) {
            ReplayDriver.Outcome o = ReplayDriver.replay(from.get(i), sample.get(i).trace(), sample.get(i).firstLine());
            steps += o.replayed();
            if (!o.ok()) diverged.add(o.divergence().format(from.get(i)));
        }
        assertTrue(diverged.isEmpty(), diverged.size() + " of " + sample.size() + " sampled traces diverge; the first:\n"
                + (diverged.isEmpty() ? "" : diverged.getFirst()));
        assertTrue(steps > 0);
    }
}
