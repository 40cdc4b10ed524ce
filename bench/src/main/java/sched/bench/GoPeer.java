package sched.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Go peer: bench/go built with the go found on the PATH into bench/target/go/schedbench, offline (no module
 * downloads: the program uses the standard library only).
 */
public final class GoPeer {
    private final Path binary;
    private final String status;

    private GoPeer(Path binary, String status) {
        this.binary = binary;
        this.status = status;
    }

    public boolean available() { return binary != null; }

    public Path binary() { return binary; }

    /** "go1.x.y (bench/target/go/schedbench)" or why there is no Go peer. */
    public String status() { return status; }

    /** Find go on the PATH and build the Go programs; never throws (a missing Go is a status). */
    public static GoPeer build(Path root, PrintStream log) {
        Path go = findOnPath("go");
        if (go == null) return new GoPeer(null, "go not on PATH");
        Path src = root.resolve("bench").resolve("go");
        if (!Files.isRegularFile(src.resolve("main.go"))) return new GoPeer(null, "no Go sources at " + src);
        Path out = root.resolve("bench").resolve("target").resolve("go").resolve("schedbench");
        try {
            Files.createDirectories(out.getParent());
            String version = run(List.of(go.toString(), "version"), src, 60).strip();
            ProcessBuilder pb = new ProcessBuilder(go.toString(), "build", "-o", out.toString(), ".");
            pb.directory(src.toFile());
            pb.environment().put("GOPROXY", "off");
            pb.environment().put("GOFLAGS", "-mod=mod");
            pb.environment().put("GOTOOLCHAIN", "local");
            pb.environment().put("CGO_ENABLED", "0");
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                log.println("go build failed:\n" + text);
                return new GoPeer(null, "go build failed (" + version + ")");
            }
            String v = version.replaceFirst("^go version ", "");
            return new GoPeer(out, v);
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return new GoPeer(null, "go build failed: " + e.getMessage());
        }
    }

    public static Path findOnPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, exe);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
        }
        return null;
    }

    private static String run(List<String> cmd, Path dir, int timeoutSec) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.directory(dir.toFile());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(timeoutSec, TimeUnit.SECONDS);
        return text;
    }
}
