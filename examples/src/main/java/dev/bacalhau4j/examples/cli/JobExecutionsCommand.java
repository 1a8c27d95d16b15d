package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.core.Bacalhau;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j job executions ID}: one line per execution of a job. */
@Command(name = "executions", mixinStandardHelpOptions = true,
        description = "List a job's executions: the node each ran on, its state, its program's exit code and "
                + "where it published its results.")
final class JobExecutionsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The job id.")
    String id;

    @Option(names = "--output", paramLabel = "FORMAT",
            description = "human (default), json or yaml (each execution in full, with its stdout and stderr).")
    OutputFormat format = OutputFormat.HUMAN;

    @Override
    public Integer call() {
        BacalhauCommand top = BacalhauCommand.of(spec);
        JobResult result;
        try (Bacalhau node = top.openJobNode(spec, List.of())) {
            JobDescribeCommand.requireJob(node, id, top);
            result = node.result(id).orElseThrow();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format != OutputFormat.HUMAN) {
            format.print(result.executions().stream().map(Views.ExecutionView::of).toList(), out);
            return ExitCodes.OK;
        }
        Table table = new Table("ID", "NODE", "STATE", "EXIT CODE", "PUBLISHED");
        for (ExecutionResult e : result.executions()) {
            table.row(e.executionId(), e.nodeId(), Views.stateName(e.state().name()),
                    e.exitCode() >= 0 ? e.exitCode() : "-", e.published().map(Views::location).orElse("-"));
        }
        table.print(out);
        return ExitCodes.OK;
    }
}
