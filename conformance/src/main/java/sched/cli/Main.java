package sched.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./sched} command line. Every command lives in its own class in this package; this class only
 * lists them. Exit codes, for every command: 0 everything held, 1 a property was violated or a check failed,
 * 2 usage or input error (the message names the file and line), 3 undecided (a time limit was reached).
 */
@Command(name = "sched", mixinStandardHelpOptions = true, version = "sched 0.1.0",
        description = "Go's goroutine scheduler as TLA+ models and a Java runtime, with a conformance suite.",
        subcommands = {
                AuditCommand.class,
                CheckCommand.class,
                TracesCommand.class,
                ReplayCommand.class,
                ShowCommand.class,
                RunCommand.class,
                HistoryCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(System.out);
    }

    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserError ue) {
                commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + ue.getMessage());
                return ue.exitCode();
            }
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": internal error: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return 70;
        });
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
