------------------------------- MODULE Mini -------------------------------
(* A small fixture for the trace generator and validator tests: workers put  *)
(* themselves on a bounded queue, Take serves the head, Flush empties a full *)
(* queue (only reachable after Cap Puts, so a short walk needs to aim for   *)
(* it). Bug "Double": Take counts twice, which violates Bounded. auxLog is  *)
(* an auxiliary (history) variable: a recording may leave it out.          *)
EXTENDS Naturals, Sequences

CONSTANTS Ws, Cap, Bugs

VARIABLES q, pc, done, auxLog

vars == <<q, pc, done, auxLog>>

Init ==
    /\ q = <<>>
    /\ pc = [w \in Ws |-> "idle"]
    /\ done = 0
    /\ auxLog = <<>>

Put(w) ==
    /\ pc[w] = "idle"
    /\ Len(q) < Cap
    /\ q' = Append(q, w)
    /\ pc' = [pc EXCEPT ![w] = "queued"]
    /\ UNCHANGED <<done, auxLog>>

Take ==
    /\ q /= <<>>
    /\ done < 3
    /\ q' = Tail(q)
    /\ pc' = [pc EXCEPT ![Head(q)] = "idle"]
    /\ done' = done + (IF "Double" \in Bugs THEN 2 ELSE 1)
    /\ auxLog' = Append(auxLog, Head(q))

Flush ==
    /\ Len(q) = Cap
    /\ q' = <<>>
    /\ pc' = [w \in Ws |-> "idle"]
    /\ UNCHANGED <<done, auxLog>>

Next ==
    \/ \E w \in Ws : Put(w)
    \/ Take
    \/ Flush

Spec == Init /\ [][Next]_vars

TypeOK ==
    /\ q \in Seq(Ws)
    /\ pc \in [Ws -> {"idle", "queued"}]
    /\ done \in 0..4
    /\ auxLog \in Seq(Ws)

Bounded == done <= 3
=============================================================================
