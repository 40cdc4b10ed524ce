package sched.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import sched.runtime.Snapshot;
import sched.trace.Json;
import sched.trace.JsonReader;

/** The abstraction function at the runtime's start is Spinning.tla's Init, variable for variable. */
class SnapshotTest {
    @Test
    void theRuntimesStartIsSpinningsInit() throws Exception {
        try (SpinningSession s = new SpinningSession(List.of("m1", "m2", "m3"), List.of("p1", "p2"),
                List.of("g1", "g2", "g3"), 2)) {
            assertEquals(null, s.boot());
            Json.JObject java = s.snapshotJson();
            assertEquals(Snapshot.SPINNING, List.copyOf(java.fields().keySet()), "variables, in declaration order");
            // Init of Spinning.tla for Ms = {m1, m2, m3}, Ps = {p1, p2}, Gs = {g1, g2, g3} (docs/ACTIONS.md)
            Json init = JsonReader.parse("""
                    {"pidle":["p2"],"npidle":1,"runq":{"p1":[],"p2":[]},"runnext":{"p1":"none","p2":"none"},
                     "globq":[],"nmspinning":0,"midle":[],
                     "mpc":{"m1":"running","m2":"unstarted","m3":"unstarted"},
                     "mp":{"m1":"p1","m2":"none","m3":"none"},"mnextp":{"m1":"none","m2":"none","m3":"none"},
                     "mspinning":{"m1":false,"m2":false,"m3":false},"mwasspin":{"m1":false,"m2":false,"m3":false},
                     "mcurg":{"m1":"g1","m2":"none","m3":"none"},"mnextg":{"m1":"none","m2":"none","m3":"none"},
                     "mret":{"m1":"running","m2":"running","m3":"running"},
                     "gstatus":{"g1":"running","g2":"idle","g3":"idle"}}""");
            assertEquals(List.of(), JsonState.diff(Snapshot.SPINNING, (Json.JObject) init, java));
        }
    }
}
