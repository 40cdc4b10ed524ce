package sched.history.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import sched.history.History;
import sched.history.Op;
import sched.history.Pairing;
import sched.history.edn.Keyword;
import sched.history.model.Model;
import sched.history.model.Models;

/** A small builder for hand-made histories in tests: {@code new Hist().inv(0, "write", 1).ok(0, "write", 1)}. */
final class Hist {
    private final List<Op> ops = new ArrayList<>();

    private Hist add(long p, Op.Type t, String f, Object v) {
        ops.add(new Op(p, t, Keyword.of(f), v, ops.size()));
        return this;
    }

    Hist inv(long p, String f, Object v) { return add(p, Op.Type.INVOKE, f, v); }

    Hist ok(long p, String f, Object v) { return add(p, Op.Type.OK, f, v); }

    Hist fail(long p, String f, Object v) { return add(p, Op.Type.FAIL, f, v); }

    Hist info(long p, String f, Object v) { return add(p, Op.Type.INFO, f, v); }

    /** Invocation immediately followed by its completion: a sequential operation. */
    Hist call(long p, String f, Object invokeValue, Object okValue) { return inv(p, f, invokeValue).ok(p, f, okValue); }

    Hist call(long p, String f, Object v) { return call(p, f, v, v); }

    History history() { return new History("hand-made", ops); }

    Checker.Result check(Model m) { return Checker.check(m, Pairing.pair(history()), 20, true); }

    Checker.Verdict verdict(Model m) { return check(m).verdict(); }

    Checker.Verdict verdict(String model) { return verdict(Models.parse(model).create()); }

    static List<Object> vec(Object... items) { return new ArrayList<>(Arrays.asList(items)); }

    static java.util.Set<Object> set(Object... items) { return new LinkedHashSet<>(Arrays.asList(items)); }

    static Keyword kw(String s) { return Keyword.of(s); }
}
