package dev.bacalhau4j.examples.cli;

import picocli.CommandLine.Option;

/** The {@code --wait}, {@code --id-only} and {@code --follow} flags shared by the commands that run a job. */
final class WaitOptions {
    @Option(names = "--wait", paramLabel = "BOOL", negatable = true, defaultValue = "true", fallbackValue = "true", arity = "0..1",
            description = "Wait for the job and print its result (default). --wait=false prints the job id at once and "
                    + "no result; on the embedded node the command still returns when the job ends, as the node runs "
                    + "inside it; with --orchestrator it returns at once.")
    boolean wait;

    @Option(names = "--id-only", description = "Print only the job id.")
    boolean idOnly;

    @Option(names = "--follow",
            description = "Print the job's output instead of the summary: as the program writes it on the "
                    + "embedded node, when the job ends from a remote orchestrator. The exit code is the same.")
    boolean follow;

    /** Refuses {@code --follow} with the flags that print something else instead. */
    void checkFollow(boolean machineOutput) {
        if (follow && (idOnly || !wait || machineOutput)) {
            throw new UsageException("--follow prints the job's logs: it does not go with --id-only, --wait=false or --output");
        }
    }
}
