package sched.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The audit phases that come from the conformance work (trace corpus, replay, properties, Java traces under TLC,
 * histories). Each is a {@link Audit.Phase}; until its implementation lands it reports SKIP and says so.
 */
final class AuditHooks {
    private AuditHooks() {}

    static List<Audit.Phase> phases() {
        List<Audit.Phase> ps = new ArrayList<>();
        ps.add(new CorpusPhase());
        ps.add(new ConformancePhases.Replay());
        ps.add(new ConformancePhases.Properties());
        ps.add(new ConformancePhases.JavaTracesUnderTlc());
        ps.add(new HistoryPhase());
        return ps;
    }

    static Audit.Phase pending(String name, String command) {
        return new Audit.Phase() {
            @Override public String name() { return name; }

            @Override public String command() { return command; }

            @Override public Audit.Result run(Audit.Context ctx) { return Audit.Result.skip("not available yet"); }
        };
    }
}
