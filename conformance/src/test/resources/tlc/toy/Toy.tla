---------------------------- MODULE Toy ----------------------------
(* A tiny fixture for the TLC driver's tests: Ms take turns to add to a shared  *)
(* counter. BugSkip re-introduces a "bug" (a Work step adds 2), which violates  *)
(* Bounded.                                                                     *)
EXTENDS Naturals, Sequences

CONSTANTS Ms, Max, BugSkip

VARIABLES count, pc, log

vars == <<count, pc, log>>

Init ==
    /\ count = 0
    /\ pc = [m \in Ms |-> "idle"]
    /\ log = <<>>

Start(m) ==
    /\ pc[m] = "idle"
    /\ pc' = [pc EXCEPT ![m] = "busy"]
    /\ UNCHANGED <<count, log>>

Work(m) ==
    /\ pc[m] = "busy"
    /\ count < Max
    /\ count' = count + (IF BugSkip THEN 2 ELSE 1)
    /\ log' = Append(log, m)
    /\ pc' = [pc EXCEPT ![m] = "idle"]

Next == \E m \in Ms : Start(m) \/ Work(m)

Spec == Init /\ [][Next]_vars /\ WF_vars(Next)

TypeOK ==
    /\ count \in 0..(Max + 1)
    /\ pc \in [Ms -> {"idle", "busy"}]
    /\ log \in Seq(Ms)

Bounded == count <= Max

\* Liveness: holds (the counter reaches Max) ...
Reaches == <>(count = Max)
\* ... and one that fails, so that a config listing both must name this one.
Never == <>(count = Max + 5)
=============================================================================
