-------------------------- MODULE RunQueueAbstract --------------------------
(***************************************************************************)
(* One P's local run queue as an atomic object: what RunQueue.tla's        *)
(* lock-free ring must implement.  Every operation here is one atomic      *)
(* step; RunQueue.tla refines this module (checked by TLC as the property  *)
(* RunQueue!Refines, through a refinement mapping).                        *)
(*                                                                         *)
(* The owner is sequential and holds at most one G "in hand": runqput     *)
(* with next=TRUE has two linearization points in Go (the CAS of runnext, *)
(* then the ring put of the G it kicked out), so here it is two steps,    *)
(* ASwapNext then APut (or APutSlow when the ring is full).  A plain       *)
(* runqput(next=FALSE) is ATakeFresh then APut/APutSlow.                  *)
(*                                                                         *)
(* A stealer takes, in one step, a non-empty prefix of the queue of at     *)
(* most the rounded-up half of its current length (runqgrab's n is the    *)
(* rounded-up half of a length it read earlier, and the queue only grows  *)
(* at the tail while the head it read stays put), or the runnext G.       *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    Gs,         \* the goroutines (model values), put in the order GOrder
    Stealers,   \* the stealing Ps (model values)
    Cap,        \* ring capacity (even)
    GOrder      \* a sequence listing Gs: the order the owner puts them

None == "none"

VARIABLES
    aq,         \* Seq(Gs): the queue, head first
    arunnext,   \* Gs \cup {None}
    aglobq,     \* Seq(Gs): the global queue (only runqputslow adds to it)
    ahand,      \* Gs \cup {None}: the G the owner is putting
    apending,   \* Seq(Gs): Gs the owner has not put yet
    agot,       \* Seq(Gs): Gs the owner got, in order
    astolen     \* [Stealers -> Seq(Gs)]: Gs each stealer took, in order

avars == <<aq, arunnext, aglobq, ahand, apending, agot, astolen>>

AInit ==
    /\ aq = <<>>
    /\ arunnext = None
    /\ aglobq = <<>>
    /\ ahand = None
    /\ apending = GOrder
    /\ agot = <<>>
    /\ astolen = [s \in Stealers |-> <<>>]

\* runqput(next=TRUE), first half: a fresh G takes runnext; the old one
\* (if any) is kicked into the owner's hand.
ASwapNext ==
    /\ ahand = None /\ apending # <<>>
    /\ arunnext' = Head(apending)
    /\ apending' = Tail(apending)
    /\ ahand' = arunnext
    /\ UNCHANGED <<aq, aglobq, agot, astolen>>

\* runqput(next=FALSE) begins: a fresh G in hand.
ATakeFresh ==
    /\ ahand = None /\ apending # <<>>
    /\ ahand' = Head(apending)
    /\ apending' = Tail(apending)
    /\ UNCHANGED <<aq, arunnext, aglobq, agot, astolen>>

\* The G in hand goes to the tail (room in the ring).
APut ==
    /\ ahand # None /\ Len(aq) < Cap
    /\ aq' = Append(aq, ahand)
    /\ ahand' = None
    /\ UNCHANGED <<arunnext, aglobq, apending, agot, astolen>>

\* runqputslow: the ring is full; its first half and the G in hand go to
\* the global queue, in order.
APutSlow ==
    /\ ahand # None /\ Len(aq) = Cap
    /\ aglobq' = aglobq \o SubSeq(aq, 1, Cap \div 2) \o <<ahand>>
    /\ aq' = SubSeq(aq, Cap \div 2 + 1, Cap)
    /\ ahand' = None
    /\ UNCHANGED <<arunnext, apending, agot, astolen>>

\* runqget: runnext first (inheriting the time slice) ...
AGetNext ==
    /\ ahand = None /\ arunnext # None
    /\ agot' = Append(agot, arunnext)
    /\ arunnext' = None
    /\ UNCHANGED <<aq, aglobq, ahand, apending, astolen>>

\* ... else the queue's head.
AGet ==
    /\ ahand = None /\ arunnext = None /\ aq # <<>>
    /\ agot' = Append(agot, Head(aq))
    /\ aq' = Tail(aq)
    /\ UNCHANGED <<arunnext, aglobq, ahand, apending, astolen>>

\* runqgrab: stealer s takes a prefix of k Gs, 1 <= k <= ceil(Len(aq)/2).
ASteal(s) ==
    \E k \in 1..(Len(aq) - Len(aq) \div 2) :
        /\ astolen' = [astolen EXCEPT ![s] = @ \o SubSeq(aq, 1, k)]
        /\ aq' = SubSeq(aq, k + 1, Len(aq))
        /\ UNCHANGED <<arunnext, aglobq, ahand, apending, agot>>

\* runqgrab of runnext.
AStealNext(s) ==
    /\ arunnext # None
    /\ astolen' = [astolen EXCEPT ![s] = Append(@, arunnext)]
    /\ arunnext' = None
    /\ UNCHANGED <<aq, aglobq, ahand, apending, agot>>

ANext ==
    \/ ASwapNext \/ ATakeFresh \/ APut \/ APutSlow \/ AGetNext \/ AGet
    \/ \E s \in Stealers : ASteal(s) \/ AStealNext(s)

Spec == AInit /\ [][ANext]_avars

=============================================================================
