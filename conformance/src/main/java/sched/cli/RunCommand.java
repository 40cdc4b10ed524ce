package sched.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an example program on the Java scheduler.")
public final class RunCommand implements Callable<Integer> {
    @Override public Integer call() {
        throw new UserError("'run' is not implemented yet (issue 2)");
    }
}
