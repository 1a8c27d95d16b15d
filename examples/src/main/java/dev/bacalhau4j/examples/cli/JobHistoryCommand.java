package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.core.Bacalhau;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j job history ID}: every state change of a job and its executions. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Show a job's history: each state change of the job and of its executions, oldest first.")
final class JobHistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The job id.")
    String id;

    @Option(names = "--output", paramLabel = "FORMAT", description = "human (default), json or yaml.")
    OutputFormat format = OutputFormat.HUMAN;

    @Override
    public Integer call() {
        List<JobEvent> events;
        try (Bacalhau node = BacalhauCommand.of(spec).openJobNode(spec, List.of())) {
            JobDescribeCommand.requireJob(node, id, BacalhauCommand.of(spec));
            events = node.history(id);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format != OutputFormat.HUMAN) {
            format.print(events.stream().map(Views.EventView::of).toList(), out);
            return ExitCodes.OK;
        }
        Table table = new Table("TIME", "LEVEL", "EXECUTION", "STATE", "MESSAGE");
        for (JobEvent e : events) {
            table.row(Views.localTime(e.time()), e.isJobEvent() ? "job" : "execution",
                    e.isJobEvent() ? "-" : e.executionId(), Views.stateName(e.state()), e.message());
        }
        table.print(out);
        return ExitCodes.OK;
    }
}
