/** Knossos-style histories: EDN reading and writing, models, and the linearizability checker. */
package sched.history;
