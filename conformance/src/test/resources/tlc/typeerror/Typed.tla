---- MODULE Typed ----
EXTENDS Naturals
VARIABLES x

Init == x = 0

\* From x = 2 on, line 8 adds a string to a number: a type error TLC finds while evaluating.
Next == x' = IF x < 2 THEN x + 1 ELSE x + "one"

====
