package sched.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import sched.history.edn.Keyword;

class PairingTest {
    private static List<Operation> pair(String edn) {
        return Pairing.pair(HistoryReader.readKnossos("h.edn", edn));
    }

    @Test void pairsByProcessAndKeepsOpenOperations() {
        List<Operation> ops = pair("""
                [{:process 0, :type :invoke, :f :read, :value nil}
                 {:process 1, :type :invoke, :f :write, :value 3}
                 {:process :nemesis, :type :info, :f :start, :value nil}
                 {:process 0, :type :ok, :f :read, :value 3}
                 {:process 2, :type :invoke, :f :cas, :value [3 4]}
                 {:process 1, :type :info, :f :write, :value 3}
                 {:process 3, :type :invoke, :f :write, :value 9}
                 {:process 3, :type :fail, :f :write, :value 9}
                 {:process 4, :type :info, :f :kill}
                 {:process 5, :type :invoke, :f :read}]""");
        assertEquals(5, ops.size());
        Operation read = ops.get(0);
        assertEquals(Operation.Outcome.OK, read.outcome());
        assertEquals(3L, read.value());
        assertEquals(0, read.call());
        assertEquals(3, read.ret());
        Operation write = ops.get(1);
        assertEquals(Operation.Outcome.INFO, write.outcome());
        assertTrue(write.open());
        assertEquals(3L, write.value());
        Operation cas = ops.get(2);
        assertEquals(Operation.Outcome.PENDING, cas.outcome());
        assertEquals(List.of(3L, 4L), cas.value());
        assertEquals(Operation.Outcome.FAIL, ops.get(3).outcome());
        assertEquals(Keyword.of("read"), ops.get(4).f());
        for (int i = 0; i < ops.size(); i++) assertEquals(i, ops.get(i).id());
    }

    @Test void completionWithoutInvocation() {
        HistoryException e = assertThrows(HistoryException.class, () -> pair("""
                [{:process 0, :type :invoke, :f :read, :value nil}
                 {:process 0, :type :ok, :f :read, :value 1}
                 {:process 0, :type :ok, :f :read, :value 1}]"""));
        assertTrue(e.getMessage().startsWith("h.edn:3: process 0 completes :read with :ok but has no invocation in flight"),
                e.getMessage());
    }

    @Test void twoOpenOperations() {
        HistoryException e = assertThrows(HistoryException.class, () -> pair("""
                [{:process 7, :type :invoke, :f :read, :value nil}
                 {:process 1, :type :invoke, :f :read, :value nil}
                 {:process 7, :type :invoke, :f :write, :value 2}]"""));
        assertTrue(e.getMessage().startsWith("h.edn:3: process 7 invokes :write while its :read invoked at h.edn:1 is still open"),
                e.getMessage());
    }

    @Test void invokeAfterInfoIsAnOpenOperationToo() {
        HistoryException e = assertThrows(HistoryException.class, () -> pair("""
                [{:process 7, :type :invoke, :f :write, :value 1}
                 {:process 7, :type :info, :f :write, :value 1}
                 {:process 7, :type :invoke, :f :write, :value 2}]"""));
        assertTrue(e.getMessage().contains("h.edn:3: process 7 invokes :write while its :write invoked at h.edn:1 ended :info at h.edn:2"),
                e.getMessage());
    }

    @Test void badRecordsNameTheirPosition() {
        HistoryException e = assertThrows(HistoryException.class, () -> pair("[{:process 1, :type :invoke}\n 42]"));
        assertTrue(e.getMessage().startsWith("h.edn:2:2: expected an op map"), e.getMessage());
        e = assertThrows(HistoryException.class, () -> pair("[{:process 1, :type :begin}]"));
        assertTrue(e.getMessage().contains(":type is :begin"), e.getMessage());
    }

    @Test void otherShapesAndFormats() {
        History h = HistoryReader.readKnossos("t", "{:process 0 :type :invoke :f :read}\n{:process 0 :type :ok :f :read :value 1}");
        assertEquals(2, h.size());
        assertEquals(2, h.ops().get(1).line());
        History w = HistoryReader.readKnossos("t", "{:model \"x\" :history [{:process 0 :type :invoke :f :read}]}");
        assertEquals(1, w.size());
        History log = HistoryReader.read("l", "INFO  jepsen.util - 3\t:invoke\t:cas\t[1 2]\nINFO  jepsen.util - 3   :info   :cas   :timed-out\n",
                HistoryReader.Format.AUTO);
        assertEquals(List.of(1L, 2L), log.ops().get(0).value());
        assertEquals(Op.Type.INFO, log.ops().get(1).type());
        History kv = HistoryReader.read("k", "{:process 0, :type :invoke, :f :get, :key \"a\", :value nil}\n", HistoryReader.Format.AUTO);
        assertEquals(java.util.Arrays.asList("a", null), kv.ops().get(0).value());
        // the writer's output reads back to the same records
        History again = HistoryReader.readKnossos("again", h.toEdn());
        assertEquals(h.ops().stream().map(o -> o.toEdn()).toList(), again.ops().stream().map(o -> o.toEdn()).toList());
    }
}
