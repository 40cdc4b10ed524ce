package sched.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Record and check linearizability histories.")
public final class HistoryCommand implements Callable<Integer> {
    @Override public Integer call() {
        throw new UserError("'history' is not implemented yet (issue 6)");
    }
}
