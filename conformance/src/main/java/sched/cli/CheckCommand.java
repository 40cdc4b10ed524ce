package sched.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Model-check the TLA+ specs with TLC (ci or deep configs, bug switches).")
public final class CheckCommand implements Callable<Integer> {
    @Override public Integer call() {
        throw new UserError("'check' is not implemented yet (issue 4)");
    }
}
