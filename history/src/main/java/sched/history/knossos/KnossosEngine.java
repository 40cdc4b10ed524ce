package sched.history.knossos;

import clojure.java.api.Clojure;
import clojure.lang.IFn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import sched.history.edn.EdnWriter;
import sched.history.model.Models;

/**
 * Runs Knossos's own checker (jepsen-io/knossos, a Clojure library) on a Knossos EDN history through
 * {@code clojure.java.api.Clojure}. Knossos is not on the class path of a default build: it comes from Clojars
 * with the Maven profile {@code knossos} (see docs/HISTORIES.md). This path is not exercised on machines without
 * network access, which is where this project is built and tested.
 */
public final class KnossosEngine {
    private KnossosEngine() {}

    /** Thrown when Knossos is not on the class path or does not know the model. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message) { super(message); }
    }

    /** True when the Knossos namespaces can be loaded. */
    public static boolean available() {
        return Thread.currentThread().getContextClassLoader().getResource("knossos/competition.clj") != null
                || KnossosEngine.class.getClassLoader().getResource("knossos/competition__init.class") != null;
    }

    /** Knossos's constructor for our model name, or null when Knossos has no such model. */
    static String knossosModel(String model) {
        return switch (model) {
            case "register" -> "register";
            case "cas-register" -> "cas-register";
            case "multi-register" -> "multi-register";
            case "mutex" -> "mutex";
            case "fifo-queue" -> "fifo-queue";
            case "unordered-queue" -> "unordered-queue";
            case "set" -> "set";
            default -> null;
        };
    }

    /**
     * Knossos's verdict on the EDN history in {@code file}: "linearizable", "not linearizable" or "unknown".
     * {@code init} is our initial state (EDN data), converted with {@code clojure.edn}.
     */
    public static String check(Path file, String model, boolean hasInit, Object init) throws IOException {
        if (!available()) {
            throw new Unavailable("Knossos is not on the class path: build with 'mvn -Pknossos -DskipTests install'"
                    + " on a machine that reaches Clojars (see docs/HISTORIES.md)");
        }
        String ctor = knossosModel(model);
        if (ctor == null) throw new Unavailable("Knossos has no model '" + model + "' (it has register, cas-register,"
                + " multi-register, mutex, fifo-queue, unordered-queue, set)");
        IFn require = Clojure.var("clojure.core", "require");
        require.invoke(Clojure.read("clojure.edn"));
        require.invoke(Clojure.read("knossos.model"));
        require.invoke(Clojure.read("knossos.competition"));
        IFn readString = Clojure.var("clojure.edn", "read-string");
        String text = Files.readString(file, StandardCharsets.UTF_8).trim();
        // Knossos wants one collection; a file of top-level op maps is wrapped in a vector.
        Object history = readString.invoke(text.startsWith("[") || text.startsWith("(") ? text : "[" + text + "]");
        IFn ctorFn = Clojure.var("knossos.model", ctor);
        Object m;
        if (ctor.equals("mutex") || ctor.endsWith("queue") || ctor.equals("set")) m = ctorFn.invoke();
        else m = ctorFn.invoke(readString.invoke(EdnWriter.write(hasInit ? init : (ctor.equals("multi-register") ? Map.of() : null))));
        Object analysis = Clojure.var("knossos.competition", "analysis").invoke(m, history);
        Object valid = Clojure.var("clojure.core", "get").invoke(analysis, Clojure.read(":valid?"));
        if (Boolean.TRUE.equals(valid)) return "linearizable";
        if (Boolean.FALSE.equals(valid)) return "not linearizable";
        return "unknown";
    }

    /** The models Knossos can check. */
    public static String models() { return String.join(", ", Models.NAMES.stream().filter(n -> knossosModel(n) != null).toList()); }
}
