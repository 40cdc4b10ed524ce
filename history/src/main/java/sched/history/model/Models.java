package sched.history.model;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sched.history.edn.EdnException;
import sched.history.edn.EdnReader;
import sched.history.edn.EdnWriter;
import sched.history.edn.Symbol;

/**
 * Model names, default initial states, and the parser for MANIFEST model columns such as
 * {@code cas-register init=0}, {@code multi-register init={:x 0 :y 0}},
 * {@code cas-register init=nil (etcd key; nil read = absent)} or
 * {@code kv per-key string register init="" (get/put/append)}.
 */
public final class Models {
    private Models() {}

    /** The model names {@link #create} knows, with what {@code --init} means for each. */
    public static final List<String> NAMES = List.of("register", "cas-register", "etcd-register", "multi-register",
            "mutex", "fifo-queue", "unordered-queue", "set", "kv", "kv-whole-map", "runq", "runq-per-p", "globrunq", "chan");

    /** What each model's initial state is, for help texts. */
    public static String initHelp() {
        return "register/cas-register/etcd-register: a value (default nil); multi-register: a map (default {});"
                + " mutex: unlocked|locked (default unlocked); fifo-queue/unordered-queue/set: a vector (default []);"
                + " kv: ignored (\"\"); runq, runq-per-p (each P): nil or {:runnext g :ring [..] :capacity n}; globrunq: a vector (default []); chan: the capacity (default 0)";
    }

    /** A model name and its initial state; {@code init} is absent when {@code hasInit} is false. */
    public record Spec(String name, boolean hasInit, Object init) {
        public Model create() { return Models.create(name, hasInit, init); }
    }

    /** Builds the model {@code name} with an initial state ({@code hasInit} false: the model's default). */
    public static Model create(String name, boolean hasInit, Object init) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        Object i = hasInit ? init : null;
        return switch (n) {
            case "register" -> RegisterModel.register(i);
            case "cas-register" -> RegisterModel.casRegister(i);
            case "etcd-register", "cas-register-etcd" -> RegisterModel.etcdRegister(i);
            case "multi-register" -> {
                if (i != null && !(i instanceof Map)) throw new ModelException("multi-register needs a map as its initial state, e.g. {:x 0 :y 0}");
                yield new MultiRegisterModel(i == null ? Map.of() : (Map<?, ?>) i);
            }
            case "mutex" -> new MutexModel(parseLocked(i));
            case "fifo-queue" -> new FifoQueueModel(list(n, i));
            case "unordered-queue" -> new UnorderedQueueModel(list(n, i));
            case "set" -> new SetModel(list(n, i));
            case "kv" -> KvModel.perKey();
            case "kv-whole-map" -> KvModel.wholeMap();
            case "runq" -> new RunqModel(i);
            case "runq-per-p" -> new RunqPerPModel(i);
            case "globrunq" -> new GlobrunqModel(list(n, i));
            case "chan" -> {
                if (i == null) yield new ChanModel(0);
                if (!(i instanceof Long c) || c < 0 || c > Integer.MAX_VALUE) {
                    throw new ModelException("chan needs its capacity (an integer >= 0) as its initial state, found " + EdnWriter.write(i));
                }
                yield new ChanModel((int) (long) c);
            }
            default -> throw new ModelException("unknown model '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        };
    }

    private static boolean parseLocked(Object i) {
        if (i == null || Boolean.FALSE.equals(i) || new Symbol(null, "unlocked").equals(i)) return false;
        if (Boolean.TRUE.equals(i) || new Symbol(null, "locked").equals(i)) return true;
        throw new ModelException("mutex initial state must be unlocked or locked, found " + EdnWriter.write(i));
    }

    private static List<?> list(String model, Object i) {
        if (i == null) return List.of();
        if (i instanceof Collection<?> c) return List.copyOf(c);
        throw new ModelException(model + " needs a vector as its initial state, found " + EdnWriter.write(i));
    }

    /** Parses {@code NAME [words...] [init=EDN] [(comment)]}, the MANIFEST's model column. */
    public static Spec parse(String text) {
        String t = text.trim();
        String comment = "";
        if (t.endsWith(")")) {
            int open = t.lastIndexOf(" (");
            if (open > 0) {
                comment = t.substring(open + 2, t.length() - 1);
                t = t.substring(0, open).trim();
            }
        }
        String name = t;
        boolean hasInit = false;
        Object init = null;
        int eq = t.indexOf("init=");
        if (eq >= 0) {
            name = t.substring(0, eq).trim();
            String initText = t.substring(eq + 5).trim();
            try {
                init = EdnReader.readOne("model spec", initText);
            } catch (EdnException e) {
                throw new ModelException("bad initial state '" + initText + "' in model '" + text + "': " + e.problem());
            }
            hasInit = true;
        }
        String[] words = name.split("\\s+");
        String base = words[0];
        if (base.equals("kv")) base = "kv"; // "kv per-key string register" is Porcupine's per-key kv model
        else if (words.length > 1) throw new ModelException("unknown model '" + text + "' (known: " + String.join(", ", NAMES) + ")");
        if (base.equals("cas-register") && comment.toLowerCase(Locale.ROOT).contains("etcd")) base = "etcd-register";
        return new Spec(base, hasInit, init);
    }
}
