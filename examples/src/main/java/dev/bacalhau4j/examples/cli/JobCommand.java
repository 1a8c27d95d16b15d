package dev.bacalhau4j.examples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j job}: run job specs and look at jobs the node knows. */
@Command(name = "job", mixinStandardHelpOptions = true,
        description = "Run job specs and inspect jobs.",
        subcommands = {JobRunCommand.class, JobListCommand.class, JobDescribeCommand.class, JobHistoryCommand.class,
            JobExecutionsCommand.class, JobLogsCommand.class, JobGetCommand.class, JobStopCommand.class})
final class JobCommand implements Runnable {
    @Mixin
    RemoteOptions remote = new RemoteOptions();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: run, list, describe, history, executions, logs, get or stop");
    }
}
