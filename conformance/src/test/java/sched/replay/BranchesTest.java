package sched.replay;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import sched.tlc.TlcRunner;

/** Branch keys tell an action's outcomes apart, and only those. */
class BranchesTest {
    @Test
    void recheckAllPsTwoOutcomesAreTwoBranches() throws Exception {
        Path dir = TlcRunner.projectRoot().resolve("traces/Spinning");
        assumeTrue(Files.isDirectory(dir), "no committed corpus");
        Set<String> recheck = new TreeSet<>();
        for (Path f : ReplayInput.files(List.of(dir))) {
            for (ReplayInput.Located l : ReplayInput.readAll(f, ReplaySupport.specDir())) {
                for (String b : Branches.of(l.trace())) if (b.startsWith("RecheckAllP ")) recheck.add(b);
            }
        }
        assertTrue(recheck.stream().anyMatch(b -> b.startsWith("RecheckAllP recheck->schedule ")), recheck::toString);
        assertTrue(recheck.stream().anyMatch(b -> b.startsWith("RecheckAllP recheck->park ")), recheck::toString);
        // The key names outcomes, not goroutines or Ms: a handful of keys for the whole corpus's RecheckAllP steps.
        for (String b : recheck) assertTrue(b.matches("RecheckAllP recheck->(schedule|park) \\[[a-z, ]*\\]"), b);
        assertTrue(recheck.size() <= 6, recheck::toString);
    }
}
