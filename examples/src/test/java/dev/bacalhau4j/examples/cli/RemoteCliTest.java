package dev.bacalhau4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.internal.network.NatsServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --nats URI --orchestrator ID}: the job commands drive a remote orchestrator (here a node in
 * this JVM that is orchestrator and compute, on a real nats-server) instead of the embedded node.
 */
@Timeout(value = 300, unit = java.util.concurrent.TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RemoteCliTest {

    @TempDir
    Path cliDir;

    @TempDir
    Path orchestratorDir;

    private NatsServer nats;
    private Bacalhau orchestrator;
    private String orchestratorId;

    @BeforeEach
    void start() throws Exception {
        nats = NatsServer.start();
        orchestrator = Bacalhau.builder().directory(orchestratorDir).nats(nats.uri()).fuse(false)
                .heartbeat(Duration.ofMillis(200)).label("zone", "test").build();
        orchestratorId = orchestrator.info().nodeId();
    }

    @AfterEach
    void stop() throws Exception {
        if (orchestrator != null) orchestrator.close();
        if (nats != null) nats.close();
    }

    private static String echo() throws Exception {
        return Path.of(RemoteCliTest.class.getResource("/wasm/echo.wasm").toURI()).toString();
    }

    @Test
    void shouldRunAndDescribeAJobOnTheRemoteOrchestrator() throws Exception {
        String server = nats.uri().toString();

        CliRun run = CliRun.run(cliDir, "--nats", server, "--orchestrator", orchestratorId,
                "wasm", "run", echo(), "over", "nats");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("State:     Completed", "Exit code: 0", "argv[1]=over", "argv[2]=nats")
                .containsPattern("Outputs: +ipfs://");
        String id = run.out().lines().filter(l -> l.startsWith("Job ID:")).findFirst().orElseThrow()
                .substring("Job ID:".length()).strip();
        assertThat(orchestrator.describe(id)).as("the orchestrator holds the job").isPresent();

        // the options may also follow the command, like --node-dir
        CliRun describe = CliRun.run(cliDir, "job", "describe", id, "--nats", server, "--orchestrator", orchestratorId);
        assertThat(describe.exitCode()).as(describe.toString()).isZero();
        assertThat(describe.out()).contains("ID:          " + id, "State:       Completed",
                "node " + orchestratorId, "exit code 0", "argv[1]=over");

        CliRun logs = CliRun.run(cliDir, "--nats", server, "--orchestrator", orchestratorId, "job", "logs", id);
        assertThat(logs.exitCode()).as(logs.toString()).isZero();
        assertThat(logs.out()).contains("argv[1]=over\nargv[2]=nats\n");

        // the embedded node on the CLI's own directory never saw the job
        CliRun local = CliRun.run(cliDir, "job", "describe", id);
        assertThat(local.exitCode()).isEqualTo(2);
        assertThat(local.err()).contains("no job '" + id + "' on the node at " + cliDir);
        CliRun remoteUnknown = CliRun.run(cliDir, "--nats", server, "--orchestrator", orchestratorId,
                "job", "describe", "j-nope");
        assertThat(remoteUnknown.exitCode()).isEqualTo(2);
        assertThat(remoteUnknown.err()).contains("no job 'j-nope' on orchestrator " + orchestratorId + " on " + server);
    }

    @Test
    void shouldDownloadAJobsResultsFromTheRemoteNetwork() throws Exception {
        String server = nats.uri().toString();
        CliRun run = CliRun.run(cliDir, "--nats", server, "--orchestrator", orchestratorId,
                "wasm", "run", echo(), "fetched", "--id-only");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String id = run.out().strip();

        Path plainDir = cliDir.resolve("plain");
        Path liveDir = cliDir.resolve("live");
        CliRun plain = CliRun.run(cliDir, "--nats", server, "--orchestrator", orchestratorId,
                "job", "get", id, "--output-dir", plainDir.toString());
        // a second client run, with progress: its own in-memory node fetches the DAG again
        CliRun live = CliRun.run(cliDir, "--nats", server, "--orchestrator", orchestratorId, "--progress=always",
                "job", "get", id, "--output-dir", liveDir.toString());

        assertThat(plain.exitCode()).as(plain.toString()).isZero();
        assertThat(plain.out()).startsWith("Results for job " + id + " (ipfs://").endsWith(" written to " + plainDir + "\n");
        assertThat(plain.err()).isEmpty();
        for (Path dir : new Path[] {plainDir, liveDir}) {
            assertThat(dir.resolve("stdout")).content().contains("argv[1]=fetched");
            assertThat(dir.resolve("exitCode")).hasContent("0\n");
        }
        assertThat(live.exitCode()).as(live.toString()).isZero();
        assertThat(live.out().replace(liveDir.toString(), "DIR")).isEqualTo(plain.out().replace(plainDir.toString(), "DIR"));
        assertThat(live.err()).containsPattern("\\rWriting \\[#{24}\\] .+ / .+\\n$");
        // the local node directory was not used: the results came over the network
        CliRun local = CliRun.run(cliDir, "job", "get", id, "--output-dir", cliDir.resolve("local").toString());
        assertThat(local.exitCode()).isEqualTo(2);
    }

    @Test
    void shouldRefuseOneRemoteOptionWithoutTheOther() throws Exception {
        CliRun natsOnly = CliRun.run(cliDir, "--nats", nats.uri().toString(), "job", "list");
        CliRun orchestratorOnly = CliRun.run(cliDir, "job", "list", "--orchestrator", orchestratorId);
        CliRun notAnId = CliRun.run(cliDir, "--nats", nats.uri().toString(), "--orchestrator", "bob", "job", "list");
        CliRun ipfs = CliRun.run(cliDir, "--nats", nats.uri().toString(), "--orchestrator", orchestratorId, "ipfs", "gc");
        CliRun localInput = CliRun.run(cliDir, "--nats", nats.uri().toString(), "--orchestrator", orchestratorId,
                "wasm", "run", echo(), "-i", "file://" + cliDir + ":/inputs");

        assertThat(natsOnly.exitCode()).isEqualTo(2);
        assertThat(natsOnly.err()).startsWith("Error: --nats " + nats.uri() + " needs --orchestrator ID");
        assertThat(orchestratorOnly.exitCode()).isEqualTo(2);
        assertThat(orchestratorOnly.err()).startsWith("Error: --orchestrator " + orchestratorId + " needs --nats URI");
        assertThat(notAnId.exitCode()).isEqualTo(2);
        assertThat(notAnId.err()).startsWith("Error: --orchestrator: ").contains("'bob'");
        assertThat(ipfs.exitCode()).isEqualTo(2);
        assertThat(ipfs.err()).contains("apply only to the job, node, wasm, function and docker commands");
        assertThat(localInput.exitCode()).isEqualTo(2);
        assertThat(localInput.err()).contains("cannot go to a remote orchestrator");
        assertThat(orchestrator.list()).isEmpty();
    }

    @Test
    void shouldRefuseOptionsThatOnlyConfigureTheEmbeddedNode() throws Exception {
        String[] remote = {"--nats", nats.uri().toString(), "--orchestrator", orchestratorId};
        CliRun gateway = CliRun.run(cliDir, concat(remote, "--gateway", "http://127.0.0.1:9", "wasm", "run", echo()));
        CliRun profile = CliRun.run(cliDir, concat(remote, "--import-profile", "kubo-v1-raw", "job", "list"));
        CliRun allow = CliRun.run(cliDir, concat(remote, "--allow-local-path", cliDir.toString(), "wasm", "run", echo()));

        assertThat(gateway.exitCode()).as(gateway.toString()).isEqualTo(2);
        assertThat(gateway.err()).startsWith("Error: --gateway configures the embedded node, not the remote orchestrator "
                + orchestratorId);
        assertThat(profile.exitCode()).as(profile.toString()).isEqualTo(2);
        assertThat(profile.err()).startsWith("Error: --import-profile configures the embedded node");
        assertThat(allow.exitCode()).as(allow.toString()).isEqualTo(2);
        assertThat(allow.err()).startsWith("Error: --allow-local-path configures the embedded node");
        assertThat(orchestrator.list()).isEmpty();
    }

    @Test
    void shouldListTheComputeNodesTheRemoteOrchestratorHears() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (orchestrator.computeNodes().isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
        String[] remote = {"--nats", nats.uri().toString(), "--orchestrator", orchestratorId};

        CliRun table = CliRun.run(cliDir, concat(remote, "node", "list"));
        CliRun json = CliRun.run(cliDir, concat(remote, "node", "list", "--output", "json"));
        CliRun local = CliRun.run(cliDir, "node", "list");

        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out().lines().toList()).hasSize(2);
        assertThat(table.out()).matches("(?s)ID +TYPE +ENGINES +RUNNING +LABELS +GATEWAY\\n"
                + orchestratorId + " +compute +\\S*wasm\\S* +0/\\d+ +zone=test +\\S+\\n");
        com.fasterxml.jackson.databind.JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertThat(tree).as(json.toString()).hasSize(1);
        assertThat(tree.at("/0/Id").asText()).isEqualTo(orchestratorId);
        assertThat(tree.at("/0/Labels/zone").asText()).isEqualTo("test");
        assertThat(tree.at("/0/LastHeard").asText()).isNotEmpty();
        // without the remote options: the embedded node on the CLI's own directory, not the network
        assertThat(local.exitCode()).as(local.toString()).isZero();
        assertThat(local.out()).doesNotContain(orchestratorId).contains("embedded");
    }

    private static String[] concat(String[] first, String... rest) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(rest))
                .toArray(String[]::new);
    }

    @Test
    void shouldSubmitWithoutWaitingThenStopTheJobOnTheRemoteOrchestrator() throws Exception {
        String server = nats.uri().toString();
        // no node has this label, so the job stays queued until stopped
        CliRun submit = CliRun.run(cliDir, "--nats", server, "--orchestrator", orchestratorId,
                "wasm", "run", echo(), "--constraints", "region=mars", "--wait=false");
        assertThat(submit.exitCode()).as(submit.toString()).isZero();
        String id = submit.out().strip();
        assertThat(id).startsWith("j-").doesNotContain("\n");
        assertThat(orchestrator.describe(id).orElseThrow().state().isTerminal()).isFalse();

        CliRun executions = CliRun.run(cliDir, "job", "executions", id, "--nats", server, "--orchestrator", orchestratorId);
        CliRun stop = CliRun.run(cliDir, "job", "stop", id, "--nats", server, "--orchestrator", orchestratorId);
        CliRun again = CliRun.run(cliDir, "job", "stop", id, "--nats", server, "--orchestrator", orchestratorId);

        assertThat(executions.exitCode()).as(executions.toString()).isZero();
        assertThat(executions.out().lines().toList()).singleElement().asString().startsWith("ID ");
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.out()).isEqualTo("Job " + id + " stopped (state Stopped)\n");
        assertThat(orchestrator.describe(id).orElseThrow().state()).isEqualTo(dev.bacalhau4j.api.JobState.STOPPED);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("Error: job " + id + " already ended (Stopped); nothing to stop\n");
    }
}
