package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.InlineSource;
import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.IpfsSource;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobInfo;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.LocalSource;
import dev.bacalhau4j.api.ResultPath;
import dev.bacalhau4j.api.SourceSpec;
import dev.bacalhau4j.api.Task;
import dev.bacalhau4j.api.UrlSource;
import dev.bacalhau4j.api.FunctionEngine;
import dev.bacalhau4j.api.WasmEngine;
import dev.bacalhau4j.api.DockerEngine;
import dev.bacalhau4j.core.Bacalhau;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j job describe ID}: a job's spec, state and executions. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Describe a job: its spec, state, and each execution's exit code, failure, "
                + "published outputs and stdout.")
final class JobDescribeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The job id.")
    String id;

    @Option(names = "--output", paramLabel = "FORMAT",
            description = "human (default), json or yaml (with the full job spec as Bacalhau writes it).")
    OutputFormat format = OutputFormat.HUMAN;

    @Override
    public Integer call() {
        JobInfo info;
        JobResult result;
        try (Bacalhau node = BacalhauCommand.of(spec).openJobNode(spec, List.of())) {
            info = requireJob(node, id, BacalhauCommand.of(spec));
            result = node.result(id).orElse(new JobResult(id, info.state(), info.message(), List.of()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format != OutputFormat.HUMAN) {
            format.print(Views.JobDescription.of(info, result), out);
        } else {
            printHuman(info, result, out);
        }
        return ExitCodes.OK;
    }

    /** The job {@code id}, or an error naming the node directory that does not know it. */
    static JobInfo requireJob(Bacalhau node, String id, BacalhauCommand top) {
        return node.describe(id).orElseThrow(() -> new UsageException(
                "no job '" + id + "' on " + top.jobsLocation() + " (see: bacalhau4j job list)"));
    }

    private static void printHuman(JobInfo info, JobResult result, PrintWriter out) {
        Job job = info.job();
        Task task = job.task();
        field(out, "ID", info.id());
        if (!job.name().isEmpty()) field(out, "Name", job.name());
        field(out, "Type", job.type().name().toLowerCase(java.util.Locale.ROOT));
        field(out, "State", Views.stateName(info.state().name()));
        if (!info.message().isEmpty()) field(out, "Message", info.message());
        field(out, "Created", Views.localTime(info.createdAt()));
        field(out, "Updated", Views.localTime(info.updatedAt()));
        field(out, "Engine", engine(task));
        if (!task.env().isEmpty()) field(out, "Env", pairs(task.env()));
        for (InputSource in : task.inputSources()) {
            field(out, "Input", source(in.source()) + " -> " + in.target());
        }
        for (ResultPath r : task.resultPaths()) {
            field(out, "Result path", r.name() + ":" + r.path());
        }
        if (!task.resources().isEmpty()) {
            field(out, "Resources", List.of("cpu=" + task.resources().cpu(), "memory=" + task.resources().memory(),
                    "disk=" + task.resources().disk(), "gpu=" + task.resources().gpu()).stream()
                    .filter(s -> !s.endsWith("=")).collect(Collectors.joining(" ")));
        }
        if (!task.timeouts().executionTimeout().isZero()) {
            field(out, "Timeout", GoDuration.format(task.timeouts().executionTimeout()));
        }
        field(out, "Publisher", task.publisher().type());
        field(out, "Verified", Views.verdict(result.verdict()));
        out.println();
        out.println("Executions:");
        if (result.executions().isEmpty()) {
            out.println("  (none yet)");
        }
        for (ExecutionResult e : result.executions()) {
            out.println("  " + e.executionId() + "  node " + e.nodeId() + "  " + Views.stateName(e.state().name())
                    + (e.exitCode() >= 0 ? "  exit code " + e.exitCode() : ""));
            String failure = Views.failure(e);
            if (!failure.isEmpty()) {
                out.println("    Failure:   " + failure);
            }
            e.published().ifPresent(p -> out.println("    Published: " + Views.location(p) + " (" + p.publisherType() + ")"));
            if (!e.engineDetail().isEmpty()) {
                out.println("    Ran:       " + e.engineDetail());
            }
            block(out, "Stdout", e.stdout(), e.stdoutTruncated());
            block(out, "Stderr", e.stderr(), e.stderrTruncated());
        }
        out.flush();
    }

    private static void field(PrintWriter out, String name, String value) {
        out.printf("%-12s %s%n", name + ":", value);
    }

    private static void block(PrintWriter out, String name, String text, boolean truncated) {
        if (text.isEmpty()) return;
        out.println("    " + name + ":" + (truncated ? " (truncated)" : ""));
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String line : body.split("\\R", -1)) {
            out.println("      " + line);
        }
    }

    private static String engine(Task task) {
        if (task.engine() instanceof WasmEngine w) {
            return "wasm " + source(w.entryModule().source())
                    + (w.entrypoint().equals(WasmEngine.DEFAULT_ENTRYPOINT) ? "" : " entrypoint=" + w.entrypoint())
                    + (w.parameters().isEmpty() ? "" : " args=" + w.parameters())
                    + (w.environmentVariables().isEmpty() ? "" : " env=" + pairs(w.environmentVariables()));
        }
        if (task.engine() instanceof FunctionEngine f) {
            return "function " + f.language() + " " + f.scriptName() + " " + source(f.source().source())
                    + (f.parameters().isEmpty() ? "" : " args=" + f.parameters())
                    + (f.environmentVariables().isEmpty() ? "" : " env=" + pairs(f.environmentVariables()));
        }
        if (task.engine() instanceof DockerEngine d) {
            return "docker " + d.image() + (d.parameters().isEmpty() ? "" : " " + d.parameters());
        }
        return task.engine().type();
    }

    private static String source(SourceSpec s) {
        if (s instanceof IpfsSource i) return "ipfs://" + i.cid();
        if (s instanceof UrlSource u) return u.url();
        if (s instanceof LocalSource l) return "file://" + l.sourcePath();
        if (s instanceof InlineSource in) {
            String url = in.url();
            int comma = url.indexOf(',');
            boolean base64 = url.startsWith("data:") && comma > 0 && url.substring(0, comma).endsWith(";base64");
            String data = url.substring(comma + 1);
            long bytes = base64
                    ? (long) data.length() * 3 / 4 - (data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0)
                    : url.length();
            return "inline (" + bytes + " bytes)";
        }
        return s.type();
    }

    private static String pairs(java.util.Map<String, String> map) {
        return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
