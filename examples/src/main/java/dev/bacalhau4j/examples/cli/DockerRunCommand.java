package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j docker run IMAGE [CMD...]}: runs one container as a job. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a Docker image as a job on the local Docker engine and wait for it.",
            "",
            "CMD replaces the image's command (Bacalhau's Parameters); --entrypoint replaces its entrypoint. "
                    + "Put CMD after -- when it starts with '-'. Jobs run with no network unless --network says "
                    + "otherwise and the node allows it. Container results are unverified.",
            ""},
        footer = {"%nExamples:",
            "  bacalhau4j docker run local/busybox:1 -- sh -c 'wc -c /inputs/* > /outputs/sizes'",
            "  bacalhau4j docker run my/image:2 -i ipfs://bafy...:/inputs --memory 256Mb --cpu 0.5",
            "%nExit codes: 0 the program exited 0; N the program exited with code N;",
            "  1 the job failed or was stopped; 2 a usage or job-spec error."})
final class DockerRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image, by name[:tag] or name@sha256:digest.")
    String image;

    @Parameters(index = "1..*", paramLabel = "CMD", description = "The command and its arguments.")
    List<String> command = new ArrayList<>();

    @Option(names = "--entrypoint", paramLabel = "CMD", split = " ",
            description = "Replace the image's entrypoint (space-separated).")
    List<String> entrypoint = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory inside the container.")
    String workdir = "";

    @Mixin
    JobFlags flags = new JobFlags();

    @Mixin
    WaitOptions waiting = new WaitOptions();

    @Override
    public Integer call() throws Exception {
        return Runs.runFromCommandLine(spec, flags, waiting, job());
    }

    /** The job this command line describes. */
    Job job() {
        JobBuilder job = Job.docker(image).parameters(command);
        if (!entrypoint.isEmpty()) {
            job.entrypointCommand(entrypoint.toArray(String[]::new));
        }
        if (!workdir.isBlank()) {
            job.workingDirectory(workdir);
        }
        return flags.build(job);
    }
}
