package sched.traces;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import sched.tlc.SpecManifest;
import sched.tlc.TlcChecks;
import sched.tlc.TlcProgress;
import sched.trace.Json;
import sched.trace.SpecHash;
import sched.trace.Trace;
import sched.trace.TraceFormatException;

/**
 * The regeneration check of the committed corpus: regenerates traces from the seeds in {@code MANIFEST.json}
 * and compares them, as text, with the committed files (the uncompressed text: the gzip bytes could differ between
 * zlib builds, the trace text may not). Every file's SHA-256 is compared with the manifest too, so an edit anywhere
 * in a file is caught even when only a sample is regenerated.
 */
public final class CorpusVerifier {
    private CorpusVerifier() {}

    /**
     * @param sample regenerate the first {@code sample} traces of each walk file; 0 = all of them
     * @param bugs   also re-run TLC on every bug config and compare its counterexample
     */
    public record Options(Path outDir, Path specDir, Path manifestFile, int sample, boolean bugs, Path workRoot,
                          String maxHeap, PrintStream log) {}

    /** The traces regenerated and compared, and every difference found (file:line: message). */
    public record Report(int compared, List<String> mismatches) {
        public boolean ok() { return mismatches.isEmpty(); }
    }

    public static Report verify(Options o) throws IOException, InterruptedException, SpecManifest.ManifestException {
        Path mf = o.outDir().resolve(CorpusManifest.FILE);
        if (!Files.isRegularFile(mf)) throw new IOException("no corpus manifest " + mf);
        Json.JObject manifest = CorpusManifest.read(mf);
        String command = str(manifest, "command");
        List<String> bad = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, Json> se : ((Json.JObject) manifest.get("specs")).fields().entrySet()) {
            String spec = se.getKey();
            Json.JObject sj = (Json.JObject) se.getValue();
            Path specFile = o.specDir().resolve(spec + ".tla");
            if (!Files.isRegularFile(specFile)) {
                bad.add(mf + ": spec " + spec + " no longer exists (" + specFile + ")");
                continue;
            }
            String hash = SpecHash.of(specFile);
            if (!hash.equals(str(sj, "specHash"))) {
                bad.add(mf + ": spec " + spec + " has changed since the corpus was made (" + str(sj, "specHash")
                        + ", now " + hash + "): regenerate it with " + command);
                continue;
            }
            for (Json cj : ((Json.JArray) sj.get("configs")).items()) {
                compared += verifyConfig(o, spec, specFile, hash, (Json.JObject) cj, command, bad);
            }
            if (o.bugs()) compared += verifyBugs(o, spec, sj, bad);
        }
        return new Report(compared, bad);
    }

    private static int verifyConfig(Options o, String spec, Path specFile, String hash, Json.JObject cj, String command,
                                    List<String> bad) throws IOException, InterruptedException {
        String config = str(cj, "config");
        Path cfg = o.specDir().resolve(str(cj, "configFile"));
        if (!Files.isRegularFile(cfg)) {
            bad.add(cfg + ": config " + config + " of spec " + spec + " no longer exists");
            return 0;
        }
        if (!TraceGenerator.constants(cfg).equals(cj.get("constants"))) {
            bad.add(cfg + ": its constants have changed since the corpus was made: regenerate it with " + command);
            return 0;
        }
        int depth = (int) num(cj, "depth");
        List<Json> walks = new ArrayList<>();
        List<Json.JObject> files = new ArrayList<>();
        for (Json fj : ((Json.JArray) cj.get("files")).items()) {
            Json.JObject f = (Json.JObject) fj;
            files.add(f);
            String kind = str(f, "generator");
            List<Json> seeds = ((Json.JArray) f.get("seeds")).items();
            int n = o.sample() > 0 ? Math.min(o.sample(), seeds.size()) : seeds.size();
            for (int i = 0; i < n; i++) {
                String aim = kind.equals(TraceGenerator.AIMED) ? ((Json.JString) ((Json.JArray) f.get("aims")).get(i)).value() : null;
                walks.add(TraceGenerator.walk(kind, ((Json.JNumber) seeds.get(i)).longValue(), depth, i, aim));
            }
        }
        Json.ObjectBuilder job = Json.object().put("walks", Json.array(walks));
        if (cj.get("maxStates") != null) job.put("maxStates", cj.get("maxStates"));
        SpecChild.Output out = SpecChild.run("walk", specFile, cfg, job.build(), o.workRoot(), o.maxHeap());
        SpecManifest.Entry entry = new SpecManifest.Entry(spec, specFile, cfg, config, SpecManifest.Kind.CI, null, null, "", 0);
        TraceGenerator.Walked w = TraceGenerator.assemble(out, spec, hash, entry);
        int compared = 0;
        for (Json.JObject f : files) {
            Path file = o.outDir().resolve(str(f, "file"));
            List<Trace> regenerated = w.byKind().get(str(f, "generator"));
            compared += compare(file, str(f, "sha256"), regenerated, bad);
        }
        if (!w.aimProblems().isEmpty()) bad.add(cfg + ": aimed walks could not be made again: " + w.aimProblems());
        if (o.log() != null) o.log().printf("%s %s: %d traces regenerated%n", spec, config, compared);
        return compared;
    }

    private static int verifyBugs(Options o, String spec, Json.JObject sj, List<String> bad)
            throws IOException, InterruptedException, SpecManifest.ManifestException {
        SpecManifest m = TraceGenerator.manifest(o.specDir(), o.manifestFile());
        int compared = 0;
        for (Json bj : ((Json.JArray) sj.get("bugs")).items()) {
            Json.JObject b = (Json.JObject) bj;
            String config = str(b, "config");
            Path file = o.outDir().resolve(str(b, "file"));
            SpecManifest.Entry e = m.entries().stream()
                    .filter(x -> x.spec().equals(spec) && x.configName().equals(config)).findFirst().orElse(null);
            if (e == null) {
                bad.add(file + ": the spec manifest no longer lists " + spec + " " + config);
                continue;
            }
            Path work = o.workRoot().resolve("tlc");
            TlcChecks.Outcome out = TlcChecks.check(e, new TlcChecks.Settings(1, false, 0, o.maxHeap(), null, false,
                    work, work.resolve("traces")), TlcProgress.Listener.NONE);
            if (out.trace() == null) {
                bad.add(file + ": TLC no longer finds a counterexample with " + config + " (" + out.detail() + ")");
                continue;
            }
            Trace t = new Trace(out.trace().header().withExtra("bug", b.get("bug")), out.trace().steps());
            compared += compare(file, str(b, "sha256"), List.of(t), bad);
            if (o.log() != null) o.log().printf("%s %s: counterexample regenerated%n", spec, config);
        }
        return compared;
    }

    /** Compares the regenerated traces with the first traces of the committed file; returns how many were compared. */
    private static int compare(Path file, String sha, List<Trace> regenerated, List<String> bad) throws IOException {
        String text;
        try {
            text = TraceBundle.text(file);
        } catch (TraceFormatException e) {
            bad.add(e.getMessage());
            return 0;
        } catch (java.nio.file.NoSuchFileException e) {
            bad.add(file + ": missing");
            return 0;
        }
        if (!TraceGenerator.sha256(text).equals(sha)) {
            bad.add(file + ": its text differs from the manifest's SHA-256 (edited after it was generated?)");
        }
        List<TraceBundle.Chunk> chunks = TraceBundle.chunks(text);
        for (int i = 0; i < regenerated.size(); i++) {
            String again = sched.trace.TraceWriter.toText(regenerated.get(i));
            if (i >= chunks.size()) {
                bad.add(file + ": has " + chunks.size() + " traces, regeneration made more");
                return i;
            }
            TraceBundle.Chunk c = chunks.get(i);
            if (!c.text().equals(again)) {
                String[] a = c.text().split("\n", -1);
                String[] b = again.split("\n", -1);
                int k = 0;
                while (k < a.length && k < b.length && a[k].equals(b[k])) k++;
                bad.add(file + ":" + (c.firstLine() + k) + ": trace " + i + " regenerates differently (seed "
                        + regenerated.get(i).header().seed() + "): committed " + clip(k < a.length ? a[k] : "<end>")
                        + ", regenerated " + clip(k < b.length ? b[k] : "<end>"));
            }
        }
        return regenerated.size();
    }

    private static String clip(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }

    private static String str(Json.JObject o, String k) {
        return o.get(k) instanceof Json.JString s ? s.value() : null;
    }

    private static long num(Json.JObject o, String k) {
        return ((Json.JNumber) o.get(k)).longValue();
    }
}
