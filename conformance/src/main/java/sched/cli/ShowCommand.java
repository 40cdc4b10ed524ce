package sched.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sched.audit.Timeline;
import sched.trace.Trace;
import sched.trace.TraceFormatException;
import sched.trace.TraceReader;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Draw a trace as a timeline: one lane per M and per P, one box per step labelled with its"
                + " action and the goroutine it moved.",
                "Prints a text timeline; with -o writes an HTML page (or .svg) with the drawing and the step table."})
public final class ShowCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TRACE", description = "a trace file (NDJSON, docs/TRACES.md)")
    Path trace;

    @Option(names = {"-o", "--out"}, description = "write the drawing here (.html or .svg)")
    Path out;

    @Option(names = "--highlight", description = "step to draw in red (default: the last step of a counterexample)")
    Integer highlight;

    @Override public Integer call() throws Exception {
        if (!Files.isRegularFile(trace)) throw new UserError("no such trace file: " + trace);
        Trace t;
        try {
            t = TraceReader.read(trace);
        } catch (TraceFormatException e) {
            throw new UserError(e.getMessage());
        }
        int hl = highlight != null ? highlight
                : t.header().extra().containsKey("violation") || "tlc-counterexample".equals(t.header().generator())
                ? t.length() : -1;
        Timeline tl = new Timeline(t, hl);
        System.out.print(tl.ascii());
        if (out != null) {
            String name = out.getFileName().toString();
            Files.writeString(out, name.endsWith(".svg") ? tl.svg() : tl.html(trace.getFileName().toString()));
            System.out.println("wrote " + out);
        }
        return 0;
    }
}
