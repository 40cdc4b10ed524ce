package sched.traces;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import sched.tlc.TlcRunner;
import sched.trace.Json;
import sched.trace.JsonReader;
import sched.trace.JsonWriter;

/**
 * Runs one {@link WalkChild} job in a child JVM, on a copy of the spec directory's modules and the config (so an
 * edit during the run does not matter, and TLC writes nothing next to the real specs), and returns its output
 * lines. The work directory {@code <workRoot>/<Spec>-<config>-<n>/} is deleted afterwards unless the run failed.
 */
public final class SpecChild {
    private SpecChild() {}

    /** The child's output: its description of the spec (variables, actions, TLC version) and its result lines. */
    record Output(List<String> variables, List<String> actions, String tlc, List<Json.JObject> results) {}

    /** A child that failed (usually a spec or config TLC cannot load): the message ends with its log's last lines. */
    public static final class ChildFailure extends IOException {
        ChildFailure(String msg) { super(msg); }
    }

    static Output run(String mode, Path specFile, Path configFile, Json.JObject job, Path workRoot, String maxHeap)
            throws IOException, InterruptedException {
        String spec = specFile.getFileName().toString().replaceFirst("\\.tla$", "");
        String cfgName = configFile.getFileName().toString().replaceFirst("\\.cfg$", "");
        Files.createDirectories(workRoot);
        Path dir = null;
        for (int n = 1; dir == null; n++) {
            Path cand = workRoot.resolve(cfgName + "-" + mode + "-" + n);
            try {
                Files.createDirectory(cand);
                dir = cand;
            } catch (FileAlreadyExistsException e) {
                // next number
            }
        }
        Path copy = dir.resolve("spec");
        Path tmp = dir.resolve("tmp");
        Files.createDirectories(copy);
        Files.createDirectories(tmp);
        try (Stream<Path> s = Files.list(specFile.toAbsolutePath().getParent())) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".tla") && Files.isRegularFile(p)).toList()) {
                Files.copy(f, copy.resolve(f.getFileName().toString()));
            }
        }
        Files.copy(configFile, copy.resolve(configFile.getFileName().toString()));
        Json.ObjectBuilder b = Json.object();
        job.fields().forEach(b::put);
        b.put("specDir", copy.toString()).put("spec", spec).put("cfgBase", cfgName);
        Path jobFile = dir.resolve("job.json");
        Path out = dir.resolve("out.ndjson");
        Path log = dir.resolve("child.log");
        Files.writeString(jobFile, JsonWriter.write(b.build()));
        List<String> cmd = new ArrayList<>(List.of(TlcRunner.javaExecutable(), "-XX:+UseParallelGC", "-Xss4m"));
        if (maxHeap != null) cmd.add("-Xmx" + maxHeap);
        cmd.addAll(List.of("-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + tmp, "-cp", TlcRunner.childClassPath(),
                WalkChild.class.getName(), mode, jobFile.toString(), out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(copy.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("_JAVA_OPTIONS");
        Process p = pb.start();
        try {
            p.waitFor();
        } finally {
            if (p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (p.exitValue() != 0 || !Files.exists(out)) {
            String tail = lastLines(log, 15);
            throw new ChildFailure("TLC could not " + (mode.equals("walk") ? "walk " : "validate against ") + spec
                    + " with " + configFile.getFileName() + " (exit " + p.exitValue() + "; log " + log + "):\n" + tail);
        }
        List<String> lines = Files.readAllLines(out);
        Json.JObject meta;
        List<Json.JObject> results = new ArrayList<>();
        try {
            meta = (Json.JObject) JsonReader.parse(lines.getFirst());
            for (int i = 1; i < lines.size(); i++) {
                if (!lines.get(i).isEmpty()) results.add((Json.JObject) JsonReader.parse(lines.get(i)));
            }
        } catch (JsonReader.JsonSyntaxException | RuntimeException e) {
            throw new ChildFailure("unreadable output of the child (" + out + "): " + e.getMessage());
        }
        List<String> vars = ((Json.JArray) meta.get("variables")).items().stream().map(x -> ((Json.JString) x).value()).toList();
        List<String> acts = ((Json.JArray) meta.get("actions")).items().stream().map(x -> ((Json.JString) x).value()).toList();
        String tlc = meta.get("tlc") instanceof Json.JString s ? s.value() : null;
        deleteTree(dir);
        return new Output(vars, acts, tlc, results);
    }

    private static String lastLines(Path f, int n) {
        try {
            List<String> l = Files.readAllLines(f);
            return String.join("\n", l.subList(Math.max(0, l.size() - n), l.size()));
        } catch (IOException e) {
            return "";
        }
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        } catch (IOException e) {
            // best effort: a leftover directory under target/ does no harm
        }
    }
}
