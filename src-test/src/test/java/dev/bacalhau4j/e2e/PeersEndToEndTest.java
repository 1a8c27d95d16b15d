package dev.bacalhau4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.JobHandle;
import dev.bacalhau4j.core.internal.network.EnvelopeCodec;
import dev.bacalhau4j.core.internal.network.Messages;
import dev.bacalhau4j.core.internal.network.NatsBus;
import dev.bacalhau4j.core.internal.network.NatsServer;
import dev.bacalhau4j.core.internal.network.NodeKeys;
import dev.bacalhau4j.core.internal.network.Protocol;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An orchestrator in this JVM, compute nodes in child JVMs, a real nats-server, all on 127.0.0.1. */
@org.junit.jupiter.api.Timeout(value = 300, unit = java.util.concurrent.TimeUnit.SECONDS,
        threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
class PeersEndToEndTest {
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

    @Test
    void shouldRunAJobOnATrustedComputeNodeAndDownloadItsOutputsFromThatNode() throws Exception {
        try (Bacalhau orch = Orchestrators.inProcess(nats, tmp.resolve("orch"))) {
            String orchId = orch.info().nodeId();
            ChildNodes.Child compute = children.start(nats.uri().toString(), tmp.resolve("c1"), "trust=" + orchId);

            JobResult result = orch.submit(Job.wasm(Programs.wasm("echo")).args("over", "nats")
                    .output("outputs", "/outputs").build()).await(Duration.ofSeconds(60));

            assertThat(result.state()).as(result.message()).isEqualTo(JobState.COMPLETED);
            assertThat(result.stdout()).contains("argv[1]=over\nargv[2]=nats\n");
            ExecutionResult execution = result.execution().orElseThrow();
            assertThat(execution.nodeId()).isEqualTo(compute.nodeId());
            assertThat(orch.history(result.jobId())).extracting(JobEvent::state)
                    .containsSubsequence("PENDING", "QUEUED", "NEW", "BID_ACCEPTED", "RUNNING", "RUNNING",
                            "PUBLISHING", "COMPLETED", "COMPLETED");

            Path out = tmp.resolve("downloaded");
            orch.download(result, out); // the orchestrator holds none of it: fetched from the compute node's gateway
            assertThat(Files.readString(out.resolve("stdout"))).isEqualTo(result.stdout());
        }
    }

    @Test
    void shouldDropAForgedResultAndSaySoInTheJobHistory() throws Exception {
        try (Bacalhau orch = Orchestrators.inProcess(nats, tmp.resolve("orch"))) {
            String orchId = orch.info().nodeId();
            ChildNodes.Child compute = children.start(nats.uri().toString(), tmp.resolve("c1"), "trust=" + orchId);
            JobHandle job = orch.submit(Job.wasm(Programs.wasm("cpubound")).args("3").build());
            while (job.result().executions().isEmpty()) Thread.sleep(10);
            String executionId = job.result().executions().get(0).executionId();

            // mallory signs with her own key but claims to be the compute node
            EnvelopeCodec mallory = new EnvelopeCodec(NodeKeys.generate(), Clock.systemUTC());
            ObjectMapper json = new ObjectMapper();
            ObjectNode forged = (ObjectNode) json.readTree(mallory.seal(Protocol.T_RESULT, new Messages.Result(job.id(),
                    executionId, "COMPLETED", "forged", 0, "lies".getBytes(), false, new byte[0], false, "", "", "",
                    "ipfs", "ipfs://bafkqaaa", "", 0, 0)));
            forged.put("from", compute.nodeId());
            try (NatsBus bus = NatsBus.connect(nats.uri(), mallory)) {
                bus.publishRaw(Protocol.result(orchId), json.writeValueAsBytes(forged));
                bus.flush(Duration.ofSeconds(5));
            }

            JobResult result = job.await(Duration.ofSeconds(60));
            assertThat(result.state()).as(result.message()).isEqualTo(JobState.COMPLETED);
            assertThat(result.stdout()).startsWith("iterations=3").doesNotContain("lies");
            assertThat(orch.history(job.id())).extracting(JobEvent::message).anySatisfy(m -> assertThat(m)
                    .startsWith("dropped a message claiming to come from " + compute.nodeId())
                    .contains("does not derive from the public key"));
        }
    }

    @Test
    void shouldRefuseWorkFromAnUntrustedOrchestratorAndSayWhy() throws Exception {
        try (Bacalhau orch = Orchestrators.inProcess(nats, tmp.resolve("orch"))) {
            children.start(nats.uri().toString(), tmp.resolve("c1"), "trust=n-someoneelse");

            JobResult result = orch.submit(Job.wasm(Programs.wasm("trivial")).queueTimeout(Duration.ofSeconds(3))
                    .build()).await(Duration.ofSeconds(60));

            assertThat(result.state()).isEqualTo(JobState.FAILED);
            assertThat(result.message()).startsWith("queue-timeout:")
                    .contains("does not trust orchestrator " + orch.info().nodeId());
            assertThat(result.executions()).isEmpty();
        }
    }
}
