package sched.runtime;

/** Why a goroutine is waiting, as Go prints it in a deadlock report or a goroutine dump. */
public enum WaitReason {
    CHAN_SEND("chan send"), CHAN_RECEIVE("chan receive"), CHAN_SEND_NIL("chan send (nil chan)"),
    CHAN_RECEIVE_NIL("chan receive (nil chan)"), SELECT("select"), SELECT_NO_CASES("select (no cases)"),
    SYNC_WAITGROUP("sync.WaitGroup.Wait"), SYNC_MUTEX("sync.Mutex.Lock"), SLEEP("sleep"),
    LOCKED_M("locked to thread"), SCRIPTED("scripted park"), PARK("park");

    private final String text;

    WaitReason(String text) { this.text = text; }

    @Override public String toString() { return text; }
}
