package dev.bacalhau4j.examples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j node ...}: the nodes this invocation sees, or a remote orchestrator's. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Show the nodes this command sees and what they can run.",
        subcommands = NodeListCommand.class)
final class NodeCommand implements Runnable {
    @Mixin
    RemoteOptions remote = new RemoteOptions();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: list");
    }
}
