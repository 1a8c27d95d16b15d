package dev.bacalhau4j.examples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j function}: the JavaScript function commands. */
@Command(name = "function", mixinStandardHelpOptions = true,
        description = "Run JavaScript functions in QuickJS compiled to WebAssembly, deterministically.",
        subcommands = FunctionRunCommand.class)
final class FunctionCommand implements Runnable {
    @Mixin
    RemoteOptions remote = new RemoteOptions();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: run");
    }
}
