package sched.runtime;

/**
 * The abstract program counter of an M: where it stands between two steps ({@code mpc[m]} in Spinning.tla).
 * Written only when probes are on; in production the field is never touched.
 */
public enum MState {
    unstarted, running, submit, startm, resetwake, woken, schedule, spinning, stop, dropped, recheck, park,
    parked, picked, syscall, exited
}
