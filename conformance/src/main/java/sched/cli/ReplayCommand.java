package sched.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay TLC traces against the Java scheduler.")
public final class ReplayCommand implements Callable<Integer> {
    @Override public Integer call() {
        throw new UserError("'replay' is not implemented yet (issue 5)");
    }
}
