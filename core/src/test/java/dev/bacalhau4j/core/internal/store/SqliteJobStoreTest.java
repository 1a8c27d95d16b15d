package dev.bacalhau4j.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.ExecutionState;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.api.PublishedResult;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteJobStoreTest {
    @TempDir Path tmp;

    private static Job job() {
        return Job.wasm(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}).name("store-test").build();
    }

    @Test
    void shouldKeepJobsEventsAndResultsAcrossReopen() {
        Job job = job();
        try (SqliteJobStore store = SqliteJobStore.open(tmp.resolve("jobs.db"), Clock.systemUTC())) {
            store.createJob("j-1", job, "submitted");
            store.transitionJob("j-1", JobState.QUEUED, "queued");
            store.transitionJob("j-1", JobState.RUNNING, "running");
            store.createExecution("j-1", "e-1", "n-1", "created");
            store.transitionExecution("j-1", "e-1", ExecutionState.RUNNING, "running");
            store.saveExecutionResult("j-1", new ExecutionResult("e-1", "n-1", ExecutionState.RUNNING, 7,
                    "out".getBytes(), false, "err".getBytes(), true, "", "", "sha256:abc",
                    Optional.of(new PublishedResult("local", URI.create("file:///tmp/r"))), Instant.EPOCH,
                    Instant.EPOCH));
            store.transitionExecution("j-1", "e-1", ExecutionState.COMPLETED, "done");
            store.transitionJob("j-1", JobState.COMPLETED, "completed");
        }
        try (SqliteJobStore store = SqliteJobStore.open(tmp.resolve("jobs.db"), Clock.systemUTC())) {
            assertThat(store.job("j-1")).hasValueSatisfying(info -> {
                assertThat(info.job()).isEqualTo(job);
                assertThat(info.state()).isEqualTo(JobState.COMPLETED);
            });
            assertThat(store.events("j-1")).extracting(JobEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            assertThat(store.events("j-1")).extracting(JobEvent::state).containsExactly(
                    "PENDING", "QUEUED", "RUNNING", "NEW", "RUNNING", "COMPLETED", "COMPLETED");
            ExecutionResult e = store.executions("j-1").get(0);
            assertThat(e.exitCode()).isEqualTo(7);
            assertThat(e.stdout()).isEqualTo("out");
            assertThat(e.stderrTruncated()).isTrue();
            assertThat(e.published()).map(PublishedResult::location).contains(URI.create("file:///tmp/r"));
            assertThat(e.startedAt()).isAfter(Instant.EPOCH);
            assertThat(e.finishedAt()).isAfterOrEqualTo(e.startedAt());
            assertThat(store.unfinishedJobs()).isEmpty();
        }
    }

    @Test
    void shouldListUnfinishedJobsOldestFirstAndJobsNewestFirst() {
        try (SqliteJobStore store = SqliteJobStore.inMemory(Clock.systemUTC())) {
            store.createJob("j-a", job(), "");
            store.createJob("j-b", job(), "");
            store.transitionJob("j-a", JobState.FAILED, "boom");
            store.createJob("j-c", job(), "");
            assertThat(store.unfinishedJobs()).containsExactly("j-b", "j-c");
            assertThat(store.jobs()).extracting(i -> i.id()).containsExactly("j-c", "j-b", "j-a");
        }
    }
}
