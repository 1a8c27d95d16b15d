package dev.bacalhau4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.ExecutionState;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.JobHandle;
import dev.bacalhau4j.core.internal.network.NatsServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compute nodes killed or frozen, an orchestrator killed and restarted, the NATS server restarted. */
@org.junit.jupiter.api.Timeout(value = 300, unit = java.util.concurrent.TimeUnit.SECONDS,
        threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
class FaultsEndToEndTest {
    /** cpubound iterations: a few seconds of work in the WASM runtime. */
    private static final String WORK = "3";

    @TempDir
    Path tmp;

    private NatsServer nats;
    private ChildNodes children;

    @BeforeEach
    void start() throws Exception {
        nats = NatsServer.start();
        children = new ChildNodes();
    }

    @AfterEach
    void stop() throws Exception {
        children.close();
        nats.close();
    }

    private static Job slow() {
        return Job.wasm(Programs.wasm("cpubound")).args(WORK).build();
    }

    /** The node of the first execution once it runs. */
    private static String runningOn(JobHandle job) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JobResult r = job.result();
            for (ExecutionResult e : r.executions()) {
                if (e.state() == ExecutionState.RUNNING) return e.nodeId();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no execution of " + job.id() + " ran within 60 s");
    }

    private static ChildNodes.Child byId(String nodeId, ChildNodes.Child... nodes) {
        for (ChildNodes.Child c : nodes) {
            if (c.nodeId().equals(nodeId)) return c;
        }
        throw new AssertionError("no child " + nodeId);
    }

    @Test
    void shouldRescheduleTheExecutionOfAKilledComputeNode() throws Exception {
        try (Bacalhau orch = Orchestrators.inProcess(nats, tmp.resolve("orch"))) {
            String trust = "trust=" + orch.info().nodeId();
            ChildNodes.Child x = children.start(nats.uri().toString(), tmp.resolve("x"), trust);
            ChildNodes.Child y = children.start(nats.uri().toString(), tmp.resolve("y"), trust);
            JobHandle job = orch.submit(slow());
            ChildNodes.Child victim = byId(runningOn(job), x, y);
            victim.kill(); // SIGKILL mid-execution

            JobResult r = job.await(Duration.ofSeconds(120));
            assertThat(r.state()).as(r.message()).isEqualTo(JobState.COMPLETED);
            assertThat(r.executions().get(0).nodeId()).isEqualTo(victim.nodeId());
            assertThat(r.executions().get(0).failureReason()).isEqualTo("node-lost");
            // one completed elsewhere; on a machine loaded enough to stall the survivor past the
            // heartbeat window it may have been called lost too in between, and rescheduled
            assertThat(r.executions()).filteredOn(e -> e.state() == ExecutionState.COMPLETED).singleElement()
                    .satisfies(e -> assertThat(e.nodeId()).isNotEqualTo(victim.nodeId()));
            assertThat(r.executions()).filteredOn(e -> e.state() != ExecutionState.COMPLETED)
                    .extracting(ExecutionResult::failureReason).containsOnly("node-lost");
            assertThat(r.stdout()).startsWith("iterations=" + WORK);
        }
    }

    @Test
    void shouldIgnoreTheLateResultOfANodeThatWasLost() throws Exception {
        try (Bacalhau orch = Orchestrators.inProcess(nats, tmp.resolve("orch"))) {
            String trust = "trust=" + orch.info().nodeId();
            ChildNodes.Child x = children.start(nats.uri().toString(), tmp.resolve("x"), trust);
            ChildNodes.Child y = children.start(nats.uri().toString(), tmp.resolve("y"), trust);
            JobHandle job = orch.submit(slow());
            ChildNodes.Child frozen = byId(runningOn(job), x, y);
            signal("STOP", frozen.process().pid()); // heartbeats stop, the execution stays half-done

            JobResult r = job.await(Duration.ofSeconds(120));
            assertThat(r.state()).as(r.message()).isEqualTo(JobState.COMPLETED);
            List<JobEvent> history = orch.history(job.id());

            signal("CONT", frozen.process().pid()); // it wakes, finishes or cancels, and reports late
            Thread.sleep(3000);
            JobResult after = orch.result(job.id()).orElseThrow();
            assertThat(after.executions()).usingRecursiveFieldByFieldElementComparator()
                    .isEqualTo(r.executions());
            assertThat(after.state()).isEqualTo(JobState.COMPLETED);
            assertThat(orch.history(job.id())).hasSameSizeAs(history);
            assertThat(after.executions().get(0).failureReason()).isEqualTo("node-lost");
        }
    }

    @Test
    void shouldResumeJobsWhenTheOrchestratorIsKilledAndRestartedOnItsDirectory() throws Exception {
        Path dir = tmp.resolve("orch");
        String jobId;
        try (ChildOrchestrator probe = ChildOrchestrator.start(nats.uri().toString(), dir, WORK)) {
            children.start(nats.uri().toString(), tmp.resolve("x"), "trust=" + probe.nodeId());
            probe.send("go");
            jobId = probe.readLine().substring("JOB ".length());
        } // SIGKILL while the job runs on the compute node

        try (Bacalhau orch = Orchestrators.inProcess(nats, dir)) {
            JobResult r = orch.job(jobId).orElseThrow().await(Duration.ofSeconds(120));
            assertThat(r.state()).as(r.message()).isEqualTo(JobState.COMPLETED);
            assertThat(r.executions()).singleElement().satisfies(e -> assertThat(e.state()).isEqualTo(ExecutionState.COMPLETED));
            assertThat(r.stdout()).startsWith("iterations=" + WORK);
        }
    }

    @Test
    void shouldCompleteJobsAcrossANatsServerRestart() throws Exception {
        try (Bacalhau orch = Orchestrators.inProcess(nats, tmp.resolve("orch"))) {
            children.start(nats.uri().toString(), tmp.resolve("x"), "trust=" + orch.info().nodeId());
            JobHandle job = orch.submit(slow());
            runningOn(job);
            nats.restart();

            JobResult r = job.await(Duration.ofSeconds(120));
            assertThat(r.state()).as(r.message()).isEqualTo(JobState.COMPLETED);
            assertThat(r.stdout()).startsWith("iterations=" + WORK);
            JobResult after = orch.submit(Job.wasm(Programs.wasm("trivial")).build()).await(Duration.ofSeconds(120));
            assertThat(after.state()).as(after.message()).isEqualTo(JobState.COMPLETED);
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

}
