package sched.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import sched.runtime.Step;
import sched.tlc.TlcRunner;

/**
 * One vocabulary: every action of every spec has a Java counterpart (the {@link Step} of the same name, the probe
 * label) and every Java step of that spec's grain is an action of the spec. The spec's actions are the operators
 * its {@code Next} names ({@link SpecActions}: the same list as TLC's {@code FastTool.getActions()} for our specs).
 */
class ReplayActionsTest {

    @TestFactory
    Stream<DynamicTest> everySpecActionHasAJavaStepAndTheReverse() {
        Path spec = TlcRunner.projectRoot().resolve("spec");
        List<DynamicTest> tests = new ArrayList<>();
        for (var e : JavaActions.BY_SPEC.entrySet()) {
            Path tla = spec.resolve(e.getKey() + ".tla");
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
                assumeTrue(Files.isRegularFile(tla), "no " + tla + " yet (the specs are written on branch 'spec')");
                Set<String> specActions = new TreeSet<>(SpecActions.of(tla));
                Set<String> java = e.getValue().stream().map(Step::name).collect(Collectors.toCollection(TreeSet::new));
                Set<String> noJava = new TreeSet<>(specActions);
                noJava.removeAll(java);
                Set<String> notInSpec = new TreeSet<>(java);
                notInSpec.removeAll(specActions);
                assertTrue(noJava.isEmpty() && notInSpec.isEmpty(), e.getKey() + ": spec actions without a Java step: "
                        + noJava + "; Java steps the spec lacks: " + notInSpec);
            }));
        }
        return tests.stream();
    }

    @Test
    void everyJavaStepBelongsToASpecOrIsListedAsNotYetModelled() {
        EnumSet<Step> covered = EnumSet.copyOf(JavaActions.NO_SPEC_YET);
        JavaActions.BY_SPEC.values().forEach(covered::addAll);
        assertEquals(EnumSet.allOf(Step.class), covered, "Step constants no spec claims");
    }

    @Test
    void specActionsAreTheOperatorsNextNames() {
        String tla = """
                ---- MODULE T ----
                VARIABLES x
                Inc(p) == x' = x + 1  \\* an action
                Dec == x' = x - 1
                Helper == TRUE
                (* Next == Bogus *)
                Next == \\/ \\E p \\in {1, 2} : Inc(p)
                        \\/ Dec   \\* Helper in a comment is not named
                Spec == Next
                ====
                """;
        assertEquals(List.of("Inc", "Dec"), SpecActions.parse(tla));
    }
}
