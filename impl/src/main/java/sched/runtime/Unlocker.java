package sched.runtime;

/** What gopark's caller holds and park_m releases once the G is marked waiting (Go's unlockf). */
@FunctionalInterface
interface Unlocker {
    void unlock();
}
