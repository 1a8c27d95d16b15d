package dev.bacalhau4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.bacalhau4j.api.InvalidJobException;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.importer.ImportProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WASM jobs over IPFS data on embedded nodes: inputs by CID (local, or fetched from another
 * node's gateway and verified), results published as one CID that is the same on every run and
 * equal to importing the same files directly.
 */
class IpfsJobsEndToEndTest {
    @TempDir
    Path work;

    private static Job wordcount(Cid input) {
        return Job.wasm(Programs.wasm("wordcount")).inputIpfs(input.toString(), "/inputs")
                .output("outputs", "/outputs").build();
    }

    private static Cid resultCid(JobResult result) {
        assertThat(result.state()).as(result.message()).isEqualTo(JobState.COMPLETED);
        URI location = result.outputs().orElseThrow().location();
        assertThat(location.getScheme()).isEqualTo("ipfs");
        return Cid.parse(location.getSchemeSpecificPart().replaceFirst("^//", ""));
    }

    @Test
    void shouldPublishTheSameCidOnEveryRunAndEqualToImportingTheFilesDirectly() throws Exception {
        try (Bacalhau node = Bacalhau.builder().directory(work.resolve("node")).build()) {
            Cid data = node.ipfs().add(Programs.exampleData("wordcount"));
            JobResult first = node.run(wordcount(data));
            JobResult second = node.run(wordcount(data));
            Cid published = resultCid(first);
            assertThat(resultCid(second)).isEqualTo(published);
            assertThat(first.stdout()).contains("total");

            Path downloaded = work.resolve("downloaded");
            node.download(first, downloaded);
            assertThat(downloaded.resolve("outputs/wordcount.txt")).hasContent(first.stdout());
            assertThat(downloaded.resolve("stdout")).hasContent(first.stdout());
            assertThat(downloaded.resolve("exitCode")).hasContent("0\n");
            assertThat(node.ipfs().add(downloaded)).isEqualTo(published);
            assertThat(node.ipfs().pins()).anySatisfy(pin -> assertThat(pin.root()).isEqualTo(published));
        }
    }

    @Test
    void shouldReadAPathInsideACidAndPublishWithTheNodesProfile() throws Exception {
        try (Bacalhau node = Bacalhau.builder().directory(work.resolve("node")).importProfile("kubo-v1-raw").build()) {
            Cid data = node.ipfs().add(Programs.exampleData("wordcount"));
            String firstName = node.ipfs().ls(data.toString()).get(0).name();
            Job job = Job.wasm(Programs.wasm("wordcount")).inputIpfs(data + "/" + firstName, "/inputs/" + firstName)
                    .output("outputs", "/outputs").build();
            JobResult result = node.run(job);
            assertThat(resultCid(result).version()).isEqualTo(1);
            assertThat(result.stdout()).contains("/inputs/" + firstName).contains("total");
            assertThat(node.info().importProfile()).isEqualTo(ImportProfile.KUBO_V1_RAW.name());
        }
    }

    @Test
    void shouldFetchInputsFromAnotherNodesGatewayAndDownloadResultsFromIt() throws Exception {
        try (Bacalhau origin = Bacalhau.builder().directory(work.resolve("origin")).serveGateway().build()) {
            Cid data = origin.ipfs().add(Programs.exampleData("wordcount"));
            URI gateway = origin.ipfs().gatewayAddress().orElseThrow();
            try (Bacalhau worker = Bacalhau.builder().directory(work.resolve("worker")).gateway(gateway)
                    .serveGateway().build()) {
                JobResult remote = worker.run(wordcount(data));
                JobResult local = origin.run(wordcount(data));
                assertThat(resultCid(remote)).isEqualTo(resultCid(local));

                // a third node with only the worker's gateway downloads the worker's result
                try (Bacalhau client = Bacalhau.builder().inMemory()
                        .gateway(worker.ipfs().gatewayAddress().orElseThrow()).build()) {
                    Path out = work.resolve("from-worker");
                    client.download(remote, out);
                    assertThat(out.resolve("outputs/wordcount.txt")).hasContent(remote.stdout());
                }
            }
        }
    }

    @Test
    void shouldFailTheJobNamingTheGatewayWhenItLies() throws Exception {
        try (Bacalhau origin = Bacalhau.builder().inMemory().build()) {
            Cid data = origin.ipfs().add(Programs.exampleData("wordcount"));
            ByteArrayOutputStream car = new ByteArrayOutputStream();
            origin.ipfs().exportCar(data, car);
            byte[] doctored = car.toByteArray();
            doctored[doctored.length - 1] ^= 1;
            HttpServer liar = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            liar.createContext("/", exchange -> {
                try (exchange) {
                    exchange.sendResponseHeaders(200, doctored.length);
                    exchange.getResponseBody().write(doctored);
                }
            });
            liar.start();
            URI liarUri = URI.create("http://127.0.0.1:" + liar.getAddress().getPort());
            try (Bacalhau worker = Bacalhau.builder().directory(work.resolve("worker")).gateway(liarUri).build()) {
                JobResult result = worker.run(wordcount(data));
                assertThat(result.state()).isEqualTo(JobState.FAILED);
                assertThat(result.execution().orElseThrow().failureReason()).isEqualTo("staging");
                assertThat(result.execution().orElseThrow().failureMessage())
                        .contains("Tasks[0].InputSources[0].Source.Params.CID")
                        .contains(liarUri.toString())
                        .contains("does not match its CID");
            } finally {
                liar.stop(0);
            }
        }
    }

    @Test
    void shouldRefuseUnparsableCidsAtSubmitAndExplainMissingData() throws Exception {
        try (Bacalhau node = Bacalhau.builder().inMemory().build()) {
            Job bad = Job.wasm(Programs.wasm("wordcount")).inputIpfs("Qmnope", "/inputs").build();
            assertThatThrownBy(() -> node.submit(bad)).isInstanceOf(InvalidJobException.class)
                    .hasMessageContaining("Tasks[0].InputSources[0].Source.Params.CID")
                    .hasMessageContaining("not a CID");
            Job climbing = Job.wasm(Programs.wasm("wordcount"))
                    .inputIpfs(Cid.raw(new byte[] {1}) + "/../etc", "/inputs").build();
            assertThatThrownBy(() -> node.submit(climbing)).hasMessageContaining("\"..\" is not allowed");

            JobResult missing = node.run(wordcount(Cid.raw("nobody has this".getBytes(StandardCharsets.UTF_8))));
            assertThat(missing.state()).isEqualTo(JobState.FAILED);
            assertThat(missing.execution().orElseThrow().failureMessage()).contains("no gateways are configured");
        }
    }

    @Test
    void shouldCatAndGetWhatWasAdded() throws IOException {
        try (Bacalhau node = Bacalhau.builder().inMemory().build()) {
            Cid cid = node.ipfs().add("hello\n".getBytes(StandardCharsets.UTF_8));
            assertThat(cid).hasToString("QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN");
            try (InputStream in = node.ipfs().cat(cid.toString())) {
                assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("hello\n");
            }
            Path out = work.resolve("hello.txt");
            node.ipfs().get(cid.toString(), out);
            assertThat(Files.readString(out)).isEqualTo("hello\n");
        }
    }
}
