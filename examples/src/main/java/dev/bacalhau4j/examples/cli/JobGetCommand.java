package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.core.Bacalhau;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j job get ID}: downloads a job's published results. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"Download a job's published results: one folder per result path, plus stdout, stderr "
                + "and exitCode, as Bacalhau lays them out."})
final class JobGetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The job id.")
    String id;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Where to write them (must not exist). Default: ./job-<first 8 characters of the id>.")
    Path outputDir;

    @Override
    public Integer call() throws Exception {
        Path target = (outputDir != null ? outputDir : Path.of("job-" + shortId())).toAbsolutePath().normalize();
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException("--output-dir: " + target + " already exists");
        }
        try (Bacalhau node = BacalhauCommand.of(spec).openJobNode(spec, List.of())) {
            JobDescribeCommand.requireJob(node, id, BacalhauCommand.of(spec));
            JobResult result = node.result(id).orElseThrow();
            if (BacalhauCommand.of(spec).showsProgress()) {
                TransferProgress progress = Transfers.progress();
                try (LiveStatus bar = Transfers.show(progress, spec.commandLine().getErr())) {
                    node.download(result, target, progress.step("Fetching"), progress.step("Writing"));
                    bar.finish(progress.line());   // the last bar stays, as curl's does
                }
            } else {
                node.download(result, target);
            }
            spec.commandLine().getOut().println("Results for job " + id + " ("
                    + result.outputs().map(p -> p.location().toString()).orElse("") + ") written to " + target);
        }
        return ExitCodes.OK;
    }

    private String shortId() {
        String bare = id.startsWith("j-") ? id.substring(2) : id;
        return bare.substring(0, Math.min(8, bare.length()));
    }
}
