/** The Java scheduler: goroutines (G), machines (M) and processors (P) as in Go's runtime/proc.go. */
package sched.runtime;
