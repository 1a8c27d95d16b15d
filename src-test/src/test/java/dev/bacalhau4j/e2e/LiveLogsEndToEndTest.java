package dev.bacalhau4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.JobHandle;
import dev.bacalhau4j.core.LogChunk;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** JobHandle.onLog on the embedded node: output while the job runs, what was missed first, the result's after the end. */
class LiveLogsEndToEndTest {

    @Test
    void shouldDeliverOutputWhileTheJobRunsAndReplayItToLateListeners() throws Exception {
        try (Bacalhau node = Bacalhau.builder().inMemory().build()) {
            // prints, then never ends on its own: what the listener gets can only have come live
            JobHandle job = node.submit(Job.function("console.log('first'); console.error('oops'); while (true) {}")
                    .timeout(Duration.ofMinutes(10)).build());
            BlockingQueue<LogChunk> live = new LinkedBlockingQueue<>();
            job.onLog(live::add);

            List<LogChunk> got = List.of(take(live), take(live));
            assertThat(job.state()).isEqualTo(JobState.RUNNING);
            assertThat(got).extracting(LogChunk::stream, LogChunk::text).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(LogChunk.Stream.STDOUT, "first\n"),
                    org.assertj.core.groups.Tuple.tuple(LogChunk.Stream.STDERR, "oops\n"));

            List<LogChunk> late = new CopyOnWriteArrayList<>();
            job.onLog(late::add);
            assertThat(late).as("a listener that comes late gets what was printed first").isEqualTo(got);

            assertThat(job.cancel()).isTrue();
            JobResult stopped = job.await(Duration.ofSeconds(60));
            assertThat(stopped.state()).isEqualTo(JobState.STOPPED);
            assertThat(live).as("nothing twice").isEmpty();
            String executionId = got.get(0).executionId();
            assertThat(stopped.execution().orElseThrow().executionId()).isEqualTo(executionId);
        }
    }

    @Test
    void shouldDeliverAnEndedJobsOutputFromItsResult() throws Exception {
        try (Bacalhau node = Bacalhau.builder().inMemory().build()) {
            JobResult r = node.run(Job.wasm(Programs.wasm("echo")).args("a", "b").build());
            List<LogChunk> chunks = new CopyOnWriteArrayList<>();
            node.job(r.jobId()).orElseThrow().onLog(chunks::add);

            assertThat(r.stdout()).contains("argv[1]=a");
            assertThat(text(chunks, LogChunk.Stream.STDOUT)).isEqualTo(r.stdout());
            assertThat(text(chunks, LogChunk.Stream.STDERR)).isEqualTo(r.stderr()).isNotEmpty();
        }
    }

    @Test
    void shouldKeepNoMoreThanTheResultKeeps() throws Exception {
        try (Bacalhau node = Bacalhau.builder().inMemory().build()) {
            JobHandle job = node.submit(Job.function("const line = 'x'.repeat(1023) + '\\n';"
                    + " for (let i = 0; i < 3000; i++) console.log(line.slice(0, -1));").build());
            List<LogChunk> chunks = new CopyOnWriteArrayList<>();
            job.onLog(chunks::add);
            JobResult r = job.await(Duration.ofSeconds(120));

            assertThat(r.state()).as(r.message()).isEqualTo(JobState.COMPLETED);
            assertThat(r.execution().orElseThrow().stdoutTruncated()).isTrue();
            long delivered = chunks.stream().mapToLong(c -> c.bytes().length).sum();
            assertThat(delivered).isEqualTo(r.execution().orElseThrow().stdoutBytes().length).isEqualTo(1 << 20);
        }
    }

    private static String text(List<LogChunk> chunks, LogChunk.Stream stream) {
        return String.join("", chunks.stream().filter(c -> c.stream() == stream).map(LogChunk::text).toList());
    }

    private static LogChunk take(BlockingQueue<LogChunk> q) throws InterruptedException {
        LogChunk c = q.poll(120, TimeUnit.SECONDS);
        assertThat(c).as("a chunk within 120 s").isNotNull();
        return c;
    }
}
