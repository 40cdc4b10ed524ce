package sched.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Draw a trace as a timeline.")
public final class ShowCommand implements Callable<Integer> {
    @Override public Integer call() {
        throw new UserError("'show' is not implemented yet (issue 8)");
    }
}
