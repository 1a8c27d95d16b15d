package dev.bacalhau4j.examples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j docker ...}: jobs that run a Docker image. */
@Command(name = "docker", mixinStandardHelpOptions = true,
        description = "Run Docker images as jobs (unverified: containers are not deterministic).",
        subcommands = DockerRunCommand.class)
final class DockerCommand implements Runnable {
    @Mixin
    RemoteOptions remote = new RemoteOptions();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: try 'docker run'");
    }
}
