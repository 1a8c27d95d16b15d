package dev.bacalhau4j.examples.cli;

import picocli.CommandLine.Option;

/** The {@code --wait} and {@code --id-only} flags shared by the commands that run a job. */
final class WaitOptions {
    @Option(names = "--wait", paramLabel = "BOOL", negatable = true, defaultValue = "true", fallbackValue = "true", arity = "0..1",
            description = "Wait for the job and print its result (default). --wait=false prints the job id at once and "
                    + "no result; on the embedded node the command still returns when the job ends, as the node runs "
                    + "inside it; with --orchestrator it returns at once.")
    boolean wait;

    @Option(names = "--id-only", description = "Print only the job id.")
    boolean idOnly;
}
