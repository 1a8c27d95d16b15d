package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobSpecs;
import dev.bacalhau4j.core.Bacalhau;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j job run SPEC} (or {@code -f SPEC}): runs a Bacalhau v1 job spec (YAML or JSON). */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a job from a Bacalhau v1 job spec (YAML or JSON) and wait for it.",
            "",
            "Local inputs (Source.Type local) are read only from under --allow-local-path directories.",
            "",
            "Give the spec as an argument (as Bacalhau 1.x does) or with -f/--file. Here -f means --file, "
                    + "not Bacalhau's --follow: write --follow in full."},
        footer = {"%nExamples:",
            "  bacalhau4j job run job.yaml",
            "  bacalhau4j job run -f job.yaml --follow       # print the job's output as it runs, not a summary",
            "  bacalhau4j job run job.json --id-only",
            "  bacalhau4j job run -f job.yaml --dry-run      # print the normalized spec, run nothing",
            "%nExit codes: 0 the program exited 0; N the program exited with code N;",
            "  1 the job failed or was stopped; 2 a usage or job-spec error."})
final class JobRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--file"}, paramLabel = "SPEC", description = "The job spec file (.yaml, .yml, .json); - reads stdin. (-f is --file, not --follow.)")
    String file;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC", description = "The job spec file, as Bacalhau 1.x takes it; the same as -f SPEC.")
    String positional;

    @Option(names = "--dry-run", description = "Print the normalized spec as YAML and exit without running it.")
    boolean dryRun;

    @Mixin
    WaitOptions waiting = new WaitOptions();

    @Option(names = "--output", paramLabel = "FORMAT", description = "How to print the result: human (default), json or yaml.")
    OutputFormat format = OutputFormat.HUMAN;

    @Override
    public Integer call() throws Exception {
        waiting.checkFollow(format != OutputFormat.HUMAN);
        Job job = readSpec();
        if (dryRun) {
            spec.commandLine().getOut().print(JobSpecs.toYaml(job));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        BacalhauCommand top = BacalhauCommand.of(spec);
        try (Bacalhau node = top.openJobNode(spec, List.of())) {
            boolean progress = waiting.wait && !waiting.idOnly && format == OutputFormat.HUMAN && top.showsProgress();
            return Runs.run(node, top.isRemote(), job, waiting.wait, waiting.idOnly, waiting.follow, format, progress,
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    private Job readSpec() {
        if (file != null && positional != null) {
            throw new UsageException("give the spec either with -f or as an argument, not both");
        }
        String name = file != null ? file : positional;
        if (name == null) {
            throw new UsageException("no job spec: give one as an argument or with -f SPEC (YAML or JSON)");
        }
        if (name.equals("-")) {
            try {
                String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
                return text.stripLeading().startsWith("{") ? JobSpecs.readJson(text) : JobSpecs.readYaml(text);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the job spec from stdin", e);
            }
        }
        Path path = Path.of(name).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new UsageException(Files.exists(path)
                    ? "job spec " + path + " is not a file"
                    : "no such job spec file: " + path);
        }
        try {
            return JobSpecs.read(path);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) throw new UsageException("no such job spec file: " + path);
            throw e;
        }
    }
}
