package sched.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import sched.tlc.SpecManifest;
import sched.tlc.TlcRunner;
import sched.trace.Json;

/**
 * The committed corpus {@code traces/}: the first traces of every walk file regenerate byte for byte from the
 * manifest's seeds (every file's text matches its SHA-256 in the manifest), every action of every spec appears,
 * every bug config of {@code spec/MANIFEST.tsv} has its counterexample, and the corpus is well under 20 MB. The
 * full regeneration (every trace, and the bug configs through TLC) is {@code ./sched traces --verify --bugs}, run
 * by the audit and by {@link CorpusRegenerateFullTest} (tag "long").
 */
class TracesRegenerateTest {
    static final int SAMPLE = 3;

    static Path root() {
        return TlcRunner.projectRoot();
    }

    static void assumeCorpus() {
        Path root = root();
        assumeTrue(Files.isRegularFile(root.resolve("spec/MANIFEST.tsv")),
                "no spec/MANIFEST.tsv yet: the specs are written on branch 'spec'");
        assumeTrue(Files.isRegularFile(root.resolve("traces/MANIFEST.json")),
                "no traces/MANIFEST.json: generate the corpus with ./sched traces");
    }

    @Test
    void theFirstTracesOfEachFileRegenerateIdentically() throws Exception {
        assumeCorpus();
        Path root = root();
        CorpusVerifier.Report r = CorpusVerifier.verify(new CorpusVerifier.Options(root.resolve("traces"),
                root.resolve("spec"), root.resolve("spec/MANIFEST.tsv"), SAMPLE, false,
                Path.of("target", "traces-test", "regenerate").toAbsolutePath(), "1g",
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertTrue(r.ok(), String.join("\n", r.mismatches()));
        assertTrue(r.compared() > 0);
    }

    @Test
    void everyActionAndEveryBugSwitchIsInTheCorpus() throws Exception {
        assumeCorpus();
        Path root = root();
        Json.JObject m = CorpusManifest.read(root.resolve("traces/MANIFEST.json"));
        Json.JObject specs = (Json.JObject) m.get("specs");
        SpecManifest sm = SpecManifest.read(root.resolve("spec/MANIFEST.tsv"));
        Set<String> ciSpecs = new HashSet<>();
        for (SpecManifest.Entry e : sm.entries()) if (e.kind() == SpecManifest.Kind.CI) ciSpecs.add(e.spec());
        assertEquals(ciSpecs, specs.fields().keySet(), "every spec with a ci config has traces");
        for (var se : specs.fields().entrySet()) {
            Json.JObject s = (Json.JObject) se.getValue();
            assertEquals(Json.array(), s.get("uncovered"), se.getKey() + ": every action appears");
            Set<String> bugs = new HashSet<>();
            for (Json b : ((Json.JArray) s.get("bugs")).items()) bugs.add(((Json.JString) ((Json.JObject) b).get("config")).value());
            for (SpecManifest.Entry e : sm.entries()) {
                if (e.spec().equals(se.getKey()) && e.kind() == SpecManifest.Kind.BUG) {
                    assertTrue(bugs.contains(e.configName()), se.getKey() + " " + e.configName() + " has a counterexample trace");
                }
            }
        }
    }

    @Test
    void theCorpusIsWellUnder20MB() throws Exception {
        assumeCorpus();
        long bytes;
        try (Stream<Path> s = Files.walk(root().resolve("traces"))) {
            bytes = s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
        assertTrue(bytes < 10L << 20, "traces/ holds " + bytes + " bytes");
        List<String> unexpected;
        try (Stream<Path> s = Files.list(root().resolve("traces"))) {
            unexpected = s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("MANIFEST.json") && !Files.isDirectory(root().resolve("traces").resolve(n)))
                    .toList();
        }
        assertEquals(List.of(), unexpected);
    }
}
