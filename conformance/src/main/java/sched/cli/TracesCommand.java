package sched.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "traces", mixinStandardHelpOptions = true,
        description = "Generate behaviours of the specs with TLC into traces/.")
public final class TracesCommand implements Callable<Integer> {
    @Override public Integer call() {
        throw new UserError("'traces' is not implemented yet (issue 5)");
    }
}
