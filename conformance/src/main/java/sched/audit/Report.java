package sched.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sched.trace.Trace;

/** Everything the audit found, ready to be written as Markdown and HTML. */
public final class Report {
    public enum Status { PASS, FAIL, SKIP }

    /** One phase of the audit: what ran, its verdict, a one-line summary, and the command to rerun it. */
    public record Phase(String name, Status status, String summary, Duration elapsed, String command) {}

    /**
     * One invariant: its name, one sentence of meaning, where it is defined in TLA+ and checked in Java, and one
     * cell per kind of evidence (column name to text; absent: no evidence of that kind).
     */
    public record Invariant(String name, String meaning, String tla, String java, Map<String, String> evidence) {}

    /** A counterexample or divergence drawn as a timeline. */
    public record Picture(String title, Trace trace, int highlight, String note) {}

    /** One point of the state-space chart. */
    public record StatePoint(String spec, String config, String constants, long distinctStates) {}

    public static final List<String> EVIDENCE = List.of("TLC (distinct states)", "bug switches caught",
            "traces replayed", "random interleavings", "histories checked", "stress");

    public final List<Phase> phases = new ArrayList<>();
    public final Map<String, Invariant> invariants = new LinkedHashMap<>();
    public final Map<String, Map<String, Long>> coverage = new LinkedHashMap<>();
    public final List<Picture> pictures = new ArrayList<>();
    public final List<StatePoint> stateSpace = new ArrayList<>();
    public final Map<String, String> environment = new LinkedHashMap<>();

    /** Add evidence to an invariant (registered or not: unknown names get a row of their own). */
    public void evidence(String invariant, String column, String text) {
        Invariant inv = invariants.computeIfAbsent(invariant,
                n -> new Invariant(n, "", "", "", new LinkedHashMap<>()));
        inv.evidence().merge(column, text, (a, b) -> a + "; " + b);
    }

    public boolean failed() {
        return phases.stream().anyMatch(p -> p.status() == Status.FAIL);
    }
}
