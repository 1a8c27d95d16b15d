package dev.bacalhau4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bacalhau4j.api.BacalhauException;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.JobHandle;
import dev.bacalhau4j.core.internal.network.NatsServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Bacalhau.connect}: a client in this JVM drives an orchestrator (this JVM, its own node)
 * whose compute node is a child JVM, all over a real nats-server.
 */
@org.junit.jupiter.api.Timeout(value = 300, unit = java.util.concurrent.TimeUnit.SECONDS,
        threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
class ClientEndToEndTest {
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
    void shouldRunAClientsJobStreamItsEventsInOrderAndDownloadItsOutputs() throws Exception {
        try (Bacalhau orch = Orchestrators.inProcess(nats, tmp.resolve("orch"))) {
            String orchId = orch.info().nodeId();
            ChildNodes.Child compute = children.start(nats.uri().toString(), tmp.resolve("c1"), "trust=" + orchId);
            try (Bacalhau client = Bacalhau.connect(nats.uri(), orchId)) {
                List<JobEvent> streamed = new CopyOnWriteArrayList<>();
                JobHandle job = client.submit(Job.wasm(Programs.wasm("echo")).args("from", "a", "client")
                        .output("outputs", "/outputs").build());
                job.onEvent(streamed::add);
                JobResult r = job.await(Duration.ofSeconds(60));

                assertThat(r.state()).as(r.message()).isEqualTo(JobState.COMPLETED);
                assertThat(r.stdout()).contains("argv[1]=from\nargv[2]=a\nargv[3]=client\n");
                assertThat(r.execution().orElseThrow().nodeId()).isEqualTo(compute.nodeId());
                assertThat(job.state()).isEqualTo(JobState.COMPLETED);

                // the client saw what the orchestrator recorded: each event once, in order, ending with the job's end
                List<JobEvent> recorded = orch.history(job.id());
                assertThat(recorded.get(0).message()).contains("by client " + client.info().nodeId());
                assertThat(streamed).isNotEmpty().isEqualTo(recorded.subList(
                        recorded.size() - streamed.size(), recorded.size()));
                assertThat(streamed.get(streamed.size() - 1).state()).isEqualTo("COMPLETED");
                assertThat(job.events()).isEqualTo(recorded);
                assertThat(client.history(job.id())).isEqualTo(recorded);

                assertThat(client.describe(job.id()).orElseThrow()).isEqualTo(orch.describe(job.id()).orElseThrow());
                assertThat(client.list()).extracting(i -> i.id()).contains(job.id());
                assertThat(client.result(job.id()).orElseThrow().stdout()).isEqualTo(r.stdout());
                assertThat(client.job(job.id()).orElseThrow().await(Duration.ofSeconds(5)).state())
                        .isEqualTo(JobState.COMPLETED);

                // the compute node that ran it, as the orchestrator hears it
                assertThat(client.computeNodes()).singleElement().satisfies(n -> {
                    assertThat(n.nodeId()).isEqualTo(compute.nodeId());
                    assertThat(n.engines()).contains("wasm");
                    assertThat(n.gateway()).isPresent();
                    assertThat(n.lastHeard()).isBefore(java.time.Instant.now().plusSeconds(1));
                });

                Path out = tmp.resolve("downloaded");
                client.download(r, out); // from the compute node's gateway: neither client nor orchestrator holds it
                assertThat(Files.readString(out.resolve("stdout"))).isEqualTo(r.stdout());
            }
        }
    }

    @Test
    void shouldStopAJobWhenTheClientCancelsIt() throws Exception {
        try (Bacalhau orch = Orchestrators.inProcess(nats, tmp.resolve("orch"))) {
            String orchId = orch.info().nodeId();
            children.start(nats.uri().toString(), tmp.resolve("c1"), "trust=" + orchId);
            try (Bacalhau client = Bacalhau.connect(nats.uri(), orchId)) {
                JobHandle job = client.submit(Job.wasm(Programs.wasm("loop")).build());
                while (job.result().executions().isEmpty()) Thread.sleep(20);

                assertThat(job.cancel()).isTrue();
                JobResult r = job.await(Duration.ofSeconds(60));
                assertThat(r.state()).isEqualTo(JobState.STOPPED);
                assertThat(r.message()).contains("stopped by the user");
                assertThat(orch.describe(job.id()).orElseThrow().state()).isEqualTo(JobState.STOPPED);
                assertThat(job.cancel()).isFalse();
            }
        }
    }

    @Test
    void shouldFollowAJobAcrossAnOrchestratorRestart() throws Exception {
        Path dir = tmp.resolve("orch");
        Bacalhau orch = Orchestrators.inProcess(nats, dir);
        String orchId = orch.info().nodeId();
        children.start(nats.uri().toString(), tmp.resolve("c1"), "trust=" + orchId);
        try (Bacalhau client = Bacalhau.connect(nats.uri(), orchId)) {
            JobHandle job = client.submit(Job.wasm(Programs.wasm("cpubound")).args("3").build());
            while (job.result().executions().isEmpty()) Thread.sleep(20);
            orch.close(); // the job goes on on the compute node; its result waits for an orchestrator

            try (Bacalhau again = Orchestrators.inProcess(nats, dir)) {
                assertThat(again.info().nodeId()).isEqualTo(orchId);
                JobResult r = job.await(Duration.ofSeconds(120));
                assertThat(r.state()).as(r.message()).isEqualTo(JobState.COMPLETED);
                assertThat(r.stdout()).startsWith("iterations=3");
                assertThat(job.state()).isEqualTo(JobState.COMPLETED);
            }
        } finally {
            orch.close();
        }
    }

    @Test
    void shouldListMoreJobsThanOneNatsMessageHolds() throws Exception {
        // 6 specs of ~330 KB each (a 250 KB inline input, base64): 2 MB, past the server's 1 MiB
        // message limit, which once made the orchestrator's single LIST reply vanish (a client timeout)
        byte[] input = new byte[250_000];
        new java.util.Random(7).nextBytes(input);
        try (Bacalhau orch = Orchestrators.inProcess(nats, tmp.resolve("orch"));
                Bacalhau client = Bacalhau.connect(nats.uri(), orch.info().nodeId())) {
            for (int i = 0; i < 6; i++) { // no compute node: they wait queued
                client.submit(Job.wasm(Programs.wasm("trivial")).inputInline(input, "/inputs/data").name("big-" + i)
                        .build());
            }
            List<String> listed = client.list().stream().map(j -> j.id()).toList();
            assertThat(listed).hasSize(6).doesNotHaveDuplicates()
                    .isEqualTo(orch.list().stream().map(j -> j.id()).toList());
            assertThat(client.list().get(0).job().name()).isEqualTo("big-5");
        }
    }

    @Test
    void shouldAnswerEmptyForJobsTheOrchestratorDoesNotKnow() throws Exception {
        try (Bacalhau orch = Orchestrators.inProcess(nats, tmp.resolve("orch"));
                Bacalhau client = Bacalhau.connect(nats.uri(), orch.info().nodeId())) {
            assertThat(client.describe("j-00000000-0000-0000-0000-000000000000")).isEmpty();
            assertThat(client.result("j-00000000-0000-0000-0000-000000000000")).isEmpty();
            assertThat(client.job("j-00000000-0000-0000-0000-000000000000")).isEmpty();
            assertThat(client.history("j-00000000-0000-0000-0000-000000000000")).isEmpty();
            assertThat(client.computeNodes()).as("no compute node joined").isEmpty();
        }
    }

    @Test
    void shouldNameTheOrchestratorThatDoesNotAnswer() {
        URI server = nats.uri();
        assertThatThrownBy(() -> Bacalhau.connect(server, "n-aaaaaaaaaaaaaaaaaaaaaaaaaa", Duration.ofSeconds(2)))
                .isInstanceOf(BacalhauException.class)
                .hasMessageContaining("orchestrator n-aaaaaaaaaaaaaaaaaaaaaaaaaa did not answer on " + server + " within 2s");
        assertThatThrownBy(() -> Bacalhau.connect(server, "not-a-node"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not-a-node");
    }
}
