------------------------------ MODULE Spinning ------------------------------
(***************************************************************************)
(* The spinning-M protocol of Go 1.14.5's scheduler (runtime/proc.go):     *)
(* submitting work (newproc / ready, then wakep), waking an M (wakep's CAS *)
(* on nmspinning, startm), looking for work (findrunnable: local queue,    *)
(* global queue, stealing), and giving up (release the P, drop spinning,   *)
(* re-check every run queue, stopm).                                        *)
(*                                                                         *)
(* Grain: one action is one scheduler step of one M, exactly the Spinning  *)
(* table of docs/ACTIONS.md; every action is its own operator so that TLC  *)
(* (and the conformance driver, through FastTool.getActions) names it.    *)
(* Run-queue operations are atomic here (RunQueue.tla refines them).       *)
(*                                                                         *)
(* Ordering: Ms, Ps and Gs are sets of model values.  TLC orders model    *)
(* values in the order the config first names them, so a config written   *)
(* `Ps = {p1, p2, p3}` gives POrder = <<p1, p2, p3>>.  MOrder[1] is the M  *)
(* that initially runs GOrder[1] on POrder[1]; the initial idle-P list is *)
(* the rest of POrder; StartM starts the first unstarted M of MOrder.     *)
(*                                                                         *)
(* Bounds: Gs is a fixed set of goroutine slots (NewProc takes an idle or *)
(* dead slot, GoExit frees it), Ms a fixed set of threads (StartM waits    *)
(* until an M is idle or unstarted, where Go's newm would make a new one; *)
(* so a config needs 2 Ms or more when it has 2 Ps or more: with one M a   *)
(* waker waits for itself, which OnlyQuiescentDeadlock reports).          *)
(*                                                                         *)
(* Terminal states (every M parked or unstarted, every G waiting or dead) *)
(* are legitimate: the configs set CHECK_DEADLOCK FALSE and check the      *)
(* invariant OnlyQuiescentDeadlock instead (no other state is terminal).  *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    Ms,      \* the Ms (threads), model values
    Ps,      \* the Ps (GOMAXPROCS), model values
    Gs,      \* the goroutine slots, model values
    Cap,     \* capacity of each P's ring (even, >= 2)
    Bugs     \* the set of bug switches that are on (strings, see BugNames)

BugNames == {
    "NoRecheck",            \* RecheckAllP never re-checks: always parks
    "NoResetWake",          \* ResetSpinning never goes on to wakep
    "WakepIgnoresSpinning", \* WakeP: no nmspinning = 0 test, +1 instead of CAS 0 -> 1
    "PutSlowNoNewG",        \* runqputslow moves half the ring without the kicked G
    "B1RunqemptyIgnoresRunnext", \* #10573: the re-check's runqempty ignores runnext
    "B7NoWakepAfterReady"   \* #63555: readying a G is not followed by wakep
    }

ASSUME Cap \in Nat /\ Cap >= 2 /\ Cap % 2 = 0
ASSUME Bugs \subseteq BugNames
ASSUME Ms # {} /\ Ps # {} /\ Gs # {}

None == "none"

\* A sequence enumerating the finite set S in TLC's order (see above).
Ord(S) == CHOOSE s \in [1..Cardinality(S) -> S] :
              \A i, j \in 1..Cardinality(S) : i # j => s[i] # s[j]
MOrder == Ord(Ms)
POrder == Ord(Ps)
GOrder == Ord(Gs)
NP == Cardinality(Ps)     \* gomaxprocs

PCs == {"unstarted", "running", "submit", "startm", "resetwake", "woken",
        "schedule", "spinning", "stop", "dropped", "recheck", "park",
        "parked", "picked"}
GStatuses == {"idle", "runnable", "running", "waiting", "dead"}

VARIABLES
    pidle,      \* Seq(Ps): idle-P list, head first (pidleput pushes at the head)
    npidle,     \* Nat: the npidle counter
    runq,       \* [Ps -> Seq(Gs)]: each P's ring, head first
    runnext,    \* [Ps -> Gs \cup {None}]: each P's runnext
    globq,      \* Seq(Gs): the global run queue, head first
    nmspinning, \* Nat: the nmspinning counter
    midle,      \* Seq(Ms): idle-M list, head first (mput pushes at the head)
    mpc,        \* [Ms -> PCs]: each M's program counter
    mp,         \* [Ms -> Ps \cup {None}]: the P the M holds
    mnextp,     \* [Ms -> Ps \cup {None}]: the P handed to a woken M
    mspinning,  \* [Ms -> BOOLEAN]: m.spinning
    mwasspin,   \* [Ms -> BOOLEAN]: wasSpinning; TRUE only at pc "recheck"
    mcurg,      \* [Ms -> Gs \cup {None}]: the running G
    mnextg,     \* [Ms -> Gs \cup {None}]: the G picked and not yet executed
    mret,       \* [Ms -> {"running","picked"}]: where a wakep returns;
                \*   "picked" only between ResetSpinning and the wakep's end
    gstatus     \* [Gs -> GStatuses]
\* There are no auxiliary variables in this module: all of the above are
\* the abstract state of docs/ACTIONS.md.

vars == <<pidle, npidle, runq, runnext, globq, nmspinning, midle, mpc, mp,
          mnextp, mspinning, mwasspin, mcurg, mnextg, mret, gstatus>>

-----------------------------------------------------------------------------
(* Helpers *)

Range(s) == {s[i] : i \in 1..Len(s)}
\* The number of times x occurs in the sequence s.
Occ(x, s) == Cardinality({i \in 1..Len(s) : s[i] = x})
\* P p's local queue (ring or runnext) is empty: runqempty(p).
LocalEmpty(p) == runq[p] = <<>> /\ runnext[p] = None
\* The re-check's runqempty; B1 makes it ignore runnext.
RecheckEmpty(p) == IF "B1RunqemptyIgnoresRunnext" \in Bugs
                   THEN runq[p] = <<>> ELSE LocalEmpty(p)
\* No runnable work anywhere.
NoWork == globq = <<>> /\ \A p \in Ps : LocalEmpty(p)

\* runqput(p, g, next=TRUE), atomic: g takes runnext, the old runnext goes
\* to the ring's tail; a full ring sends its first half plus the kicked G
\* to the global queue in one batch (runqputslow), and the kicked G is then
\* done.  Returns the new ring, runnext and global queue of P p.
PutNext(p, g) ==
    LET old == runnext[p] IN
    IF old = None
    THEN [rq |-> runq[p], rn |-> g, gq |-> globq]
    ELSE IF Len(runq[p]) < Cap
    THEN [rq |-> Append(runq[p], old), rn |-> g, gq |-> globq]
    ELSE LET half  == Cap \div 2
             batch == SubSeq(runq[p], 1, half)
         IN  [rq |-> SubSeq(runq[p], half + 1, Cap), rn |-> g,
              gq |-> globq \o (IF "PutSlowNoNewG" \in Bugs
                               THEN batch ELSE Append(batch, old))]

\* The first unstarted M (what newm would start).
FirstUnstarted == MOrder[CHOOSE i \in 1..Len(MOrder) :
                          /\ mpc[MOrder[i]] = "unstarted"
                          /\ \A j \in 1..(i - 1) : mpc[MOrder[j]] # "unstarted"]
SomeUnstarted == \E m \in Ms : mpc[m] = "unstarted"

\* wakep's test (the caller's npidle/nmspinning test and the CAS 0 -> 1).
WakeCond == IF "WakepIgnoresSpinning" \in Bugs
            THEN npidle > 0
            ELSE npidle > 0 /\ nmspinning = 0

-----------------------------------------------------------------------------
(* Initial state: MOrder[1] runs GOrder[1] on POrder[1]. *)

Init ==
    /\ pidle = SubSeq(POrder, 2, Len(POrder))
    /\ npidle = Len(POrder) - 1
    /\ runq = [p \in Ps |-> <<>>]
    /\ runnext = [p \in Ps |-> None]
    /\ globq = <<>>
    /\ nmspinning = 0
    /\ midle = <<>>
    /\ mpc = [m \in Ms |-> IF m = MOrder[1] THEN "running" ELSE "unstarted"]
    /\ mp = [m \in Ms |-> IF m = MOrder[1] THEN POrder[1] ELSE None]
    /\ mnextp = [m \in Ms |-> None]
    /\ mspinning = [m \in Ms |-> FALSE]
    /\ mwasspin = [m \in Ms |-> FALSE]
    /\ mcurg = [m \in Ms |-> IF m = MOrder[1] THEN GOrder[1] ELSE None]
    /\ mnextg = [m \in Ms |-> None]
    /\ mret = [m \in Ms |-> "running"]
    /\ gstatus = [g \in Gs |-> IF g = GOrder[1] THEN "running" ELSE "idle"]

-----------------------------------------------------------------------------
(* Submitting work *)

\* The running G creates g in a free slot and runqput(p, g, TRUE)s it.
NewProc(m, g) ==
    /\ mpc[m] = "running"
    /\ gstatus[g] \in {"idle", "dead"}
    /\ LET p == mp[m]
           r == PutNext(p, g)
       IN /\ runq' = [runq EXCEPT ![p] = r.rq]
          /\ runnext' = [runnext EXCEPT ![p] = r.rn]
          /\ globq' = r.gq
    /\ gstatus' = [gstatus EXCEPT ![g] = "runnable"]
    /\ mpc' = [mpc EXCEPT ![m] = "submit"]
    /\ mret' = [mret EXCEPT ![m] = "running"]
    /\ UNCHANGED <<pidle, npidle, nmspinning, midle, mp, mnextp, mspinning,
                   mwasspin, mcurg, mnextg>>

\* The running G readies a waiting g and runqput(p, g, TRUE)s it.
\* B7: the wakep after it is dropped (the M goes straight back to running).
GoReady(m, g) ==
    /\ mpc[m] = "running"
    /\ gstatus[g] = "waiting"
    /\ LET p == mp[m]
           r == PutNext(p, g)
       IN /\ runq' = [runq EXCEPT ![p] = r.rq]
          /\ runnext' = [runnext EXCEPT ![p] = r.rn]
          /\ globq' = r.gq
    /\ gstatus' = [gstatus EXCEPT ![g] = "runnable"]
    /\ mpc' = [mpc EXCEPT ![m] = IF "B7NoWakepAfterReady" \in Bugs
                                 THEN "running" ELSE "submit"]
    /\ mret' = [mret EXCEPT ![m] = "running"]
    /\ UNCHANGED <<pidle, npidle, nmspinning, midle, mp, mnextp, mspinning,
                   mwasspin, mcurg, mnextg>>

-----------------------------------------------------------------------------
(* Waking an M: wakep and startm(nil, spinning=true) *)

\* npidle > 0 and nmspinning = 0: CAS nmspinning 0 -> 1 (a wakeup is now
\* in flight: counted in nmspinning, not yet any M's spinning flag).
WakeP(m) ==
    /\ mpc[m] \in {"submit", "resetwake"}
    /\ WakeCond
    /\ nmspinning' = nmspinning + 1
    /\ mpc' = [mpc EXCEPT ![m] = "startm"]
    /\ UNCHANGED <<pidle, npidle, runq, runnext, globq, midle, mp, mnextp,
                   mspinning, mwasspin, mcurg, mnextg, mret, gstatus>>

\* The test is false: wakep does nothing; back to where the M came from.
WakePSkip(m) ==
    /\ mpc[m] \in {"submit", "resetwake"}
    /\ ~WakeCond
    /\ mpc' = [mpc EXCEPT ![m] = mret[m]]
    /\ mret' = [mret EXCEPT ![m] = "running"]
    /\ UNCHANGED <<pidle, npidle, runq, runnext, globq, nmspinning, midle, mp,
                   mnextp, mspinning, mwasspin, mcurg, mnextg, gstatus>>

\* startm under sched.lock: an idle P and an idle (or unstarted) M; the M
\* gets the P as nextp, spinning = TRUE (the raise it inherits), and is
\* woken.  Waits while no M is free (Go would newm one).
StartM(m) ==
    /\ mpc[m] = "startm"
    /\ pidle # <<>>
    /\ midle # <<>> \/ SomeUnstarted
    /\ LET p == Head(pidle)
           w == IF midle # <<>> THEN Head(midle) ELSE FirstUnstarted
       IN /\ pidle' = Tail(pidle)
          /\ npidle' = npidle - 1
          /\ midle' = IF midle # <<>> THEN Tail(midle) ELSE midle
          /\ mnextp' = [mnextp EXCEPT ![w] = p]
          /\ mspinning' = [mspinning EXCEPT ![w] = TRUE]
          /\ mpc' = [mpc EXCEPT ![w] = "woken", ![m] = mret[m]]
    /\ mret' = [mret EXCEPT ![m] = "running"]
    /\ UNCHANGED <<runq, runnext, globq, nmspinning, mp, mwasspin, mcurg,
                   mnextg, gstatus>>

\* startm found no idle P: undo wakep's raise.
StartMUndo(m) ==
    /\ mpc[m] = "startm"
    /\ pidle = <<>>
    /\ nmspinning' = nmspinning - 1
    /\ mpc' = [mpc EXCEPT ![m] = mret[m]]
    /\ mret' = [mret EXCEPT ![m] = "running"]
    /\ UNCHANGED <<pidle, npidle, runq, runnext, globq, midle, mp, mnextp,
                   mspinning, mwasspin, mcurg, mnextg, gstatus>>

\* The woken M acquires its nextp and goes to the top of the scheduler.
AcquireP(m) ==
    /\ mpc[m] = "woken"
    /\ mp' = [mp EXCEPT ![m] = mnextp[m]]
    /\ mnextp' = [mnextp EXCEPT ![m] = None]
    /\ mpc' = [mpc EXCEPT ![m] = "schedule"]
    /\ UNCHANGED <<pidle, npidle, runq, runnext, globq, nmspinning, midle,
                   mspinning, mwasspin, mcurg, mnextg, mret, gstatus>>

-----------------------------------------------------------------------------
(* Looking for work: schedule / findrunnable *)

\* runqget on the M's own P: runnext first, else the ring's head.
RunqGet(m) ==
    /\ mpc[m] = "schedule"
    /\ LET p == mp[m] IN
       /\ ~LocalEmpty(p)
       /\ IF runnext[p] # None
          THEN /\ mnextg' = [mnextg EXCEPT ![m] = runnext[p]]
               /\ runnext' = [runnext EXCEPT ![p] = None]
               /\ UNCHANGED runq
          ELSE /\ mnextg' = [mnextg EXCEPT ![m] = Head(runq[p])]
               /\ runq' = [runq EXCEPT ![p] = Tail(runq[p])]
               /\ UNCHANGED runnext
    /\ mpc' = [mpc EXCEPT ![m] = "picked"]
    /\ UNCHANGED <<pidle, npidle, globq, nmspinning, midle, mp, mnextp,
                   mspinning, mwasspin, mcurg, mret, gstatus>>

\* globrunqget(p, 0) under sched.lock, from findrunnable's top (local queue
\* empty) or from its stop path (before releasing the P): a batch of
\* min(n, n/gomaxprocs + 1, Cap/2); the first is run, the rest go to the
\* (empty) local ring.
GlobRunqGet(m) ==
    /\ mpc[m] \in {"schedule", "stop"}
    /\ globq # <<>>
    /\ LET p == mp[m]
           n0 == Len(globq) \div NP + 1
           n1 == IF n0 > Len(globq) THEN Len(globq) ELSE n0
           n  == IF n1 > Cap \div 2 THEN Cap \div 2 ELSE n1
       IN /\ mpc[m] = "schedule" => LocalEmpty(p)
          /\ mnextg' = [mnextg EXCEPT ![m] = Head(globq)]
          /\ runq' = [runq EXCEPT ![p] = runq[p] \o SubSeq(globq, 2, n)]
          /\ globq' = SubSeq(globq, n + 1, Len(globq))
    /\ mpc' = [mpc EXCEPT ![m] = "picked"]
    /\ UNCHANGED <<pidle, npidle, runnext, nmspinning, midle, mp, mnextp,
                   mspinning, mwasspin, mcurg, mret, gstatus>>

\* Local and global queues empty.  If every other P is idle, go straight
\* to stop (Go: npidle == gomaxprocs-1, "no point in stealing").  Else an
\* M that already spins keeps spinning; a new one may spin only while
\* 2*nmspinning < gomaxprocs - npidle (rule 5); otherwise stop.
StartSpinning(m) ==
    /\ mpc[m] = "schedule"
    /\ LocalEmpty(mp[m])
    /\ globq = <<>>
    /\ IF npidle = NP - 1
       THEN /\ mpc' = [mpc EXCEPT ![m] = "stop"]
            /\ UNCHANGED <<mspinning, nmspinning>>
       ELSE IF mspinning[m]
       THEN /\ mpc' = [mpc EXCEPT ![m] = "spinning"]
            /\ UNCHANGED <<mspinning, nmspinning>>
       ELSE IF 2 * nmspinning < NP - npidle
       THEN /\ mpc' = [mpc EXCEPT ![m] = "spinning"]
            /\ mspinning' = [mspinning EXCEPT ![m] = TRUE]
            /\ nmspinning' = nmspinning + 1
       ELSE /\ mpc' = [mpc EXCEPT ![m] = "stop"]
            /\ UNCHANGED <<mspinning, nmspinning>>
    /\ UNCHANGED <<pidle, npidle, runq, runnext, globq, midle, mp, mnextp,
                   mwasspin, mcurg, mnextg, mret, gstatus>>

\* Every other P's ring is empty (runnext is stolen only then: Go takes it
\* only on the last of its 4 rounds).
OtherRingsEmpty(p) == \A q \in Ps \ {p} : runq[q] = <<>>

\* runqsteal(p, v): the rounded-up half of v's ring; the last one stolen
\* is run, the rest go (in order) to the thief's empty ring.  When every
\* other P's ring is empty, v's runnext.
RunqSteal(m, v) ==
    /\ mpc[m] = "spinning"
    /\ v # mp[m]
    /\ LET p == mp[m] IN
       IF runq[v] # <<>>
       THEN LET len == Len(runq[v])
                n   == len - len \div 2
            IN /\ mnextg' = [mnextg EXCEPT ![m] = runq[v][n]]
               /\ runq' = [runq EXCEPT ![v] = SubSeq(runq[v], n + 1, len),
                                       ![p] = runq[p] \o SubSeq(runq[v], 1, n - 1)]
               /\ UNCHANGED runnext
       ELSE /\ OtherRingsEmpty(p)
            /\ runnext[v] # None
            /\ mnextg' = [mnextg EXCEPT ![m] = runnext[v]]
            /\ runnext' = [runnext EXCEPT ![v] = None]
            /\ UNCHANGED runq
    /\ mpc' = [mpc EXCEPT ![m] = "picked"]
    /\ UNCHANGED <<pidle, npidle, globq, nmspinning, midle, mp, mnextp,
                   mspinning, mwasspin, mcurg, mret, gstatus>>

\* The 4 rounds found nothing: every other P's ring and runnext is empty.
StealFail(m) ==
    /\ mpc[m] = "spinning"
    /\ \A q \in Ps \ {mp[m]} : LocalEmpty(q)
    /\ mpc' = [mpc EXCEPT ![m] = "stop"]
    /\ UNCHANGED <<pidle, npidle, runq, runnext, globq, nmspinning, midle, mp,
                   mnextp, mspinning, mwasspin, mcurg, mnextg, mret, gstatus>>

-----------------------------------------------------------------------------
(* Giving up: release the P, drop spinning, re-check, stopm *)

\* Under sched.lock with the global queue empty: releasep, pidleput.
ReleaseP(m) ==
    /\ mpc[m] = "stop"
    /\ globq = <<>>
    /\ pidle' = <<mp[m]>> \o pidle
    /\ npidle' = npidle + 1
    /\ mp' = [mp EXCEPT ![m] = None]
    /\ mpc' = [mpc EXCEPT ![m] = "dropped"]
    /\ UNCHANGED <<runq, runnext, globq, nmspinning, midle, mnextp, mspinning,
                   mwasspin, mcurg, mnextg, mret, gstatus>>

\* wasSpinning := spinning; if spinning: spinning := FALSE, nmspinning - 1.
DropSpinning(m) ==
    /\ mpc[m] = "dropped"
    /\ mwasspin' = [mwasspin EXCEPT ![m] = mspinning[m]]
    /\ mspinning' = [mspinning EXCEPT ![m] = FALSE]
    /\ nmspinning' = IF mspinning[m] THEN nmspinning - 1 ELSE nmspinning
    /\ mpc' = [mpc EXCEPT ![m] = "recheck"]
    /\ UNCHANGED <<pidle, npidle, runq, runnext, globq, midle, mp, mnextp,
                   mcurg, mnextg, mret, gstatus>>

\* Check all run queues once again.  Some P's queue is non-empty and an
\* idle P exists: take it, re-spin if wasSpinning, back to the top.
\* Otherwise park.  (NoRecheck: always park.)  wasSpinning is cleared.
RecheckAllP(m) ==
    /\ mpc[m] = "recheck"
    /\ IF /\ "NoRecheck" \notin Bugs
          /\ \E q \in Ps : ~RecheckEmpty(q)
          /\ pidle # <<>>
       THEN /\ mp' = [mp EXCEPT ![m] = Head(pidle)]
            /\ pidle' = Tail(pidle)
            /\ npidle' = npidle - 1
            /\ mspinning' = [mspinning EXCEPT ![m] = mwasspin[m]]
            /\ nmspinning' = IF mwasspin[m] THEN nmspinning + 1 ELSE nmspinning
            /\ mpc' = [mpc EXCEPT ![m] = "schedule"]
       ELSE /\ mpc' = [mpc EXCEPT ![m] = "park"]
            /\ UNCHANGED <<mp, pidle, npidle, mspinning, nmspinning>>
    /\ mwasspin' = [mwasspin EXCEPT ![m] = FALSE]
    /\ UNCHANGED <<runq, runnext, globq, midle, mnextp, mcurg, mnextg, mret,
                   gstatus>>

\* stopm: mput, then sleep on the M's note.
StopM(m) ==
    /\ mpc[m] = "park"
    /\ midle' = <<m>> \o midle
    /\ mpc' = [mpc EXCEPT ![m] = "parked"]
    /\ UNCHANGED <<pidle, npidle, runq, runnext, globq, nmspinning, mp, mnextp,
                   mspinning, mwasspin, mcurg, mnextg, mret, gstatus>>

-----------------------------------------------------------------------------
(* Running the G that was found *)

\* A spinning M found work: resetspinning.  If nmspinning became 0 and a
\* P is idle, go on to wakep (pc resetwake, returning to picked).
ResetSpinning(m) ==
    /\ mpc[m] = "picked"
    /\ mspinning[m]
    /\ mspinning' = [mspinning EXCEPT ![m] = FALSE]
    /\ nmspinning' = nmspinning - 1
    /\ IF nmspinning - 1 = 0 /\ npidle > 0 /\ "NoResetWake" \notin Bugs
       THEN /\ mpc' = [mpc EXCEPT ![m] = "resetwake"]
            /\ mret' = [mret EXCEPT ![m] = "picked"]
       ELSE UNCHANGED <<mpc, mret>>
    /\ UNCHANGED <<pidle, npidle, runq, runnext, globq, midle, mp, mnextp,
                   mwasspin, mcurg, mnextg, gstatus>>

\* execute: the picked G runs.
Execute(m) ==
    /\ mpc[m] = "picked"
    /\ ~mspinning[m]
    /\ mcurg' = [mcurg EXCEPT ![m] = mnextg[m]]
    /\ mnextg' = [mnextg EXCEPT ![m] = None]
    /\ gstatus' = [gstatus EXCEPT ![mnextg[m]] = "running"]
    /\ mpc' = [mpc EXCEPT ![m] = "running"]
    /\ UNCHANGED <<pidle, npidle, runq, runnext, globq, nmspinning, midle, mp,
                   mnextp, mspinning, mwasspin, mret>>

\* The running G blocks (gopark / park_m).
GoPark(m) ==
    /\ mpc[m] = "running"
    /\ gstatus' = [gstatus EXCEPT ![mcurg[m]] = "waiting"]
    /\ mcurg' = [mcurg EXCEPT ![m] = None]
    /\ mpc' = [mpc EXCEPT ![m] = "schedule"]
    /\ UNCHANGED <<pidle, npidle, runq, runnext, globq, nmspinning, midle, mp,
                   mnextp, mspinning, mwasspin, mnextg, mret>>

\* The running G finishes (goexit0); its slot may be reused.
GoExit(m) ==
    /\ mpc[m] = "running"
    /\ gstatus' = [gstatus EXCEPT ![mcurg[m]] = "dead"]
    /\ mcurg' = [mcurg EXCEPT ![m] = None]
    /\ mpc' = [mpc EXCEPT ![m] = "schedule"]
    /\ UNCHANGED <<pidle, npidle, runq, runnext, globq, nmspinning, midle, mp,
                   mnextp, mspinning, mwasspin, mnextg, mret>>

\* The running G yields: runnable, at the global queue's tail.
Gosched(m) ==
    /\ mpc[m] = "running"
    /\ gstatus' = [gstatus EXCEPT ![mcurg[m]] = "runnable"]
    /\ globq' = Append(globq, mcurg[m])
    /\ mcurg' = [mcurg EXCEPT ![m] = None]
    /\ mpc' = [mpc EXCEPT ![m] = "schedule"]
    /\ UNCHANGED <<pidle, npidle, runq, runnext, nmspinning, midle, mp,
                   mnextp, mspinning, mwasspin, mnextg, mret>>

-----------------------------------------------------------------------------
(* The next-state relation, one disjunct per action *)

\* Every step of M m (for the fairness condition).
MStep(m) ==
    \/ \E g \in Gs : NewProc(m, g)
    \/ \E g \in Gs : GoReady(m, g)
    \/ WakeP(m) \/ WakePSkip(m) \/ StartM(m) \/ StartMUndo(m) \/ AcquireP(m)
    \/ RunqGet(m) \/ GlobRunqGet(m) \/ StartSpinning(m)
    \/ \E v \in Ps : RunqSteal(m, v)
    \/ StealFail(m) \/ ReleaseP(m) \/ DropSpinning(m) \/ RecheckAllP(m)
    \/ StopM(m) \/ ResetSpinning(m) \/ Execute(m)
    \/ GoPark(m) \/ GoExit(m) \/ Gosched(m)

Next ==
    \/ \E m \in Ms, g \in Gs : NewProc(m, g)
    \/ \E m \in Ms, g \in Gs : GoReady(m, g)
    \/ \E m \in Ms : WakeP(m)
    \/ \E m \in Ms : WakePSkip(m)
    \/ \E m \in Ms : StartM(m)
    \/ \E m \in Ms : StartMUndo(m)
    \/ \E m \in Ms : AcquireP(m)
    \/ \E m \in Ms : RunqGet(m)
    \/ \E m \in Ms : GlobRunqGet(m)
    \/ \E m \in Ms : StartSpinning(m)
    \/ \E m \in Ms, v \in Ps : RunqSteal(m, v)
    \/ \E m \in Ms : StealFail(m)
    \/ \E m \in Ms : ReleaseP(m)
    \/ \E m \in Ms : DropSpinning(m)
    \/ \E m \in Ms : RecheckAllP(m)
    \/ \E m \in Ms : StopM(m)
    \/ \E m \in Ms : ResetSpinning(m)
    \/ \E m \in Ms : Execute(m)
    \/ \E m \in Ms : GoPark(m)
    \/ \E m \in Ms : GoExit(m)
    \/ \E m \in Ms : Gosched(m)

Spec == Init /\ [][Next]_vars

\* Weak fairness of every M's steps: an M that can step eventually does.
\* Plus strong fairness of the startm step: in Go startm never waits (newm
\* makes a thread); here StartM waits while every M is busy, so a waker at
\* pc startm can otherwise be starved by an M that loops re-check -> acquire
\* -> cannot spin -> release (a cycle TLC finds with 2 Ms, an artefact of
\* the bounded Ms).  SF stands in for "startm completes".
FairSpec == Spec /\ \A m \in Ms : /\ WF_vars(MStep(m))
                                  /\ SF_vars(StartM(m) \/ StartMUndo(m))

-----------------------------------------------------------------------------
(* Invariants *)

TypeOK ==
    /\ pidle \in Seq(Ps)
    /\ npidle \in Nat
    /\ runq \in [Ps -> Seq(Gs)]
    /\ \A p \in Ps : Len(runq[p]) <= Cap
    /\ runnext \in [Ps -> Gs \cup {None}]
    /\ globq \in Seq(Gs)
    /\ nmspinning \in Nat
    /\ midle \in Seq(Ms)
    /\ mpc \in [Ms -> PCs]
    /\ mp \in [Ms -> Ps \cup {None}]
    /\ mnextp \in [Ms -> Ps \cup {None}]
    /\ mspinning \in [Ms -> BOOLEAN]
    /\ mwasspin \in [Ms -> BOOLEAN]
    /\ mcurg \in [Ms -> Gs \cup {None}]
    /\ mnextg \in [Ms -> Gs \cup {None}]
    /\ mret \in [Ms -> {"running", "picked"}]
    /\ gstatus \in [Gs -> GStatuses]

\* nmspinning = the spinning Ms + the wakeups in flight.  A wakeup is in
\* flight from WakeP's raise until StartM hands the P over (the woken M's
\* spinning flag then carries the count, pc "woken" included) or StartMUndo
\* undoes the raise: exactly the Ms at pc "startm".
SpinAccounting ==
    nmspinning = Cardinality({m \in Ms : mspinning[m]})
                 + Cardinality({m \in Ms : mpc[m] = "startm"})

\* npidle is the length of the idle-P list; an idle P is listed once, has
\* an empty queue, and no M holds it or is handed it.
IdleAccounting ==
    /\ npidle = Len(pidle)
    /\ \A i, j \in 1..Len(pidle) : i # j => pidle[i] # pidle[j]
    /\ \A p \in Range(pidle) :
          /\ LocalEmpty(p)
          /\ \A m \in Ms : mp[m] # p /\ mnextp[m] # p

\* Every P is exactly one of: idle, held by one M (mp), or handed to one
\* woken M (mnextp).  So every M's P is owned by that M only.
MPAgree ==
    \A p \in Ps :
        Cardinality({m \in Ms : mp[m] = p}) + Cardinality({m \in Ms : mnextp[m] = p})
        + (IF p \in Range(pidle) THEN 1 ELSE 0) = 1

\* Each pc goes with the resources the contract says: which Ms hold a P,
\* a running G, a picked G, and that parked Ms are exactly midle.
PcConsistent ==
    \A m \in Ms :
        /\ (mp[m] # None) <=> mpc[m] \in {"running", "submit", "startm",
                  "resetwake", "schedule", "spinning", "stop", "picked"}
        /\ (mnextp[m] # None) <=> mpc[m] = "woken"
        /\ (mcurg[m] # None) <=> \/ mpc[m] = "running"
                                  \/ (mpc[m] \in {"submit", "startm"} /\ mret[m] = "running")
        /\ (mnextg[m] # None) <=> \/ mpc[m] = "picked"
                                   \/ (mpc[m] \in {"resetwake", "startm"} /\ mret[m] = "picked")
        /\ mret[m] = "picked" => mpc[m] \in {"resetwake", "startm"}
        /\ mpc[m] = "resetwake" => mret[m] = "picked"
        /\ (m \in Range(midle)) <=> mpc[m] = "parked"
        /\ mspinning[m] => mpc[m] \in {"woken", "schedule", "spinning", "stop", "dropped", "picked"}
        /\ mwasspin[m] => mpc[m] = "recheck"

\* Rule 6: a spinning M looking for work has an empty local queue.
SpinningLocalEmpty ==
    \A m \in Ms : mspinning[m] /\ mpc[m] \in {"schedule", "spinning", "stop"}
                     => LocalEmpty(mp[m])

\* The number of times G g is held anywhere: queues, runnext, picked, running.
Copies(g) ==
    Occ(g, globq)
    + Cardinality({m \in Ms : mnextg[m] = g}) + Cardinality({m \in Ms : mcurg[m] = g})
    + Cardinality({p \in Ps : runnext[p] = g})
    + LET f[i \in 0..NP] == IF i = 0 THEN 0 ELSE f[i - 1] + Occ(g, runq[POrder[i]])
      IN f[NP]

\* Queue conservation: every runnable G is held exactly once (in a queue,
\* a runnext, or picked by an M); a running G is exactly one M's mcurg;
\* any other G is held nowhere.  No G is lost or duplicated.
Conservation ==
    \A g \in Gs :
        /\ Copies(g) = (IF gstatus[g] \in {"runnable", "running"} THEN 1 ELSE 0)
        /\ (gstatus[g] = "running") <=> (\E m \in Ms : mcurg[m] = g)

\* The Ms at rest: running a G, parked, or never started.
AtRest == \A m \in Ms : mpc[m] \in {"running", "parked", "unstarted"}

\* No lost wakeup, at-rest safety form: when every M is at rest (nobody is
\* looking: no submitter before its wakep test, no wakeup in flight, no M
\* between dropping its P and parking, no M handed a P and not running)
\* and some P is idle, no P's ring or runnext holds a G, and a non-empty
\* global queue has a running M that will reach schedule again.
\*
\* Why the global queue is not simply "empty" here: in Go 1.14 Gosched
\* puts the G on the global queue and wakes nobody, and the re-check after
\* dropping spinning scans only the Ps' local queues.  TLC finds (in 19
\* steps) m2 re-checking and parking while m1 Gosched-s a G to the global
\* queue and runs its runnext G: every M at rest, p2 idle, one G in the
\* global queue.  That is Go's behaviour (lost parallelism until m1's next
\* schedule), not a lost wakeup: m1 will take it (GlobRunqGet, or the
\* 61st-tick check).  A global queue with no running M would be one.
NoLostWakeup ==
    (AtRest /\ npidle > 0) =>
        /\ \A p \in Ps : LocalEmpty(p)
        /\ globq # <<>> => \E m \in Ms : mpc[m] = "running"

\* The only terminal states are quiescent: every M parked or unstarted.
OnlyQuiescentDeadlock ==
    (~ENABLED Next) => \A m \in Ms : mpc[m] \in {"parked", "unstarted"}

\* wakep's CAS admits one wakeup at a time: at most one M is in startm or
\* woken (a second wakep needs nmspinning = 0, i.e. no M in either).
OneWakeupInFlight ==
    Cardinality({m \in Ms : mpc[m] \in {"startm", "woken"}}) <= 1

-----------------------------------------------------------------------------
(* Liveness *)

\* Work is submitted: a G is created, readied, or yields.
Submit == \E m \in Ms : \/ \E g \in Gs : NewProc(m, g) \/ GoReady(m, g)
                        \/ Gosched(m)

\* The plain form: every runnable G is eventually executed.  It does NOT
\* hold here, and not because of the wakeup protocol: TLC (liveness config
\* with EveryRunnableRuns) finds a cycle in which m1 runs a chain of Gs
\* through runnext (each creates the next, then yields to the global
\* queue) while g1 sits in p1's ring forever and m2 always finds the
\* yielded G on the global queue, so it never steals.  Go 1.14 breaks such
\* cycles with time slices and sysmon's preemption, which is Fairness.tla's
\* subject, not this module's.
EveryRunnableRuns ==
    \A g \in Gs : (gstatus[g] = "runnable") ~> (gstatus[g] = "running")

\* The liveness form of no lost wakeup, checked under FairSpec (weak
\* fairness of every M's steps): in every behaviour that eventually stops
\* submitting work, every runnable G is eventually executed.
RunnableEventuallyRuns ==
    (<>[][~Submit]_vars) => EveryRunnableRuns

=============================================================================
