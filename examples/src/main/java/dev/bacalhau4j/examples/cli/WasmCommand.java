package dev.bacalhau4j.examples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j wasm}: the WebAssembly commands. */
@Command(name = "wasm", mixinStandardHelpOptions = true,
        description = "Run WebAssembly (WASI preview 1) programs.",
        subcommands = WasmRunCommand.class)
final class WasmCommand implements Runnable {
    @Mixin
    RemoteOptions remote = new RemoteOptions();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: run");
    }
}
