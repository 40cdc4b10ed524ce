package sched.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Run every check every way and write audit/report.html and audit/report.md.")
public final class AuditCommand implements Callable<Integer> {
    @Override public Integer call() {
        throw new UserError("'audit' is not implemented yet (issue 8)");
    }
}
