package sched.runtime;

/**
 * Every step label of the scheduler: the name of a TLA+ action, of the Java code that performs it, and of the
 * probe at which that code ends (docs/ACTIONS.md is the table). A step runs from one probe to the next; under
 * the deterministic seam an M stops at each probe until the driver lets it take its next step.
 */
public enum Step {
    // Spinning.tla: the spinning-M protocol, one scheduler step of one M.
    NewProc, GoReady, WakeP, WakePSkip, StartM, StartMUndo, AcquireP,
    RunqGet, GlobRunqGet, StartSpinning, RunqSteal, StealFail,
    ReleaseP, DropSpinning, RecheckAllP, StopM, ResetSpinning,
    Execute, GoPark, GoExit, Gosched,
    // Fairness.tla: the 61st-tick global check and sysmon's time-slice preemption.
    Schedule61, Preempt,
    // RunQueue.tla: one P's ring at the grain of its atomic memory operations.
    PutNextCas, PutLoadHead, PutPublish, PutSlowGrab, PutSlowGlobal,
    GetNextCas, GetLoadHead, GetCas,
    GrabLoadHead, GrabLoadTail, GrabRunnext, GrabCopy, GrabCas,
    // Syscalls and sysmon (part 2).
    EnterSyscall, ExitSyscall, HandoffP, Retake;
}
