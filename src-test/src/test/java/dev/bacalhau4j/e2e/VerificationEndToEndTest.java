package dev.bacalhau4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.ConstraintOperator;
import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.internal.network.NatsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verified WASM jobs with one lying compute node (corruptResultsForTesting) among three. */
@org.junit.jupiter.api.Timeout(value = 300, unit = java.util.concurrent.TimeUnit.SECONDS,
        threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
class VerificationEndToEndTest {
    @TempDir
    static Path tmp;

    private static NatsServer nats;
    private static ChildNodes children;
    private static Bacalhau orch;
    private static ChildNodes.Child liar;
    private static ChildNodes.Child honest1;

    @BeforeAll
    static void start() throws Exception {
        nats = NatsServer.start();
        children = new ChildNodes();
        orch = Orchestrators.inProcess(nats, tmp.resolve("orch"));
        String trust = "trust=" + orch.info().nodeId();
        honest1 = children.start(nats.uri().toString(), tmp.resolve("h1"), trust, "label=name=h1");
        children.start(nats.uri().toString(), tmp.resolve("h2"), trust, "label=name=h2");
        liar = children.start(nats.uri().toString(), tmp.resolve("liar"), trust, "label=name=liar", "corrupt");
    }

    @AfterAll
    static void stop() throws Exception {
        orch.close();
        children.close();
        nats.close();
    }


    @Test
    void shouldOutvoteTheLyingNodeAndRecordIt() throws Exception {
        JobResult r = orch.submit(Job.wasm(Programs.wasm("echo")).args("verify", "me").output("outputs", "/outputs")
                .verify(3, 2).build()).await(Duration.ofSeconds(60));

        assertThat(r.state()).as(r.message()).isEqualTo(JobState.COMPLETED);
        assertThat(r.verdict().verified()).isTrue();
        assertThat(r.executions()).extracting(ExecutionResult::nodeId).hasSize(3).contains(liar.nodeId());
        String lie = r.executions().stream().filter(e -> e.nodeId().equals(liar.nodeId())).findFirst().orElseThrow()
                .executionId();
        assertThat(r.verdict().rejected()).containsExactly(lie);
        assertThat(r.verdict().agreeing()).hasSize(2).doesNotContain(lie);
        assertThat(r.verdict().explanation()).contains("2 of 3").contains(liar.nodeId());
        assertThat(r.message()).startsWith("verified: ");
        assertThat(r.outputs().orElseThrow().location()).isEqualTo(r.verdict().accepted().orElseThrow());
        assertThat(r.execution().orElseThrow().nodeId()).isNotEqualTo(liar.nodeId());

        Path out = tmp.resolve("verified");
        orch.download(r, out);
        assertThat(Files.readString(out.resolve("stdout"))).contains("argv[1]=verify");
    }

    @Test
    void shouldVerifyAJavaScriptFunctionAcrossTwoHonestNodes() throws Exception {
        String source = "const words = args[0].split(' ');\n"
                + "writeFile('/outputs/count.txt', words.length + ' words\\n');\n"
                + "console.log(words.reverse().join(' '));\n";
        JobResult r = orch.submit(Job.function(source).args("same function same inputs same cid")
                .output("outputs", "/outputs").verify(2, 2)
                .constraint("name", ConstraintOperator.IN, "h1", "h2").build()).await(Duration.ofSeconds(120));

        assertThat(r.state()).as(r.message()).isEqualTo(JobState.COMPLETED);
        assertThat(r.verdict().verified()).isTrue();
        assertThat(r.verdict().agreeing()).hasSize(2);
        assertThat(r.verdict().rejected()).isEmpty();
        assertThat(r.executions()).extracting(ExecutionResult::nodeId).doesNotContain(liar.nodeId());
        assertThat(r.stdout()).startsWith("cid same inputs same function same");

        Path out = tmp.resolve("function-verified");
        orch.download(r, out);
        assertThat(Files.readString(out.resolve("outputs/count.txt"))).isEqualTo("6 words\n");
    }

    @Test
    void shouldFailWithoutAQuorum() throws Exception {
        JobResult r = orch.submit(Job.wasm(Programs.wasm("echo")).args("tie").verify(2, 2)
                .constraint("name", ConstraintOperator.IN, "h1", "liar").build()).await(Duration.ofSeconds(60));

        assertThat(r.state()).isEqualTo(JobState.FAILED);
        assertThat(r.message()).startsWith("verification: no quorum");
        assertThat(r.verdict().verified()).isFalse();
        assertThat(r.executions()).extracting(ExecutionResult::nodeId)
                .containsExactlyInAnyOrder(honest1.nodeId(), liar.nodeId());
    }
}
