package sched.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks against virtual threads, ForkJoinPool and Go.")
public final class BenchCommand implements Callable<Integer> {
    @Override public Integer call() {
        throw new UserError("'bench' is not implemented yet (issue 7)");
    }
}
