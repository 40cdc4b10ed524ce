---- MODULE Undefined ----
EXTENDS Naturals
VARIABLES x

Init == x = 0

Next == x' = x + step   \* line 7: 'step' is not defined

====
