package sched.replay;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import sched.runtime.Step;

/**
 * Which Java steps ({@link Step}, the probe labels) stand for which spec's actions. The rule (docs/ACTIONS.md):
 * an action's Java counterpart is the {@code Step} constant of the same name; a label shared by several specs
 * (RunqGet, Execute, ...) is one constant. Every {@code Step} must belong to some spec, or be listed in {@link
 * #NO_SPEC_YET}.
 */
public final class JavaActions {
    private JavaActions() {}

    public static final Map<String, Set<Step>> BY_SPEC;

    /** Java steps no spec models yet (syscalls and sysmon's retake: part 2 of the runtime). */
    public static final Set<Step> NO_SPEC_YET = EnumSet.of(Step.EnterSyscall, Step.ExitSyscall, Step.HandoffP,
            Step.Retake);

    static {
        Map<String, Set<Step>> m = new LinkedHashMap<>();
        m.put("Spinning", SpinningSession.ACTIONS);
        m.put("RunQueue", EnumSet.of(Step.PutNextCas, Step.PutLoadHead, Step.PutPublish, Step.PutSlowGrab,
                Step.PutSlowGlobal, Step.GetNextCas, Step.GetLoadHead, Step.GetCas, Step.GrabLoadHead,
                Step.GrabLoadTail, Step.GrabRunnext, Step.GrabCopy, Step.GrabCas));
        m.put("Fairness", EnumSet.of(Step.Schedule61, Step.RunqGet, Step.GlobRunqGet, Step.Execute, Step.GoReady,
                Step.Preempt, Step.Gosched, Step.GoPark, Step.GoExit));
        BY_SPEC = java.util.Collections.unmodifiableMap(m);
    }
}
