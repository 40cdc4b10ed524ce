package sched.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import sched.tlc.TlcConfigFile;
import sched.tlc.TlcRunner;
import sched.tlc.value.TlaFormat;
import sched.tlc.value.TlaValueParser;
import sched.trace.Json;
import sched.trace.JsonReader;
import sched.trace.JsonWriter;
import sched.trace.SpecHash;
import sched.trace.Trace;
import sched.trace.TraceHeader;
import sched.trace.TraceReader;
import sched.trace.TraceStep;
import sched.trace.TraceWriter;

/**
 * TLC's evaluator ({@code tlc2.tool.impl.FastTool}) as an oracle for the replay suite, run in a child JVM (TLC keeps
 * static state):
 * <ul>
 *   <li>{@link #firstNonStep}: the first step of a trace that is not a step of a spec under a config: for a bug
 *       switch's counterexample checked against the bug-free config, the step where the bug acts (the Teeth
 *       tests expect the replay against the correct Java to diverge exactly there). The same check tells whether a
 *       trace recorded from the Java is a behaviour of the spec.</li>
 *   <li>{@link #walk}: seeded random walks over the spec's transitions, written as trace files (generator {@code
 *       replay-walk}). The corpus proper is {@code ./sched traces}' job; these walks feed the replay tests where
 *       no corpus is committed yet.</li>
 * </ul>
 */
public final class SpecOracle {
    private SpecOracle() {}

    /**
     * The number of the first step of {@code trace} that the spec in {@code specDir} under config {@code cfg}
     * does not allow (0: the initial state is not an initial state of the spec), or -1 when every step is one.
     */
    public static int firstNonStep(Path specDir, String spec, Path cfg, Path trace) throws IOException, InterruptedException {
        Path out = Files.createTempFile("oracle", ".txt");
        try {
            run(specDir, List.of("check", specDir.toString(), spec, cfg.toString(), trace.toString(), out.toString()));
            String r = Files.readString(out).trim();
            if (r.isEmpty()) throw new IOException("the spec oracle gave no answer for " + trace);
            return Integer.parseInt(r.split("\\s")[0]);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Writes {@code count} random walks of at most {@code depth} steps into {@code outDir}; returns the files. */
    public static List<Path> walk(Path specDir, String spec, Path cfg, long seed, int count, int depth, Path outDir)
            throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        run(specDir, List.of("walk", specDir.toString(), spec, cfg.toString(), Long.toString(seed),
                Integer.toString(count), Integer.toString(depth), outDir.toString()));
        try (var s = Files.list(outDir)) {
            return s.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList();
        }
    }

    private static void run(Path specDir, List<String> args) throws IOException, InterruptedException {
        Path tmp = Files.createTempDirectory("oracle-tmp");
        List<String> cmd = new ArrayList<>(List.of(TlcRunner.javaExecutable(), "-XX:+UseParallelGC", "-Xss4m",
                "-Djava.io.tmpdir=" + tmp, "-cp", TlcRunner.childClassPath(), SpecOracle.class.getName()));
        cmd.addAll(args);
        Path log = tmp.resolve("oracle.log");
        Process p = new ProcessBuilder(cmd).directory(specDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("the spec oracle timed out");
        }
        if (p.exitValue() != 0) {
            throw new IOException("the spec oracle failed (exit " + p.exitValue() + "):\n" + Files.readString(log));
        }
    }

    // ------------------------------------------------------------------------------------------- the child

    public static void main(String[] args) throws Exception {
        tlc2.util.FP64.Init();
        Path specDir = Path.of(args[1]);
        String spec = args[2];
        Path cfg = Path.of(args[3]);
        String cfgBase = cfg.getFileName().toString().replaceFirst("\\.cfg$", "");
        // FastTool reads the config from the spec directory: copy it there under a private name if needed.
        Path local = specDir.resolve(cfg.getFileName());
        boolean copied = false;
        if (!Files.exists(local) || !Files.isSameFile(local, cfg)) {
            cfgBase = "oracle-" + ProcessHandle.current().pid() + "-" + cfgBase;
            local = specDir.resolve(cfgBase + ".cfg");
            Files.copy(cfg, local);
            copied = true;
        }
        try {
            tlc2.tool.impl.FastTool tool = new tlc2.tool.impl.FastTool(specDir + java.io.File.separator, spec, cfgBase,
                    new util.SimpleFilenameToStream(specDir.toString()));
            switch (args[0]) {
                case "check" -> check(tool, Path.of(args[4]), Path.of(args[5]));
                case "walk" -> walk(tool, specDir, spec, cfg, Long.parseLong(args[4]), Integer.parseInt(args[5]),
                        Integer.parseInt(args[6]), Path.of(args[7]));
                default -> throw new IllegalArgumentException(args[0]);
            }
        } finally {
            if (copied) Files.deleteIfExists(local);
        }
        System.exit(0);
    }

    private static Json.JObject json(tlc2.tool.TLCState s) {
        Json.ObjectBuilder b = Json.object();
        for (tla2sany.semantic.OpDeclNode v : tlc2.tool.TLCState.vars) {
            tlc2.value.IValue val = s.lookup(v.getName());
            b.put(v.getName().toString(), TlaFormat.toJson(TlaValueParser.parseLenient(val.toString())));
        }
        return b.build();
    }

    private static boolean same(Json.JObject a, Json.JObject b) {
        for (var e : a.fields().entrySet()) if (!e.getValue().equals(b.get(e.getKey()))) return false;
        return true;
    }

    private static void check(tlc2.tool.impl.FastTool tool, Path tracePath, Path out) throws Exception {
        Trace t = TraceReader.read(tracePath);
        List<TraceStep> steps = t.steps();
        List<tlc2.tool.TLCState> current = new ArrayList<>();
        tlc2.tool.StateVec inits = tool.getInitStates();
        for (int i = 0; i < inits.size(); i++) {
            if (same(json(inits.elementAt(i)), steps.getFirst().state())) current.add(inits.elementAt(i));
        }
        if (current.isEmpty()) {
            Files.writeString(out, "0 no initial state matches");
            return;
        }
        tlc2.tool.TLCState cur = current.getFirst();
        for (int s = 1; s < steps.size(); s++) {
            tlc2.tool.TLCState next = null;
            for (tlc2.tool.Action a : tool.getActions()) {
                tlc2.tool.StateVec succ = tool.getNextStates(a, cur);
                for (int k = 0; k < succ.size() && next == null; k++) {
                    if (same(json(succ.elementAt(k)), steps.get(s).state())) next = succ.elementAt(k);
                }
                if (next != null) break;
            }
            if (next == null) {
                Files.writeString(out, s + " no action leads to the state of step " + s);
                return;
            }
            cur = next;
        }
        Files.writeString(out, "-1");
    }

    private static void walk(tlc2.tool.impl.FastTool tool, Path specDir, String spec, Path cfg, long seed, int count,
                             int depth, Path outDir) throws Exception {
        List<String> variables = new ArrayList<>();
        for (tla2sany.semantic.OpDeclNode v : tlc2.tool.TLCState.vars) variables.add(v.getName().toString());
        Path tla = specDir.resolve(spec + ".tla");
        List<String> declared = declarationOrder(Files.readString(tla, StandardCharsets.UTF_8), variables);
        tlc2.tool.Action[] actions = tool.getActions();
        LinkedHashSet<String> actionNames = new LinkedHashSet<>();
        for (tlc2.tool.Action a : actions) actionNames.add(a.getName().toString());
        Json.ObjectBuilder constants = Json.object();
        TlcConfigFile.read(cfg).constants().forEach((k, v) -> constants.put(k, TlaFormat.toJson(v)));
        String configName = cfg.getFileName().toString().replaceFirst("\\.cfg$", "").replaceFirst("^" + spec + "\\.", "");
        String hash = SpecHash.of(tla);
        Random rnd = new Random(seed);
        tlc2.tool.StateVec inits = tool.getInitStates();
        for (int n = 0; n < count; n++) {
            long walkSeed = rnd.nextLong();
            Random r = new Random(walkSeed);
            tlc2.tool.TLCState cur = inits.elementAt(r.nextInt(inits.size()));
            List<TraceStep> steps = new ArrayList<>();
            steps.add(new TraceStep(0, "Init", Json.object().build(), ordered(json(cur), declared)));
            for (int s = 1; s <= depth; s++) {
                List<tlc2.tool.TLCState> succs = new ArrayList<>();
                List<tlc2.tool.Action> via = new ArrayList<>();
                for (tlc2.tool.Action a : actions) {
                    tlc2.tool.StateVec v = tool.getNextStates(a, cur);
                    for (int k = 0; k < v.size(); k++) {
                        succs.add(v.elementAt(k));
                        via.add(a);
                    }
                }
                if (succs.isEmpty()) break;
                int pick = r.nextInt(succs.size());
                cur = succs.get(pick);
                steps.add(new TraceStep(s, via.get(pick).getName().toString(), args(via.get(pick)),
                        ordered(json(cur), declared)));
            }
            TraceHeader h = new TraceHeader(spec, hash, configName, constants.build(), "replay-walk", walkSeed, "2.18",
                    declared, List.copyOf(actionNames), null);
            TraceWriter.write(outDir.resolve(String.format("%s-%s-%05d.ndjson", spec, configName, n)), new Trace(h, steps));
        }
    }

    private static Json.JObject ordered(Json.JObject o, List<String> vars) {
        Json.ObjectBuilder b = Json.object();
        for (String v : vars) b.put(v, o.get(v));
        return b.build();
    }

    /** The variables in the order the module declares them (TLC's own order is internal). */
    private static List<String> declarationOrder(String text, List<String> vars) {
        List<String> out = new ArrayList<>(vars);
        out.sort(java.util.Comparator.comparingInt(v -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*" + v + "\\s*,?\\s*(\\\\\\*.*)?$").matcher(text);
            return m.find() ? m.start() : Integer.MAX_VALUE;
        }));
        return out;
    }

    private static Json.JObject args(tlc2.tool.Action a) {
        Json.ObjectBuilder b = Json.object();
        tla2sany.semantic.OpDefNode def = a.getOpDef();
        if (def != null && def.getParams() != null) {
            for (tla2sany.semantic.FormalParamNode p : def.getParams()) {
                Object v = a.con.lookup(p);
                if (v != null) b.put(p.getName().toString(), TlaFormat.toJson(TlaValueParser.parseLenient(v.toString())));
            }
        }
        return b.build();
    }

    /** Reads a JSON line (for tests of this class). */
    static Json parse(String line) throws JsonReader.JsonSyntaxException { return JsonReader.parse(line); }

    static String write(Json j) { return JsonWriter.write(j); }
}
