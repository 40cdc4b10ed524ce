package sched.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./sched bench --jmh [REGEX]}: the JMH micro-benchmarks (sched.runtime.*Benchmark), one fork each, with
 * the forks' JVM flags from the annotations. Writes JMH's JSON to bench/results/jmh-latest.json
 * (bench/results/quick/ with --quick).
 */
public final class Jmh {
    private Jmh() {}

    public static int run(String regex, boolean quick, Path root) throws RunnerException, java.io.IOException {
        Path dir = quick ? root.resolve("bench").resolve("results").resolve("quick") : root.resolve("bench")
                .resolve("results");
        Files.createDirectories(dir);
        String include = regex == null || regex.isBlank() ? "sched\\.runtime\\..*Benchmark" : regex;
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(include)
                .shouldFailOnError(true)
                .result(dir.resolve("jmh-latest.json").toString())
                .resultFormat(ResultFormatType.JSON);
        if (quick) {
            b.warmupIterations(1).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(2).measurementTime(TimeValue.milliseconds(500));
        }
        Collection<RunResult> results = new Runner(b.build()).run();
        return results.isEmpty() ? 1 : 0;
    }
}
