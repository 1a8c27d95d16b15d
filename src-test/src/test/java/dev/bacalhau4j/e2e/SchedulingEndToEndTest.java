package dev.bacalhau4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.ConstraintOperator;
import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.ExecutionState;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.internal.network.NatsServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Placement over NATS: three compute nodes in child JVMs (a: region=eu, holds a data CID; b and c:
 * region=us), one orchestrator in this JVM.
 */
@org.junit.jupiter.api.Timeout(value = 300, unit = java.util.concurrent.TimeUnit.SECONDS,
        threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
class SchedulingEndToEndTest {
    @TempDir
    static Path tmp;

    private static NatsServer nats;
    private static ChildNodes children;
    private static Bacalhau orch;
    private static ChildNodes.Child a;
    private static ChildNodes.Child b;
    private static ChildNodes.Child c;

    @BeforeAll
    static void start() throws Exception {
        nats = NatsServer.start();
        children = new ChildNodes();
        orch = Orchestrators.inProcess(nats, tmp.resolve("orch"));
        String trust = "trust=" + orch.info().nodeId();
        a = children.start(nats.uri().toString(), tmp.resolve("a"), trust, "label=region=eu", "label=name=a",
                "add=data held by node a");
        b = children.start(nats.uri().toString(), tmp.resolve("b"), trust, "label=region=us", "label=name=b");
        c = children.start(nats.uri().toString(), tmp.resolve("c"), trust, "label=region=us", "label=name=c");
    }

    @AfterAll
    static void stop() throws Exception {
        orch.close();
        children.close();
        nats.close();
    }

    private static JobResult run(Job job) throws Exception {
        return orch.submit(job).await(Duration.ofSeconds(60));
    }


    @Test
    void shouldPlaceByConstraintsOnLabels() throws Exception {
        JobResult eu = run(Job.wasm(Programs.wasm("trivial")).constraint("region", ConstraintOperator.EQUALS, "eu")
                .build());
        assertThat(eu.state()).as(eu.message()).isEqualTo(JobState.COMPLETED);
        assertThat(eu.executions()).extracting(ExecutionResult::nodeId).containsOnly(a.nodeId());

        JobResult us = run(Job.wasm(Programs.wasm("trivial")).count(2)
                .constraint("region", ConstraintOperator.IN, "us").constraint("name", ConstraintOperator.NOT_EQUALS, "a")
                .build());
        assertThat(us.state()).as(us.message()).isEqualTo(JobState.COMPLETED);
        // completed on both us nodes; a node lost for a moment may have had an execution failed and
        // rescheduled, but only ever on the nodes that match
        assertThat(us.executions()).filteredOn(e -> e.state() == ExecutionState.COMPLETED)
                .extracting(ExecutionResult::nodeId).containsExactlyInAnyOrder(b.nodeId(), c.nodeId());
        assertThat(us.executions()).extracting(ExecutionResult::nodeId).containsOnly(b.nodeId(), c.nodeId());
    }

    @Test
    void shouldPreferTheNodeThatHoldsTheInput() throws Exception {
        for (int i = 0; i < 3; i++) {
            JobResult r = run(Job.wasm(Programs.wasm("echo")).inputIpfs(a.cid(), "/dev/stdin").build());
            assertThat(r.state()).as(r.message()).isEqualTo(JobState.COMPLETED);
            assertThat(r.stdout()).contains("stdin=data held by node a");
            assertThat(r.executions()).extracting(ExecutionResult::nodeId).containsExactly(a.nodeId());
        }
    }

    @Test
    void shouldFetchAnInputFromThePeerThatHoldsItWhenConstraintsPlaceTheJobElsewhere() throws Exception {
        JobResult r = run(Job.wasm(Programs.wasm("echo")).inputIpfs(a.cid(), "/dev/stdin")
                .constraint("region", ConstraintOperator.EQUALS, "us").build());
        assertThat(r.state()).as(r.message()).isEqualTo(JobState.COMPLETED);
        assertThat(r.stdout()).contains("stdin=data held by node a");
        assertThat(r.executions().get(0).nodeId()).isIn(b.nodeId(), c.nodeId());
    }

    @Test
    void shouldRunCountExecutionsOnDistinctNodes() throws Exception {
        JobResult r = run(Job.wasm(Programs.wasm("trivial")).count(3).build());
        assertThat(r.state()).as(r.message()).isEqualTo(JobState.COMPLETED);
        assertThat(r.executions()).extracting(ExecutionResult::nodeId)
                .containsExactlyInAnyOrder(a.nodeId(), b.nodeId(), c.nodeId());
    }

    @Test
    void shouldFailAfterTheQueueTimeoutWithTheReasonsOfTheCandidates() throws Exception {
        JobResult four = run(Job.wasm(Programs.wasm("trivial")).count(4).queueTimeout(Duration.ofSeconds(2)).build());
        assertThat(four.state()).isEqualTo(JobState.FAILED);
        assertThat(four.message()).startsWith("queue-timeout: found 3 of 4 distinct compute nodes");

        JobResult nowhere = run(Job.wasm(Programs.wasm("trivial")).constraint("region", ConstraintOperator.EQUALS, "mars")
                .queueTimeout(Duration.ofSeconds(2)).build());
        assertThat(nowhere.state()).isEqualTo(JobState.FAILED);
        assertThat(nowhere.message()).startsWith("queue-timeout: found 0 of 1")
                .contains("node " + a.nodeId() + " does not satisfy constraint region = mars")
                .contains("node " + b.nodeId()).contains("node " + c.nodeId());
        assertThat(nowhere.executions()).isEmpty();
    }
}
