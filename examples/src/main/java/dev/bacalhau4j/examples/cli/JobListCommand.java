package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.api.JobInfo;
import dev.bacalhau4j.core.Bacalhau;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j job list}: the node's jobs, newest first. */
@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
        description = "List the node's jobs, newest first.")
final class JobListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", description = "Show at most N jobs (0: all). Default: ${DEFAULT-VALUE}.")
    int limit = 10;

    @Option(names = "--output", paramLabel = "FORMAT", description = "human (default), json or yaml.")
    OutputFormat format = OutputFormat.HUMAN;

    @Option(names = "--labels", paramLabel = "SELECTOR",
            description = "Only jobs whose labels match, e.g. 'env=prod,tier!=web,region in (eu,us),gpu,!legacy'.")
    String labels;

    @Override
    public Integer call() {
        if (limit < 0) throw new UsageException("--limit: must be >= 0 (got " + limit + ")");
        LabelSelector selector = labels == null ? null : LabelSelector.parse(labels);
        List<JobInfo> jobs;
        try (Bacalhau node = BacalhauCommand.of(spec).openJobNode(spec, List.of())) {
            jobs = node.list();
        }
        if (selector != null) jobs = jobs.stream().filter(j -> selector.test(j.job().labels())).toList();
        if (limit > 0 && jobs.size() > limit) {
            jobs = jobs.subList(0, limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format != OutputFormat.HUMAN) {
            format.print(jobs.stream().map(Views.JobSummary::of).toList(), out);
            return ExitCodes.OK;
        }
        Table table = new Table("ID", "NAME", "TYPE", "STATE", "CREATED");
        for (JobInfo info : jobs) {
            Views.JobSummary s = Views.JobSummary.of(info);
            table.row(s.id(), s.name().isEmpty() ? "-" : s.name(), s.type() + "/" + s.engine(), s.state(), Views.localTime(info.createdAt()));
        }
        table.print(out);
        return ExitCodes.OK;
    }
}
