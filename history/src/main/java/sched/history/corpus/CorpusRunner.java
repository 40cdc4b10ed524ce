package sched.history.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import sched.history.History;
import sched.history.HistoryReader;
import sched.history.check.Checker;
import sched.history.model.Model;
import sched.history.model.Models;

/** Checks every history of a corpus against its MANIFEST row. */
public final class CorpusRunner {
    private CorpusRunner() {}

    /**
     * One file's outcome. {@code agrees}: the verdict matches the expected one, or nothing is expected
     * ("unknown" in the MANIFEST). An UNKNOWN verdict (time limit) on a file with a known verdict disagrees.
     */
    public record Outcome(Manifest.Row row, Checker.Result result, String error, long millis) {
        public boolean agrees() {
            if (row.expected().equals("unknown")) return error == null;
            if (result == null) return false;
            return switch (result.verdict()) {
                case LINEARIZABLE -> row.expected().equals("linearizable");
                case NOT_LINEARIZABLE -> row.expected().equals("not-linearizable");
                case UNKNOWN -> false;
            };
        }

        public String verdictText() {
            if (error != null) return "error";
            return result.verdict() == Checker.Verdict.NOT_LINEARIZABLE ? "not-linearizable" : result.verdict().text();
        }
    }

    /** Checks every row of {@code manifest}, calling {@code each} after each file. */
    public static List<Outcome> run(Manifest manifest, double timeLimitSeconds, Consumer<Outcome> each) {
        List<Outcome> out = new ArrayList<>();
        for (Manifest.Row row : manifest.rows()) {
            Outcome o = checkOne(manifest.dir(), row, timeLimitSeconds);
            out.add(o);
            if (each != null) each.accept(o);
        }
        return out;
    }

    public static Outcome checkOne(Path dir, Manifest.Row row, double timeLimitSeconds) {
        long start = System.nanoTime();
        try {
            Model model = Models.parse(row.model()).create();
            History h = HistoryReader.read(dir.resolve(row.path()), row.format());
            Checker.Result r = Checker.check(model, h, timeLimitSeconds);
            return new Outcome(row, r, null, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            return new Outcome(row, null, "cannot read " + dir.resolve(row.path()) + ": " + e, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            if (e instanceof sched.history.edn.EdnException || e instanceof sched.history.HistoryException
                    || e instanceof sched.history.model.ModelException) {
                return new Outcome(row, null, e.getMessage(), (System.nanoTime() - start) / 1_000_000);
            }
            throw e;
        }
    }
}
