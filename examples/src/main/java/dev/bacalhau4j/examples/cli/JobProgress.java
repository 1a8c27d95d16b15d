package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.core.JobHandle;
import java.io.PrintWriter;
import java.time.Duration;

/** Waits for a job, with a live {@link ProgressLine} on stderr when the command shows progress. */
final class JobProgress {
    private JobProgress() {}

    /**
     * Waits for {@code job} to end. When {@code show}, a live line with its state and the time
     * waited is redrawn on {@code err} meanwhile and replaced by a final one when it ends (cleared
     * if the wait fails).
     */
    static JobResult await(JobHandle job, boolean show, PrintWriter err) throws InterruptedException {
        if (!show) return job.await();
        long start = System.nanoTime();
        ProgressLine line = new ProgressLine(Terminal.utf8() ? ProgressLine.BRAILLE : ProgressLine.ASCII);
        try (LiveStatus status = new LiveStatus(err, frame -> line.render(frame,
                Views.stateName(job.state().name()), Duration.ofNanos(System.nanoTime() - start), job.id())).start()) {
            JobResult result = job.await();
            status.finish(ProgressLine.finalLine(Views.stateName(result.state().name()),
                    Duration.ofNanos(System.nanoTime() - start), result.jobId()));
            return result;
        }
    }
}
