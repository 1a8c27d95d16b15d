package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.JobHandle;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** Submits a job, waits for it and reports how it ended: shared by the {@code run} commands. */
final class Runs {
    private Runs() {}

    /**
     * What {@code wasm run}, {@code docker run} and {@code function run} do with the job their
     * command line describes: open the node (allowing the {@code file://} inputs named in
     * {@code flags}), run it, print the outcome in human form; returns the exit code.
     */
    static int runFromCommandLine(CommandSpec spec, JobFlags flags, WaitOptions waiting, Job job)
            throws InterruptedException {
        BacalhauCommand top = BacalhauCommand.of(spec);
        waiting.checkFollow(false);
        try (Bacalhau node = top.openJobNode(spec, flags.localPaths())) {
            boolean progress = waiting.wait && !waiting.idOnly && top.showsProgress();
            return run(node, top.isRemote(), job, waiting.wait, waiting.idOnly, waiting.follow, OutputFormat.HUMAN, progress,
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    /**
     * Runs {@code job} on {@code node} and prints the outcome; returns the exit code.
     *
     * <p>An embedded node lives in this process, so the command stays until the job ends (leaving
     * earlier would stop it); a {@code remote} orchestrator keeps the job, so {@code wait == false}
     * returns at once there. {@code wait == false} prints the job id at once and nothing more;
     * {@code follow} prints the job's logs instead of the summary: as they are written on the
     * embedded node, at the end from a remote orchestrator; {@code progress}
     * draws a live line on {@code err} while waiting (see {@link JobProgress}).
     */
    static int run(Bacalhau node, boolean remote, Job job, boolean wait, boolean idOnly, boolean follow,
            OutputFormat format, boolean progress, PrintWriter out, PrintWriter err) throws InterruptedException {
        JobHandle handle = node.submit(job);
        // the embedded node streams what the program prints; a remote one's output comes with the result
        LiveLogPrinter live = follow && !remote ? new LiveLogPrinter(out, err, job.count() > 1) : null;
        if (live != null) handle.onLog(live);
        if (remote && !wait) {
            out.println(handle.id());
            out.flush();
            return ExitCodes.OK;
        }
        Thread stopOnExit = new Thread(node::close, "bacalhau4j-stop-on-exit");
        Runtime.getRuntime().addShutdownHook(stopOnExit);   // Ctrl-C: an embedded job ends Stopped, on record; a remote one goes on
        JobResult result;
        try {
            if (!wait || idOnly) {
                out.println(handle.id());
                out.flush();
            }
            result = JobProgress.await(handle, progress && live == null, err);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
        if (wait && !idOnly) {
            if (live != null) {
                live.finish();
                JobLogsCommand.notes(result, err);
            } else if (follow) {
                JobLogsCommand.print(result, out, err);
            } else if (format == OutputFormat.HUMAN) {
                printHuman(result, out, err);
            } else {
                format.print(Views.RunView.of(result), out);
            }
        }
        return exitCode(result, err);
    }

    /** 0 for a clean completion, the program's exit code for a non-zero one, 1 for a failed or stopped job. */
    static int exitCode(JobResult result, PrintWriter err) {
        if (result.state() == JobState.COMPLETED) {
            return result.exitCode();
        }
        err.println("Error: job " + result.jobId() + " " + Views.stateName(result.state().name()).toLowerCase(java.util.Locale.ROOT)
                + ": " + reason(result));
        err.flush();
        return ExitCodes.FAILED;
    }

    /** Why the job did not complete, in one line. */
    static String reason(JobResult result) {
        String why = result.execution()
                .map(Views::failure)
                .filter(f -> !f.isEmpty())
                .orElse(result.message());
        if (why.isBlank()) why = result.message().isBlank() ? "no reason given" : result.message();
        return why.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static void printHuman(JobResult result, PrintWriter out, PrintWriter err) {
        out.println("Job ID:    " + result.jobId());
        out.println("State:     " + Views.stateName(result.state().name()));
        ExecutionResult e = result.execution().orElse(null);
        if (e != null && result.exitCode() >= 0) {
            out.println("Exit code: " + result.exitCode());
        }
        result.outputs().ifPresent(p -> out.println("Outputs:   " + Views.location(p)));
        if (result.outputs().isPresent()) {
            out.println("Verified:  " + Views.verdict(result.verdict()));
        }
        String stdout = result.stdout();
        if (!stdout.isEmpty()) {
            out.println("Stdout:" + (e != null && e.stdoutTruncated() ? " (truncated)" : ""));
            out.print(stdout.endsWith("\n") ? stdout : stdout + "\n");
        }
        out.flush();
        String stderr = result.stderr();
        if (!stderr.isEmpty()) {
            err.print(stderr.endsWith("\n") ? stderr : stderr + "\n");
            err.flush();
        }
    }
}
