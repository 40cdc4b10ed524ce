package sched.audit;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser: headless Chromium (Debian's {@code chromium}, installed by .ci/run) loads
 * report.html from disk with the network off, and the DOM it builds must contain the invariant table, the
 * charts and the timelines; a screenshot must come out. Fails (not skips) under CI when Chromium is missing.
 */
class ReportBrowserTest {
    @TempDir Path dir;

    static Path chromium() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(c))) return Path.of(c);
        }
        return null;
    }

    @Test void reportRendersInHeadlessChromium() throws Exception {
        Path chrome = chromium();
        if (chrome == null) {
            assertNull(System.getenv("CI"), "CI must have Chromium (.ci/run installs Debian's chromium)");
            org.junit.jupiter.api.Assumptions.abort("no Chromium on this machine: apt-get install chromium");
        }
        Report r = new Report();
        r.phases.add(new Report.Phase("TLC: ci configs", Report.Status.PASS, "3/3 hold", java.time.Duration.ofSeconds(1), "./sched check"));
        r.evidence("NoLostWakeup", "TLC (distinct states)", "holds, 1,234 states");
        r.coverage.put("Spinning", Map.of("NewProc", 10L));
        r.stateSpace.add(new Report.StatePoint("Spinning", "ci", "Ms={m1,m2}", 1234));
        r.pictures.add(new Report.Picture("Bug switch X", TimelineTest.sample(), 3, "note"));
        Path html = dir.resolve("report.html");
        Files.writeString(html, ReportWriter.html(r));
        Path profile = Files.createDirectories(dir.resolve("profile"));
        List<String> base = new ArrayList<>(List.of(chrome.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        List<String> dump = new ArrayList<>(base);
        dump.add("--dump-dom");
        dump.add(html.toUri().toString());
        String dom = run(dump, dir.resolve("dom.out"));
        assertTrue(dom.contains("id=\"invariants\""), "the invariant table is in the rendered DOM");
        assertTrue(dom.contains("NoLostWakeup"));
        assertTrue(dom.contains("class=\"chart statespace\"") && dom.contains("class=\"chart coverage\""), "charts");
        assertTrue(dom.contains("class=\"timeline\""), "the counterexample timeline");
        List<String> shot = new ArrayList<>(base);
        Path png = dir.resolve("report.png");
        shot.add("--screenshot=" + png);
        shot.add("--window-size=1280,2000");
        shot.add(html.toUri().toString());
        run(shot, dir.resolve("shot.out"));
        assertTrue(Files.size(png) > 10_000, "a screenshot was taken");
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
    }

    private static String run(List<String> cmd, Path outFile) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectOutput(outFile.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish: " + cmd);
        }
        return Files.readString(outFile);
    }
}
