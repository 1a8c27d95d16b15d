package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.JobInfo;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.JobHandle;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j job logs ID}: the stdout and stderr a job's executions left. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Print a job's logs: each execution's stdout (on stdout), then its stderr (on stderr).",
            "",
            "With --follow, a job that has not ended is followed: on the embedded node its output is "
                    + "printed as the program writes it (a job left queued by an earlier run runs in this "
                    + "command meanwhile); from a remote orchestrator, whose compute nodes send the output with "
                    + "the result, it is printed when the job ends."})
final class JobLogsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The job id.")
    String id;

    @Option(names = {"-f", "--follow"},
            description = "Follow a job that has not ended: its output as it is written (embedded node), or when it ends (remote).")
    boolean follow;

    @Override
    public Integer call() throws InterruptedException {
        BacalhauCommand top = BacalhauCommand.of(spec);
        JobResult result;
        try (Bacalhau node = top.openJobNode(spec, List.of())) {
            JobInfo info = JobDescribeCommand.requireJob(node, id, top);
            if (follow && !info.state().isTerminal() && !top.isRemote()) {
                JobHandle job = node.job(id).orElseThrow();
                LiveLogPrinter live = new LiveLogPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(),
                        info.job().count() > 1);
                job.onLog(live);
                result = job.await();
                live.finish();
                notes(result, spec.commandLine().getErr());
                return ExitCodes.OK;
            } else if (follow && !info.state().isTerminal()) {
                result = JobProgress.await(node.job(id).orElseThrow(), top.showsProgress(), spec.commandLine().getErr());
            } else {
                result = node.result(id).orElseThrow();
            }
        }
        print(result, spec.commandLine().getOut(), spec.commandLine().getErr());
        return ExitCodes.OK;
    }

    /**
     * Prints the logs of {@code result}'s executions: stdout to {@code out}, stderr to {@code err};
     * notes (several executions, truncation, a job still running) go to {@code err}.
     */
    static void print(JobResult result, PrintWriter out, PrintWriter err) {
        List<ExecutionResult> executions = result.executions();
        if (!result.state().isTerminal()) {
            err.println("Note: job " + result.jobId() + " is " + Views.stateName(result.state().name())
                    + "; these are the logs of the executions that ended (--follow waits for the job to end)");
        }
        if (executions.isEmpty()) {
            err.println("Note: job " + result.jobId() + " has no executions" + (result.message().isBlank() ? ""
                    : " (" + Views.stateName(result.state().name()) + ": " + Runs.reason(result) + ")"));
        }
        for (ExecutionResult e : executions) {
            if (executions.size() > 1) {
                out.println("==> execution " + e.executionId() + " on node " + e.nodeId() + " <==");
            }
            text(out, e.stdout());
            out.flush();
            text(err, e.stderr());
            truncationNotes(e, err);
            err.flush();
        }
        out.flush();
        err.flush();
    }

    /** After output printed live: which streams were cut at the log cap, or that nothing ran. */
    static void notes(JobResult result, PrintWriter err) {
        if (result.executions().isEmpty()) {
            err.println("Note: job " + result.jobId() + " has no executions" + (result.message().isBlank() ? ""
                    : " (" + Views.stateName(result.state().name()) + ": " + Runs.reason(result) + ")"));
        }
        result.executions().forEach(e -> truncationNotes(e, err));
        err.flush();
    }

    private static void truncationNotes(ExecutionResult e, PrintWriter err) {
        if (e.stdoutTruncated()) err.println("Note: the stdout of " + e.executionId() + " was truncated");
        if (e.stderrTruncated()) err.println("Note: the stderr of " + e.executionId() + " was truncated");
    }

    private static void text(PrintWriter to, String text) {
        if (!text.isEmpty()) to.print(text.endsWith("\n") ? text : text + "\n");
    }
}
