---- MODULE Broken ----
EXTENDS Naturals
VARIABLES x

Init == x = 0

\* line 8 has a syntax error: an unbalanced parenthesis
Next == /\ x' = (x + 1
        /\ x < 3

====
