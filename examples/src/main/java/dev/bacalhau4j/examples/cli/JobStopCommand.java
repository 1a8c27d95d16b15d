package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.api.JobInfo;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.JobHandle;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j job stop ID}: cancels a job that has not ended. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Stop a job: a queued job never runs, a running one is cancelled; it ends Stopped.",
            "Waits up to " + JobStopCommand.WAIT_SECONDS + "s for the job to record its end."},
        footer = {"%nExit codes: 0 the job was stopped; 1 it had already ended (nothing to stop) or could not "
                + "be stopped; 2 no such job."})
final class JobStopCommand implements Callable<Integer> {
    static final int WAIT_SECONDS = 60; // a cancelled WASM guest gets 10 s to stop

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The job id.")
    String id;

    @Override
    public Integer call() throws InterruptedException {
        BacalhauCommand top = BacalhauCommand.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Bacalhau node = top.openJobNode(spec, List.of())) {
            JobInfo info = JobDescribeCommand.requireJob(node, id, top);
            JobHandle handle = node.job(id).orElseThrow();
            if (info.state().isTerminal() || !handle.cancel()) {
                // ended before we asked, or between describe and cancel
                String state = Views.stateName(node.describe(id).map(JobInfo::state).orElse(info.state()).name());
                err.println("Error: job " + id + " already ended (" + state + "); nothing to stop");
                err.flush();
                return ExitCodes.FAILED;
            }
            try {
                JobResult result = handle.await(Duration.ofSeconds(WAIT_SECONDS));
                out.println("Job " + id + " stopped (state " + Views.stateName(result.state().name()) + ")");
            } catch (TimeoutException e) {
                out.println("Job " + id + ": stop requested; still " + Views.stateName(handle.state().name())
                        + " after " + WAIT_SECONDS + "s (see: bacalhau4j job describe " + id + ")");
            }
            out.flush();
        }
        return ExitCodes.OK;
    }
}
