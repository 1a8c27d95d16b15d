package dev.bacalhau4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.ExecutionState;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.api.PublishedResult;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.internal.store.SqliteJobStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job store took a job's Running, then refused to write its end (a full disk): the store holds
 * the job Running, and the node reopens on it. The job must run no second time and be listed once;
 * when its execution's end was recorded it completed, and only then is it recorded Completed.
 */
class RecoveryAfterRefusedEndTest {
    /** The smallest valid WASM module: the node never runs it here. */
    private static final byte[] MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0};

    @TempDir
    Path tmp;

    @Test
    void shouldNeitherRequeueNorDuplicateAndRecordWhatTheExecutionsShow() throws Exception {
        Path dir = tmp.resolve("node");
        java.nio.file.Files.createDirectories(dir);
        Job job = Job.wasm(MODULE).build();
        try (SqliteJobStore store = SqliteJobStore.open(dir.resolve("jobs.db"), Clock.systemUTC())) {
            runningWithExecution(store, "j-done", "e-done", job);
            store.transitionExecution("j-done", "e-done", ExecutionState.PUBLISHING, "publishing");
            store.saveExecutionResult("j-done", new ExecutionResult("e-done", "n-here", ExecutionState.COMPLETED, 0,
                    "out".getBytes(StandardCharsets.UTF_8), false, new byte[0], false, "", "", "",
                    Optional.of(new PublishedResult("ipfs", URI.create("ipfs://bafkqaaa"))), Instant.now(), Instant.now()));
            store.transitionExecution("j-done", "e-done", ExecutionState.COMPLETED, "completed");
            // the job's own COMPLETED is the write the full disk refused

            runningWithExecution(store, "j-mid", "e-mid", job);
            // the execution's end was refused too: it stays RUNNING in the store
        }

        for (int open = 0; open < 2; open++) { // a second open changes nothing more
            try (Bacalhau node = Bacalhau.builder().directory(dir).noRuntimeDiscovery().fuse(false).build()) {
                assertThat(node.list()).extracting(i -> i.id()).containsExactlyInAnyOrder("j-done", "j-mid");

                JobResult done = node.result("j-done").orElseThrow();
                assertThat(done.state()).as(done.message()).isEqualTo(JobState.COMPLETED);
                assertThat(done.message()).contains("recorded when the node reopened");
                assertThat(done.executions()).singleElement().satisfies(e -> {
                    assertThat(e.state()).isEqualTo(ExecutionState.COMPLETED);
                    assertThat(e.published().orElseThrow().location()).isEqualTo(URI.create("ipfs://bafkqaaa"));
                });
                assertThat(done.stdout()).isEqualTo("out");

                JobResult mid = node.result("j-mid").orElseThrow();
                assertThat(mid.state()).isEqualTo(JobState.FAILED);
                assertThat(mid.message()).startsWith("node-restart:").contains("refused to record");
                assertThat(mid.executions()).as("not run again").singleElement().satisfies(e -> {
                    assertThat(e.executionId()).isEqualTo("e-mid");
                    assertThat(e.state()).isEqualTo(ExecutionState.FAILED);
                    assertThat(e.failureReason()).isEqualTo("node-restart");
                });
                assertThat(node.history("j-done")).filteredOn(e -> e.isJobEvent() && e.state().equals("COMPLETED"))
                        .hasSize(1);
            }
        }
    }

    private static void runningWithExecution(SqliteJobStore store, String jobId, String executionId, Job job) {
        store.createJob(jobId, job, "submitted");
        store.transitionJob(jobId, JobState.QUEUED, "queued");
        store.transitionJob(jobId, JobState.RUNNING, "running");
        store.createExecution(jobId, executionId, "n-here", "created");
        store.transitionExecution(jobId, executionId, ExecutionState.RUNNING, "running");
    }
}
