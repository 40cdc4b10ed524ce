package sched.replay;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import sched.cli.Main;
import sched.props.Choices;
import sched.props.PropRunner;
import sched.props.SpinningExplorer;
import sched.tlc.TlcRunner;
import sched.trace.Trace;

/** Shared by the replay tests: the project's spec directory, the CLI with captured output, recorded behaviours. */
final class ReplaySupport {
    private ReplaySupport() {}

    /** {@code <root>/spec}, or null when the tree has no specs yet. */
    static Path specDir() {
        Path d = TlcRunner.projectRoot().resolve("spec");
        return Files.isRegularFile(d.resolve("Spinning.tla")) ? d : null;
    }

    record Run(int exit, String out, String err) {}

    static Run cli(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A behaviour of the Java runtime under a random scenario and interleaving (case {@code i} of seed 42). */
    static Trace recorded(int i) {
        SpinningExplorer.Result r = SpinningExplorer.run(Choices.random(PropRunner.caseSeed(42, i), 20_000),
                SpinningExplorer.Options.safety());
        if (r.failure() != null) throw new AssertionError("recording case " + i + " failed: " + r.failure());
        return r.trace();
    }

    /** The first recorded behaviour (cases 0, 1, ...) with a step of {@code action}. */
    static Trace recordedWith(String action) {
        for (int i = 0; i < 200; i++) {
            Trace t = recorded(i);
            if (t.steps().stream().anyMatch(s -> s.action().equals(action))) return t;
        }
        throw new AssertionError("no recording has a step " + action);
    }

    static List<String> lines(String s) { return s.lines().toList(); }
}
