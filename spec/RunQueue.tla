------------------------------ MODULE RunQueue ------------------------------
(***************************************************************************)
(* One P's local run queue in Go 1.14.5 (runtime/proc.go: runqput,        *)
(* runqputslow, runqget, runqgrab) at the grain of its atomic memory       *)
(* operations: the owner (the P's M) puts and gets; stealers (other Ps'   *)
(* Ms in findrunnable) grab.  One action is one atomic operation of the   *)
(* RunQueue table in docs/ACTIONS.md (load-acquire of head or tail,        *)
(* store-release of tail, CAS of head, CAS of runnext); a plain read of a *)
(* location only its reader's thread writes is merged into the next       *)
(* atomic step, which the deterministic Java replay does too.             *)
(*                                                                         *)
(* head and tail are unbounded counters (Go's uint32s, which wrap; here   *)
(* every G is put at most once so tail <= |Gs|); slot i of the ring is    *)
(* slots[i % Cap].  Slots are never cleared: a stale G stays in a slot    *)
(* outside [head, tail) as in Go.                                         *)
(*                                                                         *)
(* The owner puts fresh Gs in the order GOrder (Ord(Gs), the order the     *)
(* config names them) and never re-puts a G it got, which bounds the      *)
(* state space.  A stealer retries forever; every state has a successor   *)
(* (no deadlock).                                                          *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    Gs,        \* goroutines (model values), each put once by the owner
    Stealers,  \* the stealing Ms (model values), 1 or 2
    Cap,       \* ring capacity (even, >= 2; Go: 256)
    Bugs       \* bug switches that are on (see BugNames)

BugNames == {
    "PutSlowNoNewG",      \* runqputslow sends half the ring without the new G
    "PlainWriteStealCas"  \* GrabCas: head := h+n by a plain store, no compare
    }

ASSUME Cap \in Nat /\ Cap >= 2 /\ Cap % 2 = 0
ASSUME Bugs \subseteq BugNames

None == "none"

\* A sequence enumerating S in TLC's order of model values (config order).
Ord(S) == CHOOSE s \in [1..Cardinality(S) -> S] :
              \A i, j \in 1..Cardinality(S) : i # j => s[i] # s[j]
GOrder == Ord(Gs)
SOrder == Ord(Stealers)

OwnerPCs == {"idle",          \* between operations
             "put_loadhead",  \* holds og, next: load-acquire head
             "put_publish",   \* room in the ring: write slot, release tail
             "put_slow",      \* ring full (as of oh): grab half, CAS head
             "put_global",    \* grabbed: hand the batch + og to globq
             "get_loadhead",  \* get after a failed CAS: load head again
             "get_cas"}       \* loaded oh: read slot, CAS head oh -> oh+1
StealerPCs == {"idle",        \* next: load-acquire head (GrabLoadHead)
               "loadtail",    \* loaded sh: load-acquire tail (GrabLoadTail)
               "runnext",     \* saw n = 0: CAS runnext (GrabRunnext)
               "copy",        \* n = sn: copy the slots (GrabCopy)
               "cas"}         \* copied: CAS head sh -> sh+sn (GrabCas)

VARIABLES
    \* --- the shared memory of the P ---
    head,     \* Nat: runqhead (consumers CAS it)
    tail,     \* Nat: runqtail (only the owner writes it)
    slots,    \* [0..Cap-1 -> Gs \cup {None}]: the ring's array
    runnext,  \* Gs \cup {None}
    globq,    \* Seq(Gs): the global run queue (runqputslow's target)
    \* --- the owner ---
    opc,      \* OwnerPCs
    og,       \* Gs \cup {None}: the G the owner is putting
    oh,       \* Nat: the head the owner loaded (0 when not holding one)
    obatch,   \* Seq(Gs): runqputslow's batch, grabbed, not yet global
    pending,  \* Seq(Gs): fresh Gs the owner has still to put, in order
    got,      \* Seq(Gs): the Gs the owner's runqget returned, in order
    \* --- the stealers ---
    spc,      \* [Stealers -> StealerPCs]
    sh,       \* [Stealers -> Nat]: the head the stealer loaded
    sn,       \* [Stealers -> Nat]: how many it means to grab
    scopy,    \* [Stealers -> Seq(Gs)]: its copy, before the CAS
    stolen,   \* [Stealers -> Seq(Gs)]: Gs it grabbed (its P's ring), in order
    \* --- auxiliary, NOT part of the abstract state (history only) ---
    auxPutOrder, \* Seq(Gs): Gs in the order they were published to the ring
    auxRingGot   \* Seq(Gs): the Gs the owner got from the ring (not runnext)

vars == <<head, tail, slots, runnext, globq, opc, og, oh, obatch, pending,
          got, spc, sh, sn, scopy, stolen, auxPutOrder, auxRingGot>>

\* The Gs in the ring now: slots [head, tail), head first.
Window == [i \in 1..(tail - head) |-> slots[(head + i - 1) % Cap]]

Init ==
    /\ head = 0 /\ tail = 0
    /\ slots = [i \in 0..(Cap - 1) |-> None]
    /\ runnext = None
    /\ globq = <<>>
    /\ opc = "idle" /\ og = None /\ oh = 0 /\ obatch = <<>>
    /\ pending = GOrder
    /\ got = <<>>
    /\ spc = [s \in Stealers |-> "idle"]
    /\ sh = [s \in Stealers |-> 0]
    /\ sn = [s \in Stealers |-> 0]
    /\ scopy = [s \in Stealers |-> <<>>]
    /\ stolen = [s \in Stealers |-> <<>>]
    /\ auxPutOrder = <<>>
    /\ auxRingGot = <<>>

StealerVars == <<spc, sh, sn, scopy, stolen>>
AuxVars == <<auxPutOrder, auxRingGot>>

-----------------------------------------------------------------------------
(* The owner: runqput(p, g, next) *)

\* next=TRUE: CAS runnext old -> g, the fresh G (retried until it holds;
\* only stealers clear runnext meanwhile).  old = none ends the put; else
\* old is kicked to the ring (pc put_loadhead with og = old).
PutNextCas ==
    /\ opc = "idle" /\ pending # <<>>
    /\ runnext' = Head(pending)
    /\ pending' = Tail(pending)
    /\ IF runnext = None
       THEN /\ opc' = "idle" /\ UNCHANGED og
       ELSE /\ opc' = "put_loadhead" /\ og' = runnext
    /\ UNCHANGED <<head, tail, slots, globq, oh, obatch, got, StealerVars, AuxVars>>

\* h := load-acquire head (tail is the owner's: read plainly).  From idle
\* this starts a runqput(next=FALSE) of the next fresh G.  t - h < Cap:
\* room (put_publish); else the ring is full (put_slow, remembering h).
PutLoadHead ==
    /\ \/ opc = "put_loadhead" /\ UNCHANGED pending /\ UNCHANGED og
       \/ opc = "idle" /\ pending # <<>>
          /\ og' = Head(pending) /\ pending' = Tail(pending)
    /\ IF tail - head < Cap
       THEN opc' = "put_publish" /\ oh' = 0
       ELSE opc' = "put_slow" /\ oh' = head
    /\ UNCHANGED <<head, tail, slots, runnext, globq, obatch, got, StealerVars,
                   AuxVars>>

\* slots[t % Cap] := g; store-release tail := t + 1.
PutPublish ==
    /\ opc = "put_publish"
    /\ slots' = [slots EXCEPT ![tail % Cap] = og]
    /\ tail' = tail + 1
    /\ auxPutOrder' = Append(auxPutOrder, og)
    /\ opc' = "idle" /\ og' = None
    /\ UNCHANGED <<head, runnext, globq, oh, obatch, pending, got, StealerVars,
                   auxRingGot>>

\* runqputslow: copy n = (t - h)/2 slots from h, CAS head h -> h + n.
\* Failure (a consumer moved head): back to the fast path's head load.
PutSlowGrab ==
    /\ opc = "put_slow"
    /\ LET n == (tail - oh) \div 2 IN
       IF head = oh
       THEN /\ head' = oh + n
            /\ obatch' = [i \in 1..n |-> slots[(oh + i - 1) % Cap]]
            /\ opc' = "put_global"
       ELSE /\ opc' = "put_loadhead"
            /\ UNCHANGED <<head, obatch>>
    /\ oh' = 0
    /\ UNCHANGED <<tail, slots, runnext, globq, og, pending, got, StealerVars,
                   AuxVars>>

\* Under sched.lock: globrunqputbatch(batch ++ <<g>>), order kept.
\* (PutSlowNoNewG: the batch alone; the new G is dropped.)
PutSlowGlobal ==
    /\ opc = "put_global"
    /\ globq' = globq \o obatch \o (IF "PutSlowNoNewG" \in Bugs THEN <<>> ELSE <<og>>)
    /\ obatch' = <<>>
    /\ opc' = "idle" /\ og' = None
    /\ UNCHANGED <<head, tail, slots, runnext, oh, pending, got, StealerVars,
                   AuxVars>>

-----------------------------------------------------------------------------
(* The owner: runqget(p) *)

\* runnext # none: CAS runnext g -> none; g is the result (it inherits the
\* time slice).
GetNextCas ==
    /\ opc = "idle" /\ runnext # None
    /\ got' = Append(got, runnext)
    /\ runnext' = None
    /\ UNCHANGED <<head, tail, slots, globq, opc, og, oh, obatch, pending,
                   StealerVars, AuxVars>>

\* runnext = none: h := load-acquire head; t := tail; h = t: empty (the
\* get returns nothing); else go on to the CAS.
GetLoadHead ==
    /\ \/ opc = "idle" /\ runnext = None
       \/ opc = "get_loadhead"
    /\ IF tail = head
       THEN opc' = "idle" /\ oh' = 0
       ELSE opc' = "get_cas" /\ oh' = head
    /\ UNCHANGED <<head, tail, slots, runnext, globq, og, obatch, pending, got,
                   StealerVars, AuxVars>>

\* g := slots[h % Cap]; CAS head h -> h + 1 (failure: load head again).
GetCas ==
    /\ opc = "get_cas"
    /\ IF head = oh
       THEN /\ head' = oh + 1
            /\ got' = Append(got, slots[oh % Cap])
            /\ auxRingGot' = Append(auxRingGot, slots[oh % Cap])
            /\ opc' = "idle"
       ELSE /\ opc' = "get_loadhead"
            /\ UNCHANGED <<head, got, auxRingGot>>
    /\ oh' = 0
    /\ UNCHANGED <<tail, slots, runnext, globq, og, obatch, pending,
                   StealerVars, auxPutOrder>>

-----------------------------------------------------------------------------
(* A stealer: runqgrab(p, batch, batchHead, stealRunNextG=TRUE) *)

OwnerVars == <<opc, og, oh, obatch, pending, got>>

\* h := load-acquire head.
GrabLoadHead(s) ==
    /\ spc[s] = "idle"
    /\ sh' = [sh EXCEPT ![s] = head]
    /\ spc' = [spc EXCEPT ![s] = "loadtail"]
    /\ UNCHANGED <<head, tail, slots, runnext, globq, OwnerVars, sn, scopy,
                   stolen, AuxVars>>

\* t := load-acquire tail; n := t - h - (t - h)/2.  n = 0: try runnext.
\* n > Cap/2 (h and t read inconsistently): retry from the head load.
GrabLoadTail(s) ==
    /\ spc[s] = "loadtail"
    /\ LET d == tail - sh[s]
           n == d - d \div 2
       IN IF n = 0
          THEN /\ spc' = [spc EXCEPT ![s] = "runnext"]
               /\ sh' = [sh EXCEPT ![s] = 0]
               /\ UNCHANGED sn
          ELSE IF n > Cap \div 2
          THEN /\ spc' = [spc EXCEPT ![s] = "idle"]
               /\ sh' = [sh EXCEPT ![s] = 0]
               /\ UNCHANGED sn
          ELSE /\ spc' = [spc EXCEPT ![s] = "copy"]
               /\ sn' = [sn EXCEPT ![s] = n]
               /\ UNCHANGED sh
    /\ UNCHANGED <<head, tail, slots, runnext, globq, OwnerVars, scopy, stolen,
                   AuxVars>>

\* n = 0, stealing runnext: if runnext holds g, CAS it g -> none and take
\* g; if it is none, the grab returns 0.  Either way back to idle.
GrabRunnext(s) ==
    /\ spc[s] = "runnext"
    /\ IF runnext # None
       THEN /\ stolen' = [stolen EXCEPT ![s] = Append(@, runnext)]
            /\ runnext' = None
       ELSE UNCHANGED <<stolen, runnext>>
    /\ spc' = [spc EXCEPT ![s] = "idle"]
    /\ UNCHANGED <<head, tail, slots, globq, OwnerVars, sh, sn, scopy, AuxVars>>

\* Copy slots [h, h + n) into the stealer's batch (not yet its own).
GrabCopy(s) ==
    /\ spc[s] = "copy"
    /\ scopy' = [scopy EXCEPT ![s] = [i \in 1..sn[s] |-> slots[(sh[s] + i - 1) % Cap]]]
    /\ spc' = [spc EXCEPT ![s] = "cas"]
    /\ UNCHANGED <<head, tail, slots, runnext, globq, OwnerVars, sh, sn, stolen,
                   AuxVars>>

\* CAS head h -> h + n: success makes the copy the stealer's; failure drops
\* it (retry).  PlainWriteStealCas: a plain store, which always "succeeds".
GrabCas(s) ==
    /\ spc[s] = "cas"
    /\ IF head = sh[s] \/ "PlainWriteStealCas" \in Bugs
       THEN /\ head' = sh[s] + sn[s]
            /\ stolen' = [stolen EXCEPT ![s] = @ \o scopy[s]]
       ELSE UNCHANGED <<head, stolen>>
    /\ spc' = [spc EXCEPT ![s] = "idle"]
    /\ sh' = [sh EXCEPT ![s] = 0]
    /\ sn' = [sn EXCEPT ![s] = 0]
    /\ scopy' = [scopy EXCEPT ![s] = <<>>]
    /\ UNCHANGED <<tail, slots, runnext, globq, OwnerVars, AuxVars>>

-----------------------------------------------------------------------------

Next ==
    \/ PutNextCas \/ PutLoadHead \/ PutPublish \/ PutSlowGrab \/ PutSlowGlobal
    \/ GetNextCas \/ GetLoadHead \/ GetCas
    \/ \E s \in Stealers : GrabLoadHead(s)
    \/ \E s \in Stealers : GrabLoadTail(s)
    \/ \E s \in Stealers : GrabRunnext(s)
    \/ \E s \in Stealers : GrabCopy(s)
    \/ \E s \in Stealers : GrabCas(s)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* Invariants *)

TypeOK ==
    /\ head \in Nat /\ tail \in Nat
    /\ slots \in [0..(Cap - 1) -> Gs \cup {None}]
    /\ runnext \in Gs \cup {None}
    /\ globq \in Seq(Gs)
    /\ opc \in OwnerPCs
    /\ og \in Gs \cup {None}
    /\ oh \in Nat
    /\ obatch \in Seq(Gs)
    /\ pending \in Seq(Gs)
    /\ got \in Seq(Gs)
    /\ spc \in [Stealers -> StealerPCs]
    /\ sh \in [Stealers -> Nat]
    /\ sn \in [Stealers -> Nat]
    /\ scopy \in [Stealers -> Seq(Gs)]
    /\ stolen \in [Stealers -> Seq(Gs)]

\* The number of times x occurs in sequence s.
Occ(x, s) == Cardinality({i \in 1..Len(s) : s[i] = x})

\* Where a G can be: not yet put, in the owner's hand (og, obatch), in
\* the ring, in runnext, on the global queue, got by the owner, or stolen.
\* (A stealer's copy before its CAS is a copy, not a holding.)
Holdings(g) ==
    Occ(g, pending) + (IF og = g THEN 1 ELSE 0) + Occ(g, obatch)
    + Occ(g, Window) + (IF runnext = g THEN 1 ELSE 0) + Occ(g, globq)
    + Occ(g, got)
    + LET f[i \in 0..Len(SOrder)] ==
              IF i = 0 THEN 0 ELSE f[i - 1] + Occ(g, stolen[SOrder[i]])
      IN f[Len(SOrder)]

\* No G is lost or duplicated: the multiset of all holdings is Gs, once each.
Conservation == \A g \in Gs : Holdings(g) = 1

\* The ring never holds more than Cap Gs (and head never passes tail).
BoundedRing == head <= tail /\ tail - head <= Cap

\* Position of G g in sequence s (0 if absent).
Pos(g, s) == IF \E i \in 1..Len(s) : s[i] = g
             THEN CHOOSE i \in 1..Len(s) : s[i] = g ELSE 0

\* The owner sees FIFO order: the Gs its runqget took from the ring came
\* out in the order they were published into it.
FifoOwner ==
    \A i, j \in 1..Len(auxRingGot) :
        i < j => Pos(auxRingGot[i], auxPutOrder) < Pos(auxRingGot[j], auxPutOrder)

\* runqputslow grabs exactly half the (full) ring.
PutSlowBatchHalf == opc = "put_global" => Len(obatch) = Cap \div 2

\* runqputslow moves exactly half the ring plus the new G to the global
\* queue (an action property).
PutSlowMovesHalfPlusOne ==
    [][(opc = "put_global" /\ opc' # "put_global")
          => Len(globq') = Len(globq) + Cap \div 2 + 1]_vars

-----------------------------------------------------------------------------
(* Refinement: this ring implements the atomic queue of RunQueueAbstract *)

\* The G in the owner's hand, as the abstract queue sees it: the kicked or
\* fresh G until it is published or (with the grabbed batch) made global.
AbsHand == IF opc \in {"put_loadhead", "put_publish", "put_slow"} THEN og ELSE None
\* runqputslow linearizes at its successful CAS of head: from then on the
\* batch and the new G count as global.
AbsGlobq == IF opc = "put_global" THEN globq \o obatch \o <<og>> ELSE globq

AQ == INSTANCE RunQueueAbstract WITH
          aq <- Window, arunnext <- runnext, aglobq <- AbsGlobq,
          ahand <- AbsHand, apending <- pending, agot <- got,
          astolen <- stolen, GOrder <- GOrder

\* Checked by TLC as a PROPERTY.
Refines == AQ!Spec

=============================================================================
