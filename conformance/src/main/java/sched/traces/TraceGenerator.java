package sched.traces;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import sched.tlc.SpecManifest;
import sched.tlc.TlcChecks;
import sched.tlc.TlcConfigFile;
import sched.tlc.TlcProgress;
import sched.tlc.value.TlaFormat;
import sched.trace.Json;
import sched.trace.SpecHash;
import sched.trace.Trace;
import sched.trace.TraceHeader;
import sched.trace.TraceStep;

/**
 * {@code ./sched traces}: generates the trace corpus (docs/TRACES-CORPUS.md). For each spec of the manifest and
 * each of its {@code ci} configs, a child JVM walks the spec's state graph with TLC's evaluator: {@code count}
 * random walks, {@code coverageCount} coverage walks, then one aimed walk for every action those did not take.
 * Every bug config's counterexample (TLC, arguments recovered) is added as a trace marked {@code "bug"}. The
 * traces go to {@code <out>/<Spec>/}, and {@code <out>/MANIFEST.json} lists seeds, counts and coverage.
 */
public final class TraceGenerator {
    /** The version of the walk algorithms and file layout; any change that alters the output bumps it. */
    public static final String VERSION = "sched-traces/1";

    static final String RANDOM = "random-walk";
    static final String COVERAGE = "coverage-walk";
    static final String AIMED = "aimed-walk";
    static final List<String> WALK_KINDS = List.of(RANDOM, COVERAGE, AIMED);

    public static final int DEFAULT_COUNT = 750;
    public static final int DEFAULT_DEPTH = 40;
    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_MAX_STATES = 2_000_000;

    private TraceGenerator() {}

    /**
     * @param specDir       where the specs and their manifest are
     * @param manifestFile  the spec manifest ({@code spec/MANIFEST.tsv}); null: discover configs by file name
     * @param specs         the specs to generate (empty: every spec of the manifest)
     * @param count         random walks per ci config
     * @param coverageCount coverage walks per ci config
     * @param depth         the longest walk, in steps
     * @param seed          the base seed
     * @param outDir        the corpus directory ({@code traces/})
     * @param bugs          also store every bug config's counterexample
     * @param workRoot      where child runs work ({@code target/traces-work})
     * @param maxHeap       -Xmx of the child JVMs, or null
     * @param maxStates     the breadth-first search budget of an aimed walk
     * @param command       the command line to record in the manifest
     */
    public record Options(Path specDir, Path manifestFile, List<String> specs, int count, int coverageCount, int depth,
                          long seed, Path outDir, boolean bugs, Path workRoot, String maxHeap, int maxStates,
                          String command, PrintStream log) {
        public Options {
            specs = List.copyOf(specs);
            if (count < 0 || coverageCount < 0) throw new IllegalArgumentException("counts must not be negative");
            if (depth < 1) throw new IllegalArgumentException("depth must be at least 1");
        }
    }

    /** The outcome: the manifest written, and the problems (uncovered actions, uncaught bugs) that make it incomplete. */
    public record Result(Json.JObject manifest, List<String> problems, int traces, long steps) {}

    /** A failure that stops generation (a spec that does not load, TLC errors); the message says which. */
    public static final class GenerationException extends Exception {
        public GenerationException(String msg) { super(msg); }
    }

    /** Which specs and configs to walk, from the manifest. */
    static Map<String, List<SpecManifest.Entry>> select(SpecManifest m, List<String> specs, SpecManifest.Kind kind) {
        Map<String, List<SpecManifest.Entry>> out = new LinkedHashMap<>();
        for (SpecManifest.Entry e : m.entries()) {
            if (!specs.isEmpty() && !specs.contains(e.spec())) continue;
            out.computeIfAbsent(e.spec(), k -> new ArrayList<>());
            if (e.kind() == kind) out.get(e.spec()).add(e);
        }
        return out;
    }

    public static SpecManifest manifest(Path specDir, Path manifestFile) throws IOException, SpecManifest.ManifestException {
        return manifestFile != null && Files.isRegularFile(manifestFile)
                ? SpecManifest.read(manifestFile) : SpecManifest.discover(specDir);
    }

    public static Result generate(Options o) throws IOException, InterruptedException, GenerationException,
            SpecManifest.ManifestException {
        SpecManifest m = manifest(o.specDir(), o.manifestFile());
        Map<String, List<SpecManifest.Entry>> ci = select(m, o.specs(), SpecManifest.Kind.CI);
        Map<String, List<SpecManifest.Entry>> bug = select(m, o.specs(), SpecManifest.Kind.BUG);
        for (String s : o.specs()) {
            if (!ci.containsKey(s)) throw new GenerationException("unknown spec " + s + " (the manifest lists "
                    + String.join(", ", select(m, List.of(), SpecManifest.Kind.CI).keySet()) + ")");
        }
        Map<String, Json> specsJson = new LinkedHashMap<>();
        // keep the entries of specs not regenerated this time
        Path manifestOut = o.outDir().resolve(CorpusManifest.FILE);
        Json.JObject old = Files.isRegularFile(manifestOut) ? CorpusManifest.read(manifestOut) : null;
        List<String> problems = new ArrayList<>();
        String tlcVersion = null;
        for (String spec : ci.keySet()) {
            long t0 = System.nanoTime();
            Path specFile = o.specDir().resolve(spec + ".tla");
            String hash = SpecHash.of(specFile);
            Path dir = o.outDir().resolve(spec);
            clean(dir);
            Coverage cov = new Coverage();
            List<Json> configs = new ArrayList<>();
            List<String> actions = null;
            int specTraces = 0;
            for (SpecManifest.Entry e : ci.get(spec)) {
                WalkPlan plan = WalkPlan.of(o, spec, e.configName());
                SpecChild.Output out = SpecChild.run("walk", specFile, e.configFile(), plan.job(), o.workRoot(), o.maxHeap());
                actions = out.actions();
                tlcVersion = out.tlc();
                Walked w = assemble(out, spec, hash, e);
                List<Json> files = new ArrayList<>();
                for (String kind : WALK_KINDS) {
                    List<Trace> ts = w.byKind().get(kind);
                    if (ts.isEmpty()) continue;
                    String name = e.configName() + "." + kind + ".ndjson.gz";
                    String text = TraceBundle.toText(ts);
                    TraceBundle.write(dir.resolve(name), text);
                    ts.forEach(cov::add);
                    files.add(fileEntry(spec + "/" + name, kind, ts, text));
                    specTraces += ts.size();
                }
                Json.ObjectBuilder c = Json.object().put("config", e.configName())
                        .put("configFile", e.configFile().getFileName().toString())
                        .put("constants", constants(e.configFile()))
                        .put("depth", o.depth())
                        .put("maxStates", o.maxStates())
                        .put("files", Json.array(files));
                if (!w.aimProblems().isEmpty()) {
                    Json.ObjectBuilder ap = Json.object();
                    w.aimProblems().forEach(ap::put);
                    c.put("notAimed", ap.build());
                }
                configs.add(c.build());
                o.log().printf("%s %s: %d random, %d coverage, %d aimed walks%s%n", spec, e.configName(),
                        w.byKind().get(RANDOM).size(), w.byKind().get(COVERAGE).size(), w.byKind().get(AIMED).size(),
                        w.aimProblems().isEmpty() ? "" : " (not aimed: " + String.join(", ", w.aimProblems().keySet()) + ")");
            }
            List<Json> bugs = new ArrayList<>();
            if (o.bugs()) {
                for (SpecManifest.Entry e : bug.getOrDefault(spec, List.of())) {
                    Json b = bugTrace(o, e, dir, cov, problems);
                    if (b != null) {
                        bugs.add(b);
                        specTraces++;
                    }
                }
            }
            if (actions == null) {
                problems.add(spec + ": the manifest lists no ci config to walk");
                actions = List.of();
            }
            List<String> uncovered = cov.uncovered(actions);
            for (String a : uncovered) {
                problems.add(spec + ": action " + a + " appears in no trace" + whyNot(configs, a));
            }
            specsJson.put(spec, Json.object()
                    .put("specHash", hash)
                    .put("traces", specTraces)
                    .put("steps", cov.steps())
                    .put("actions", Json.array(actions.stream().map(Json::of).toList()))
                    .put("coverage", cov.toJson(actions))
                    .put("uncovered", Json.array(uncovered.stream().map(Json::of).toList()))
                    .put("configs", Json.array(configs))
                    .put("bugs", Json.array(bugs))
                    .build());
            o.log().printf("%s: %d traces, %d steps, %d of %d actions covered (%.1f s)%n", spec, specTraces, cov.steps(),
                    actions.size() - uncovered.size(), actions.size(), (System.nanoTime() - t0) / 1e9);
        }
        if (old != null && old.get("specs") instanceof Json.JObject os) {
            // specs generated earlier and not this time stay listed, in their place
            Map<String, Json> merged = new LinkedHashMap<>();
            os.fields().forEach((k, v) -> merged.put(k, specsJson.getOrDefault(k, v)));
            specsJson.forEach(merged::putIfAbsent);
            specsJson.clear();
            specsJson.putAll(merged);
        }
        Json.JObject manifest = CorpusManifest.build(o, tlcVersion, specsJson);
        Files.createDirectories(o.outDir());
        Files.writeString(manifestOut, PrettyJson.write(manifest));
        int traces = 0;
        long steps = 0;
        for (Json s : specsJson.values()) {
            traces += (int) ((Json.JNumber) ((Json.JObject) s).get("traces")).longValue();
            steps += ((Json.JNumber) ((Json.JObject) s).get("steps")).longValue();
        }
        return new Result(manifest, problems, traces, steps);
    }

    private static String whyNot(List<Json> configs, String action) {
        List<String> why = new ArrayList<>();
        for (Json c : configs) {
            Json.JObject co = (Json.JObject) c;
            if (co.get("notAimed") instanceof Json.JObject na && na.get(action) instanceof Json.JString s) {
                why.add(((Json.JString) co.get("config")).value() + ": " + s.value());
            }
        }
        return why.isEmpty() ? "" : " (" + String.join("; ", why) + ")";
    }

    /** Deletes the corpus files of one spec directory (only trace files; anything else is left alone). */
    private static void clean(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".ndjson") || n.endsWith(".ndjson.gz")) Files.delete(p);
            }
        }
    }

    private static Json bugTrace(Options o, SpecManifest.Entry e, Path dir, Coverage cov, List<String> problems)
            throws IOException, InterruptedException {
        Path work = o.workRoot().resolve("tlc");
        TlcChecks.Settings settings = new TlcChecks.Settings(1, false, 0, o.maxHeap(), null, false, work,
                work.resolve("traces"));
        TlcChecks.Outcome out = TlcChecks.check(e, settings, TlcProgress.Listener.NONE);
        String name = e.bug() != null ? e.bug() : e.configName().replaceFirst("^bug-", "");
        if (out.trace() == null) {
            problems.add(e.spec() + " " + e.configName() + ": no counterexample (" + out.detail() + ")");
            o.log().printf("%s %s: no counterexample (%s)%n", e.spec(), e.configName(), out.detail());
            return null;
        }
        if (out.verdict() != TlcChecks.Verdict.PASS) {
            problems.add(e.spec() + " " + e.configName() + ": " + out.detail());
        }
        Trace t = new Trace(out.trace().header().withExtra("bug", Json.of(name)), out.trace().steps());
        String file = e.configName() + ".ndjson";
        String text = TraceBundle.toText(List.of(t));
        TraceBundle.write(dir.resolve(file), text);
        cov.add(t);
        Json.JObject header = t.header().toJson();
        o.log().printf("%s %s: counterexample, %d steps (%s)%n", e.spec(), e.configName(), t.length(), out.detail());
        return Json.object().put("bug", name).put("config", e.configName())
                .put("file", e.spec() + "/" + file)
                .put("violation", header.get("violation") == null ? Json.NULL : header.get("violation"))
                .put("steps", t.length())
                .put("sha256", sha256(text)).build();
    }

    static Json.JObject constants(Path configFile) throws IOException {
        Json.ObjectBuilder b = Json.object();
        TlcConfigFile.read(configFile).constants().forEach((k, v) -> b.put(k, TlaFormat.toJson(v)));
        return b.build();
    }

    private static Json fileEntry(String file, String kind, List<Trace> ts, String text) {
        long steps = ts.stream().mapToLong(Trace::length).sum();
        Json.ObjectBuilder b = Json.object().put("file", file).put("generator", kind).put("traces", ts.size())
                .put("steps", steps)
                .put("seeds", Json.array(ts.stream().map(t -> Json.of(t.header().seed())).toList()));
        if (kind.equals(AIMED)) {
            b.put("aims", Json.array(ts.stream().map(t -> t.header().extra().get("aim")).toList()));
        }
        return b.put("sha256", sha256(text)).build();
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return "sha256:" + HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ walks

    /** The seeds of one config's walks: {@code count} random, {@code coverageCount} coverage, one for aimed walks. */
    record WalkPlan(Json.JObject job) {
        static WalkPlan of(Options o, String spec, String config) {
            List<Json> walks = new ArrayList<>();
            long[] r = seeds(o.seed(), spec, config, RANDOM, o.count());
            for (int i = 0; i < r.length; i++) walks.add(walk(RANDOM, r[i], o.depth(), i, null));
            long[] c = seeds(o.seed(), spec, config, COVERAGE, o.coverageCount());
            for (int i = 0; i < c.length; i++) walks.add(walk(COVERAGE, c[i], o.depth(), i, null));
            long aimSeed = seeds(o.seed(), spec, config, AIMED, 1)[0];
            return new WalkPlan(Json.object().put("walks", Json.array(walks))
                    .put("aimMissing", Json.object().put("seed", aimSeed).put("depth", o.depth()).put("firstIndex", 0).build())
                    .put("maxStates", o.maxStates()).build());
        }
    }

    static Json.JObject walk(String kind, long seed, int depth, int index, String aim) {
        Json.ObjectBuilder b = Json.object().put("generator", kind).put("seed", seed).put("depth", depth).put("index", index);
        if (aim != null) b.put("aim", aim);
        return b.build();
    }

    /**
     * The seeds of the walks of one kind in one config: the first {@code n} values of
     * {@code new SplittableRandom(base ^ fnv1a64(spec + "/" + config + "/" + kind)).nextLong()}.
     */
    static long[] seeds(long base, String spec, String config, String kind, int n) {
        SplittableRandom master = new SplittableRandom(base ^ fnv1a64(spec + "/" + config + "/" + kind));
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = master.nextLong();
        return out;
    }

    static long fnv1a64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The walks of one child run as traces, by kind, and the aimed walks that could not be made (action → why). */
    record Walked(Map<String, List<Trace>> byKind, Map<String, String> aimProblems) {}

    static Walked assemble(SpecChild.Output out, String spec, String hash, SpecManifest.Entry e)
            throws IOException {
        Json.JObject constants = constants(e.configFile());
        Map<String, List<Trace>> byKind = new LinkedHashMap<>();
        WALK_KINDS.forEach(k -> byKind.put(k, new ArrayList<>()));
        Map<String, String> problems = new LinkedHashMap<>();
        for (Json.JObject r : out.results()) {
            Json.JObject w = (Json.JObject) r.get("walk");
            String kind = ((Json.JString) w.get("generator")).value();
            if (r.get("problem") instanceof Json.JString p) {
                problems.put(((Json.JString) w.get("aim")).value(), p.value());
                continue;
            }
            byKind.get(kind).add(toTrace(out, spec, hash, e.configName(), constants, w, r));
        }
        return new Walked(byKind, problems);
    }

    static Trace toTrace(SpecChild.Output out, String spec, String hash, String config, Json.JObject constants,
                         Json.JObject w, Json.JObject r) {
        String kind = ((Json.JString) w.get("generator")).value();
        long seed = ((Json.JNumber) w.get("seed")).longValue();
        Map<String, Json> extra = new LinkedHashMap<>();
        extra.put("depth", w.get("depth"));
        extra.put("index", w.get("index"));
        if (w.get("aim") != null) extra.put("aim", w.get("aim"));
        if (Json.TRUE.equals(r.get("terminal"))) extra.put("terminal", Json.TRUE);
        TraceHeader h = new TraceHeader(spec, hash, config, constants, kind, seed, out.tlc(), out.variables(),
                out.actions(), extra);
        List<TraceStep> steps = new ArrayList<>();
        int k = 0;
        for (Json s : ((Json.JArray) r.get("steps")).items()) {
            Json.JObject so = (Json.JObject) s;
            steps.add(new TraceStep(k++, ((Json.JString) so.get("action")).value(), (Json.JObject) so.get("args"),
                    (Json.JObject) so.get("state")));
        }
        return new Trace(h, steps);
    }

    /** Steps and traces per action. */
    static final class Coverage {
        private final Map<String, long[]> counts = new LinkedHashMap<>();
        private long steps;

        void add(Trace t) {
            LinkedHashSet<String> inTrace = new LinkedHashSet<>();
            for (TraceStep s : t.steps()) {
                if (s.step() == 0) continue;
                counts.computeIfAbsent(s.action(), k -> new long[2])[0]++;
                inTrace.add(s.action());
                steps++;
            }
            for (String a : inTrace) counts.get(a)[1]++;
        }

        long steps() { return steps; }

        List<String> uncovered(List<String> actions) {
            return actions.stream().filter(a -> !counts.containsKey(a)).toList();
        }

        Json toJson(List<String> actions) {
            Json.ObjectBuilder b = Json.object();
            for (String a : actions) {
                long[] c = counts.getOrDefault(a, new long[2]);
                b.put(a, Json.object().put("steps", c[0]).put("traces", c[1]).build());
            }
            return b.build();
        }
    }
}
