------------------------------ MODULE Fairness ------------------------------
(***************************************************************************)
(* Scheduling fairness of Go 1.14.5 on one P (GOMAXPROCS=1, the setting   *)
(* of TestPingPongHog): schedtick, the global-queue check every 61st tick, *)
(* runnext with time-slice inheritance, and sysmon's time-slice            *)
(* preemption.  Actions are the Fairness table of docs/ACTIONS.md.         *)
(*                                                                         *)
(* Abstractions:                                                           *)
(*  - schedtick is kept modulo GlobalCheckPeriod (Go: 61).  Go uses it     *)
(*    only in the test schedtick % 61 = 0 (sysmon's "schedtick changed"   *)
(*    test is abstracted by `slice`, below), so the remainder is all that *)
(*    matters.  The ci config uses a small period; nothing in the model   *)
(*    depends on 61 except through that test, and the bound B is stated    *)
(*    as a formula of the period, which deep checks at 61 itself.         *)
(*  - Time is counted in dispatches.  `slice` is the number of Gs executed *)
(*    in the current time slice: a fresh Execute (schedtick + 1) starts   *)
(*    one at 1, an Execute that inherits the slice (a G taken from         *)
(*    runnext) adds 1.  Sysmon's 10 ms is SliceLen dispatches: once a      *)
(*    slice has SliceLen of them, the running G is preempted before it    *)
(*    readies anyone (GoReady needs slice < SliceLen; Preempt needs        *)
(*    slice >= SliceLen).  A G may still park, exit or yield on its own.  *)
(*  - One M, one P: no wakeups (npidle = 0, wakep always skips, so        *)
(*    GoReady returns straight to running).  Gs start waiting; the running *)
(*    G readies them (no NewProc: Gs is the whole program).               *)
(*                                                                         *)
(* Bounded starvation: auxWait[g] counts the dispatches of other Gs since *)
(* g last became runnable; BoundedStarvation says it never exceeds B, the *)
(* formula below.  Terminal states (every G waiting or dead) are           *)
(* legitimate: CHECK_DEADLOCK FALSE, and OnlyQuiescentDeadlock checks that *)
(* no other state is terminal.                                             *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    Ms,                 \* {m1}: the one M (model value)
    Ps,                 \* {p1}: the one P (model value)
    Gs,                 \* goroutines (model values)
    Cap,                \* ring capacity (even, >= 2)
    GlobalCheckPeriod,  \* Go: 61
    SliceLen,           \* dispatches per time slice before sysmon preempts (>= 2)
    Bugs                \* bug switches that are on (see BugNames)

BugNames == {
    "No61Check",      \* schedule never takes the global queue first on the 61st tick
    "NoInheritTime"   \* runqget's runnext G starts a fresh slice (B3, #35271)
    }

ASSUME Cardinality(Ms) = 1 /\ Cardinality(Ps) = 1
ASSUME Cap \in Nat /\ Cap >= 2 /\ Cap % 2 = 0
ASSUME GlobalCheckPeriod \in Nat /\ GlobalCheckPeriod >= 2
ASSUME SliceLen \in Nat /\ SliceLen >= 2   \* 1 would let no G ready another
ASSUME Bugs \subseteq BugNames

None == "none"
Ord(S) == CHOOSE s \in [1..Cardinality(S) -> S] :
              \A i, j \in 1..Cardinality(S) : i # j => s[i] # s[j]
GOrder == Ord(Gs)
TheP == CHOOSE p \in Ps : TRUE
TheM == CHOOSE m \in Ms : TRUE
NG == Cardinality(Gs)
K == GlobalCheckPeriod

VARIABLES
    runq,       \* [Ps -> Seq(Gs)]: the P's ring, head first
    runnext,    \* [Ps -> Gs \cup {None}]
    globq,      \* Seq(Gs): the global run queue
    schedtick,  \* [Ps -> 0..K-1]: the P's schedtick modulo GlobalCheckPeriod
    slice,      \* [Ps -> 1..]: dispatches in the current time slice (sysmon's view)
    mpc,        \* [Ms -> {"schedule","picked","running"}]
    mcurg,      \* [Ms -> Gs \cup {None}]: the running G
    mnextg,     \* [Ms -> Gs \cup {None}]: the picked G
    minherit,   \* [Ms -> BOOLEAN]: the picked G inherits the time slice
    gstatus,    \* [Gs -> {"runnable","running","waiting","dead"}]
    \* --- auxiliary, NOT part of the abstract state ---
    auxWait     \* [Gs -> Nat]: dispatches of other Gs since g became runnable

vars == <<runq, runnext, globq, schedtick, slice, mpc, mcurg, mnextg, minherit,
          gstatus, auxWait>>

-----------------------------------------------------------------------------
(* The bound *)

\* B, in dispatches of other Gs.  Derivation in the comment of
\* BoundedStarvation; TLC checks it exhaustively for the configs' constants.
B == (NG - 1) * K * SliceLen

-----------------------------------------------------------------------------

Init ==
    /\ runq = [p \in Ps |-> <<>>]
    /\ runnext = [p \in Ps |-> None]
    /\ globq = <<>>
    /\ schedtick = [p \in Ps |-> 1 % K]     \* g1's own dispatch counted
    /\ slice = [p \in Ps |-> 1]
    /\ mpc = [m \in Ms |-> "running"]
    /\ mcurg = [m \in Ms |-> GOrder[1]]
    /\ mnextg = [m \in Ms |-> None]
    /\ minherit = [m \in Ms |-> FALSE]
    /\ gstatus = [g \in Gs |-> IF g = GOrder[1] THEN "running" ELSE "waiting"]
    /\ auxWait = [g \in Gs |-> 0]

LocalEmpty(p) == runq[p] = <<>> /\ runnext[p] = None

\* schedule's fairness test: the 61st tick with work on the global queue.
Tick61(p) == "No61Check" \notin Bugs /\ schedtick[p] = 0 /\ globq # <<>>

\* Take G g off the queues for M m: pc picked.
Pick(m, g, inherit) ==
    /\ mnextg' = [mnextg EXCEPT ![m] = g]
    /\ minherit' = [minherit EXCEPT ![m] = inherit]
    /\ mpc' = [mpc EXCEPT ![m] = "picked"]

\* schedule: every 61st tick, one G from the global queue first
\* (globrunqget(p, 1)); it starts a fresh slice.
Schedule61(m) ==
    LET p == TheP IN
    /\ mpc[m] = "schedule"
    /\ Tick61(p)
    /\ Pick(m, Head(globq), FALSE)
    /\ globq' = Tail(globq)
    /\ UNCHANGED <<runq, runnext, schedtick, slice, mcurg, gstatus, auxWait>>

\* runqget: runnext first, which inherits the slice (NoInheritTime: it
\* does not); else the ring's head, on a fresh slice.
RunqGet(m) ==
    LET p == TheP IN
    /\ mpc[m] = "schedule"
    /\ ~Tick61(p)
    /\ ~LocalEmpty(p)
    /\ IF runnext[p] # None
       THEN /\ Pick(m, runnext[p], "NoInheritTime" \notin Bugs)
            /\ runnext' = [runnext EXCEPT ![p] = None]
            /\ UNCHANGED runq
       ELSE /\ Pick(m, Head(runq[p]), FALSE)
            /\ runq' = [runq EXCEPT ![p] = Tail(runq[p])]
            /\ UNCHANGED runnext
    /\ UNCHANGED <<globq, schedtick, slice, mcurg, gstatus, auxWait>>

\* findrunnable: local queue empty: globrunqget(p, 0), a batch of
\* min(n, n/gomaxprocs + 1, Cap/2) = min(n, Cap/2) on one P; the first
\* runs (fresh slice), the rest go to the ring.
GlobRunqGet(m) ==
    LET p == TheP
        n == IF Len(globq) < Cap \div 2 THEN Len(globq) ELSE Cap \div 2
    IN
    /\ mpc[m] = "schedule"
    /\ ~Tick61(p)
    /\ LocalEmpty(p)
    /\ globq # <<>>
    /\ Pick(m, Head(globq), FALSE)
    /\ runq' = [runq EXCEPT ![p] = SubSeq(globq, 2, n)]
    /\ globq' = SubSeq(globq, n + 1, Len(globq))
    /\ UNCHANGED <<runnext, schedtick, slice, mcurg, gstatus, auxWait>>

\* execute: the picked G runs; schedtick + 1 and a fresh slice unless it
\* inherits.  Every other runnable G has waited one more dispatch.
Execute(m) ==
    LET p == TheP
        g == mnextg[m]
    IN
    /\ mpc[m] = "picked"
    /\ IF minherit[m]
       THEN /\ slice' = [slice EXCEPT ![p] = @ + 1]
            /\ UNCHANGED schedtick
       ELSE /\ slice' = [slice EXCEPT ![p] = 1]
            /\ schedtick' = [schedtick EXCEPT ![p] = (@ + 1) % K]
    /\ mcurg' = [mcurg EXCEPT ![m] = g]
    /\ mnextg' = [mnextg EXCEPT ![m] = None]
    /\ minherit' = [minherit EXCEPT ![m] = FALSE]
    /\ gstatus' = [gstatus EXCEPT ![g] = "running"]
    /\ mpc' = [mpc EXCEPT ![m] = "running"]
    /\ auxWait' = [x \in Gs |-> IF x = g THEN 0
                                ELSE IF gstatus[x] = "runnable" THEN auxWait[x] + 1
                                ELSE 0]
    /\ UNCHANGED <<runq, runnext, globq>>

\* The running G readies waiting g: runqput(p, g, next=TRUE) (the old
\* runnext to the ring's tail; a full ring sends half of it plus the
\* kicked G to the global queue).  Only while the slice lasts.
GoReady(m, g) ==
    LET p == TheP
        old == runnext[p]
        half == Cap \div 2
    IN
    /\ mpc[m] = "running"
    /\ slice[p] < SliceLen
    /\ gstatus[g] = "waiting"
    /\ gstatus' = [gstatus EXCEPT ![g] = "runnable"]
    /\ runnext' = [runnext EXCEPT ![p] = g]
    /\ IF old = None
       THEN UNCHANGED <<runq, globq>>
       ELSE IF Len(runq[p]) < Cap
       THEN /\ runq' = [runq EXCEPT ![p] = Append(@, old)]
            /\ UNCHANGED globq
       ELSE /\ runq' = [runq EXCEPT ![p] = SubSeq(@, half + 1, Cap)]
            /\ globq' = globq \o SubSeq(runq[p], 1, half) \o <<old>>
    /\ auxWait' = [auxWait EXCEPT ![g] = 0]
    /\ UNCHANGED <<schedtick, slice, mpc, mcurg, mnextg, minherit>>

\* The running G stops: M m goes back to schedule.
Stop(m, status) ==
    /\ gstatus' = [gstatus EXCEPT ![mcurg[m]] = status]
    /\ mcurg' = [mcurg EXCEPT ![m] = None]
    /\ mpc' = [mpc EXCEPT ![m] = "schedule"]

\* Sysmon: the slice is used up: the running G is preempted to the
\* global queue (gopreempt_m -> goschedImpl).
Preempt(m) ==
    LET p == TheP IN
    /\ mpc[m] = "running"
    /\ slice[p] >= SliceLen
    /\ Stop(m, "runnable")
    /\ globq' = Append(globq, mcurg[m])
    /\ auxWait' = [auxWait EXCEPT ![mcurg[m]] = 0]
    /\ UNCHANGED <<runq, runnext, schedtick, slice, mnextg, minherit>>

\* The running G yields to the global queue.
Gosched(m) ==
    /\ mpc[m] = "running"
    /\ Stop(m, "runnable")
    /\ globq' = Append(globq, mcurg[m])
    /\ auxWait' = [auxWait EXCEPT ![mcurg[m]] = 0]
    /\ UNCHANGED <<runq, runnext, schedtick, slice, mnextg, minherit>>

\* The running G blocks.
GoPark(m) ==
    /\ mpc[m] = "running"
    /\ Stop(m, "waiting")
    /\ UNCHANGED <<runq, runnext, globq, schedtick, slice, mnextg, minherit, auxWait>>

\* The running G finishes.
GoExit(m) ==
    /\ mpc[m] = "running"
    /\ Stop(m, "dead")
    /\ UNCHANGED <<runq, runnext, globq, schedtick, slice, mnextg, minherit, auxWait>>

Next ==
    \/ \E m \in Ms : Schedule61(m)
    \/ \E m \in Ms : RunqGet(m)
    \/ \E m \in Ms : GlobRunqGet(m)
    \/ \E m \in Ms : Execute(m)
    \/ \E m \in Ms, g \in Gs : GoReady(m, g)
    \/ \E m \in Ms : Preempt(m)
    \/ \E m \in Ms : Gosched(m)
    \/ \E m \in Ms : GoPark(m)
    \/ \E m \in Ms : GoExit(m)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* Invariants *)

TypeOK ==
    /\ runq \in [Ps -> Seq(Gs)]
    /\ \A p \in Ps : Len(runq[p]) <= Cap
    /\ runnext \in [Ps -> Gs \cup {None}]
    /\ globq \in Seq(Gs)
    /\ schedtick \in [Ps -> 0..(K - 1)]
    /\ slice \in [Ps -> 1..(NG * SliceLen + 1)]
    /\ mpc \in [Ms -> {"schedule", "picked", "running"}]
    /\ mcurg \in [Ms -> Gs \cup {None}]
    /\ mnextg \in [Ms -> Gs \cup {None}]
    /\ minherit \in [Ms -> BOOLEAN]
    /\ gstatus \in [Gs -> {"runnable", "running", "waiting", "dead"}]
    /\ auxWait \in [Gs -> Nat]

Occ(x, s) == Cardinality({i \in 1..Len(s) : s[i] = x})

\* Every runnable G is in exactly one place (ring, runnext, global queue,
\* picked); the running G is the M's; other Gs are nowhere.
Conservation ==
    \A g \in Gs :
        LET n == Occ(g, runq[TheP]) + Occ(g, globq)
                 + (IF runnext[TheP] = g THEN 1 ELSE 0)
                 + (IF mnextg[TheM] = g THEN 1 ELSE 0)
                 + (IF mcurg[TheM] = g THEN 1 ELSE 0)
        IN n = IF gstatus[g] \in {"runnable", "running"} THEN 1 ELSE 0

\* Bounded starvation: a runnable G waits at most B dispatches of others.
\*
\* Why B = (|Gs| - 1) * GlobalCheckPeriod * SliceLen (an informal argument
\* for an upper bound; TLC checks it for each config's constants, and the
\* largest waits it finds are well below it, see RESULTS.md).  Dispatches
\* come in time slices: one fresh dispatch (from the ring, the global queue
\* or the 61st-tick check) and at most SliceLen - 1 from runnext that
\* inherit it (a G readies another only while slice < SliceLen), so at
\* most SliceLen dispatches per fresh one.  A runnable G g is
\*  - in runnext: it runs next, unless the 61st tick takes a global G
\*    first and that G kicks g to the ring's tail;
\*  - in the ring: every fresh dispatch takes the ring's head except the
\*    one in K that the 61st tick takes from the global queue; runqputslow
\*    may move g to the global queue;
\*  - on the global queue: the G at its head leaves at least once per K
\*    fresh dispatches (the 61st-tick check), sooner when the local queue
\*    runs dry.
\* Each of the at most |Gs| - 1 other Gs can be ahead of g for at most K
\* fresh dispatches, each with at most SliceLen - 1 inherited ones after
\* it.  The switches No61Check and NoInheritTime make the wait unbounded.
BoundedStarvation ==
    \A g \in Gs : gstatus[g] = "runnable" => auxWait[g] <= B

\* The only terminal states: every G waiting or dead.
OnlyQuiescentDeadlock ==
    (~ENABLED Next) => \A g \in Gs : gstatus[g] \in {"waiting", "dead"}

=============================================================================
