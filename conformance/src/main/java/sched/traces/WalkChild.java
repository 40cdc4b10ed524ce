package sched.traces;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import sched.trace.Json;
import sched.trace.JsonReader;
import sched.trace.JsonWriter;

/**
 * The child JVM of {@link TraceGenerator} and {@link TraceValidator}: TLC keeps a loaded spec in static state, so
 * every spec and config gets a JVM of its own. {@code WalkChild walk|validate JOB OUT}: {@code JOB} is a JSON
 * object written by the parent, {@code OUT} an NDJSON file the child writes (its first line describes the spec:
 * variables, actions, TLC version; the others are one result each). Exit 0 when the job ran (whatever its
 * results), 3 when the spec could not be loaded (the reason is on stderr).
 */
public final class WalkChild {
    private WalkChild() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !(args[0].equals("walk") || args[0].equals("validate"))) {
            System.err.println("usage: WalkChild walk|validate JOB OUT");
            System.exit(2);
        }
        Json.JObject job = (Json.JObject) JsonReader.parse(Files.readString(Path.of(args[1])));
        Path out = Path.of(args[2]);
        SpecModel model;
        try {
            model = SpecModel.load(Path.of(str(job, "specDir")), str(job, "spec"), str(job, "cfgBase"));
        } catch (Throwable e) {
            System.err.println("cannot load the spec: " + e);
            System.exit(3);
            return;
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(JsonWriter.write(Json.object()
                    .put("variables", Json.array(model.variables.stream().map(Json::of).toList()))
                    .put("actions", Json.array(model.actionNames.stream().map(Json::of).toList()))
                    .put("tlc", Json.of(tlcVersion())).build()));
            w.write('\n');
            if (args[0].equals("walk")) {
                walk(model, job, w);
            } else {
                Validation.run(model, job, w);
            }
        }
        System.out.flush();
        System.exit(0);
    }

    private static void walk(SpecModel model, Json.JObject job, BufferedWriter w) throws Exception {
        Walks walks = new Walks(model);
        Set<String> covered = new LinkedHashSet<>();
        for (Json x : ((Json.JArray) job.get("walks")).items()) {
            Json.JObject spec = (Json.JObject) x;
            String gen = str(spec, "generator");
            long seed = ((Json.JNumber) spec.get("seed")).longValue();
            int depth = (int) ((Json.JNumber) spec.get("depth")).longValue();
            Walks.Walk walk;
            switch (gen) {
                case TraceGenerator.RANDOM -> walk = walks.random(seed, depth);
                case TraceGenerator.COVERAGE -> walk = walks.coverage(seed, depth);
                case TraceGenerator.AIMED -> {
                    String aim = str(spec, "aim");
                    Walks.AimResult r = walks.aimed(aim, seed, depth, maxStates(job));
                    if (r.walk() == null) {
                        w.write(JsonWriter.write(Json.object().put("walk", spec).put("problem", r.problem()).build()));
                        w.write('\n');
                        continue;
                    }
                    walk = r.walk();
                }
                default -> throw new IllegalArgumentException("unknown generator " + gen);
            }
            writeWalk(w, spec, walk, covered);
        }
        // Aim at every action the walks above did not take.
        if (job.get("aimMissing") instanceof Json.JObject aim) {
            long seed = ((Json.JNumber) aim.get("seed")).longValue();
            int depth = (int) ((Json.JNumber) aim.get("depth")).longValue();
            int index = (int) ((Json.JNumber) aim.get("firstIndex")).longValue();
            for (String action : model.actionNames) {
                if (covered.contains(action)) continue;
                Json.JObject spec = Json.object().put("generator", TraceGenerator.AIMED).put("seed", seed)
                        .put("depth", depth).put("index", index).put("aim", action).build();
                Walks.AimResult r = walks.aimed(action, seed, depth, maxStates(job));
                if (r.walk() == null) {
                    w.write(JsonWriter.write(Json.object().put("walk", spec).put("problem", r.problem()).build()));
                    w.write('\n');
                } else {
                    writeWalk(w, spec, r.walk(), covered);
                    index++;
                }
            }
        }
    }

    private static int maxStates(Json.JObject job) {
        return job.get("maxStates") instanceof Json.JNumber n ? (int) n.longValue() : 2_000_000;
    }

    private static void writeWalk(BufferedWriter w, Json.JObject spec, Walks.Walk walk, Set<String> covered)
            throws java.io.IOException {
        List<Json> steps = new ArrayList<>();
        for (SpecModel.Succ s : walk.states()) {
            if (s.by() != null) covered.add(s.by().name());
            steps.add(Json.object()
                    .put("action", s.by() == null ? "Init" : s.by().name())
                    .put("args", s.by() == null ? Json.object().build() : s.by().args())
                    .put("state", s.state()).build());
        }
        w.write(JsonWriter.write(Json.object().put("walk", spec).put("terminal", walk.terminal())
                .put("steps", Json.array(steps)).build()));
        w.write('\n');
    }

    static String str(Json.JObject o, String key) {
        return ((Json.JString) o.get(key)).value();
    }

    /** TLC's version number, e.g. {@code 2.18}, from {@code TLCGlobals.versionOfTLC}. */
    static String tlcVersion() {
        String v = tlc2.TLCGlobals.versionOfTLC;
        if (v == null) return null;
        Matcher m = Pattern.compile("Version\\s+([0-9][0-9.]*)").matcher(v);
        return m.find() ? m.group(1) : v;
    }
}
