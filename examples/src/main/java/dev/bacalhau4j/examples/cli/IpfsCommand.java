package dev.bacalhau4j.examples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j ipfs ...}: the node's IPFS blockstore. */
@Command(name = "ipfs", mixinStandardHelpOptions = true,
        description = "Add, read and move IPFS data in the node's blockstore.",
        subcommands = {IpfsAddCommand.class, IpfsCatCommand.class, IpfsLsCommand.class, IpfsGetCommand.class,
            IpfsCarCommand.class, IpfsGcCommand.class})
final class IpfsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: add, cat, ls, get, car or gc");
    }
}
