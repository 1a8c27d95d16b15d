package dev.bacalhau4j.ipfs.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.block.Block;
import dev.bacalhau4j.ipfs.block.MemoryBlockstore;
import dev.bacalhau4j.ipfs.car.CarExport;
import dev.bacalhau4j.ipfs.car.CarReader;
import dev.bacalhau4j.ipfs.car.CarWriter;
import dev.bacalhau4j.ipfs.dag.BlockLinks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayTest {
    private final MemoryBlockstore origin = new MemoryBlockstore();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Cid file;
    private Cid dir;
    private GatewayServer server;

    @BeforeEach
    void setUp() throws IOException {
        file = TestDags.file(origin, 5, 1000, 1);
        Cid small = TestDags.file(origin, 1, 10, 2);
        dir = TestDags.directory(origin, List.of("big.bin", "small.bin"), List.of(file, small));
        server = GatewayServer.startLocal(origin);
        closeables.add(server);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private HttpResponse<byte[]> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.address() + path));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void shouldServeRawBlocksAndCarsThatVerify() throws Exception {
        HttpResponse<byte[]> raw = get("/ipfs/" + dir + "?format=raw", null);
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Content-Type")).contains("application/vnd.ipld.raw");
        assertThat(raw.body()).isEqualTo(origin.get(dir).orElseThrow());

        HttpResponse<byte[]> car = get("/ipfs/" + dir, "application/vnd.ipld.car");
        assertThat(car.statusCode()).isEqualTo(200);
        assertThat(car.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.ipld.car; version=1");
        CarReader reader = new CarReader(new ByteArrayInputStream(car.body()));
        assertThat(reader.roots()).containsExactly(dir);
        int blocks = 0;
        while (reader.next() != null) {
            blocks++;
        }
        assertThat(blocks).isEqualTo(origin.count());

        HttpResponse<byte[]> block = get("/ipfs/" + dir + "?format=car&dag-scope=block", null);
        CarReader one = new CarReader(new ByteArrayInputStream(block.body()));
        assertThat(one.next().cid()).isEqualTo(dir);
        assertThat(one.next()).isNull();
    }

    @Test
    void shouldAnswerBadRequestsWithTheReason() throws Exception {
        assertThat(get("/ipfs/Qmx?format=raw", null).statusCode()).isEqualTo(400);
        assertThat(new String(get("/ipfs/Qmx?format=raw", null).body())).contains("not a CID");
        assertThat(get("/ipfs/" + dir, null).statusCode()).isEqualTo(406);
        assertThat(get("/ipfs/" + dir + "?format=tar", null).statusCode()).isEqualTo(400);
        Cid absent = Cid.raw(new byte[] {42});
        HttpResponse<byte[]> missing = get("/ipfs/" + absent + "?format=raw", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new String(missing.body())).contains("block not found: " + absent);
        assertThat(get("/ipfs/" + dir + "/nope.bin?format=raw", null).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> post = http.send(HttpRequest.newBuilder(URI.create(server.address() + "/ipfs/" + dir))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void shouldServeAPathWithTheBlocksCrossedToReachIt() throws Exception {
        HttpResponse<byte[]> raw = get("/ipfs/" + dir + "/big.bin?format=raw", null);
        assertThat(raw.body()).isEqualTo(origin.get(file).orElseThrow());
        HttpResponse<byte[]> car = get("/ipfs/" + dir + "/big.bin?format=car", null);
        CarReader reader = new CarReader(new ByteArrayInputStream(car.body()));
        assertThat(reader.roots()).containsExactly(dir);
        assertThat(reader.next().cid()).isEqualTo(dir);
        assertThat(reader.next().cid()).isEqualTo(file);
    }

    @Test
    void shouldFetchOnlyThePathsTargetAndTheBlocksOnTheWay() throws Exception {
        MemoryBlockstore local = new MemoryBlockstore();
        GatewayClient client = GatewayClient.builder().gateway(server.address()).build();
        FetchReport report = client.fetchDag(dev.bacalhau4j.ipfs.IpfsPath.parse(dir + "/big.bin"), local);
        assertThat(report.blocksReceived()).isEqualTo(1 + 1 + 5);   // directory, file root, 5 leaves
        assertThat(local.has(dir)).isTrue();
        assertThat(local.count()).isEqualTo(7);
    }

    @Test
    void shouldReportTheBytesReceivedAgainstTheSizeTheRootDeclares() throws Exception {
        GatewayClient client = GatewayClient.builder().gateway(server.address()).build();
        List<long[]> whole = new ArrayList<>();
        List<long[]> path = new ArrayList<>();
        // a DAG as the importer lays it out (cumulative Tsize in every link), big enough for several leaves
        byte[] big = new byte[700_000];
        new java.util.Random(5).nextBytes(big);
        var importer = new dev.bacalhau4j.ipfs.importer.UnixFsImporter(origin);
        Cid imported = importer.addDirectory(new java.util.TreeMap<>(java.util.Map.of(
                "big.bin", importer.addBytes(big), "small.txt", importer.addBytes("small".getBytes())))).cid();

        FetchReport report = client.fetchDag(dev.bacalhau4j.ipfs.IpfsPath.of(imported), new MemoryBlockstore(),
                (done, total) -> whole.add(new long[] {done, total}));
        client.fetchDag(dev.bacalhau4j.ipfs.IpfsPath.parse(dir + "/big.bin"), new MemoryBlockstore(),
                (done, total) -> path.add(new long[] {done, total}));

        assertThat(whole).hasSize((int) report.blocksReceived());
        assertThat(report.blocksReceived()).isGreaterThan(3);
        // every block of this DAG is distinct, so the Tsize sum is exactly what arrives
        assertThat(whole.get(whole.size() - 1)).containsExactly(report.bytesReceived(), report.bytesReceived());
        assertThat(whole).allMatch(c -> c[1] == report.bytesReceived());
        assertThat(path).hasSize(7).allMatch(c -> c[1] == -1);
    }

    @Test
    void shouldFetchAWholeDagAndThenAnswerFromTheStore() throws Exception {
        MemoryBlockstore local = new MemoryBlockstore();
        GatewayClient client = GatewayClient.builder().gateway(server.address()).build();
        FetchReport report = client.fetchDag(dir, local);
        assertThat(report.gateway()).contains(server.address());
        assertThat(report.blocksReceived()).isEqualTo(origin.count());
        assertThat(local.count()).isEqualTo(origin.count());
        assertThat(client.fetchDag(dir, local).blocksReceived()).isZero();
    }

    @Test
    void shouldRefuseLyingGatewaysAndUseTheNextHonestOne() throws Exception {
        byte[] honest = car(dir);
        URI tampered = lyingGateway(car -> {
            byte[] copy = car.clone();
            copy[copy.length - 1] ^= 1;
            return copy;
        });
        URI truncated = lyingGateway(car -> Arrays.copyOf(car, car.length - 500));
        URI sneaky = lyingGateway(car -> withForeignBlock(car));
        URI failing = lyingGateway(null);
        URI unreachable = URI.create("http://127.0.0.1:" + freePort());

        MemoryBlockstore local = new MemoryBlockstore();
        GatewayClient client = GatewayClient.builder()
                .gateways(List.of(unreachable, failing, tampered, truncated, sneaky, server.address())).build();
        FetchReport report = client.fetchDag(dir, local);
        assertThat(report.gateway()).contains(server.address());
        assertThat(report.refused()).hasSize(5);
        assertThat(report.refused().get(0)).contains("unreachable");
        assertThat(report.refused().get(1)).contains("HTTP 500");
        assertThat(report.refused().get(2)).contains("does not match its CID");
        assertThat(report.refused().get(3)).contains("truncated");
        assertThat(report.refused().get(4)).contains("not linked from the DAG of " + dir);
        assertThat(local.count()).isEqualTo(origin.count());
        assertThat(local.has(Cid.raw("foreign".getBytes()))).isFalse();
        assertThat(honest).isNotEmpty();

        GatewayClient onlyLiars = GatewayClient.builder().gateways(List.of(tampered, unreachable)).build();
        assertThatThrownBy(() -> onlyLiars.fetchDag(dir, new MemoryBlockstore()))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("cannot fetch " + dir + " from any gateway")
                .hasMessageContaining(tampered.toString())
                .hasMessageContaining(unreachable.toString());
    }

    @Test
    void shouldRefuseADagOverTheSizeLimit() throws Exception {
        GatewayClient client = GatewayClient.builder().gateway(server.address()).maxBytes(2000).build();
        assertThatThrownBy(() -> client.fetchDag(dir, new MemoryBlockstore()))
                .hasMessageContaining("larger than the limit of 2000 bytes");
    }

    @Test
    void shouldFetchSingleBlocksLazilyThroughTheFetchingStore() throws Exception {
        MemoryBlockstore local = new MemoryBlockstore();
        FetchingBlockstore lazy = new FetchingBlockstore(local,
                GatewayClient.builder().gateway(server.address()).build());
        byte[] root = lazy.get(file).orElseThrow();
        Cid firstLeaf = BlockLinks.of(file, root).get(0);
        assertThat(lazy.get(firstLeaf)).isPresent();
        assertThat(local.count()).isEqualTo(2);
        assertThatThrownBy(() -> lazy.get(Cid.raw(new byte[] {9}))).isInstanceOf(GatewayException.class)
                .hasMessageContaining("HTTP 404");
    }

    private byte[] car(Cid root) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CarExport.write(origin, root, out);
        return out.toByteArray();
    }

    private byte[] withForeignBlock(byte[] car) {
        try {
            CarReader reader = new CarReader(new ByteArrayInputStream(car));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CarWriter writer = new CarWriter(out, reader.roots());
            Block first = reader.next();
            writer.write(first.cid(), first.data());
            byte[] foreign = "foreign".getBytes();
            writer.write(Cid.raw(foreign), foreign);
            for (Block b = reader.next(); b != null; b = reader.next()) {
                writer.write(b.cid(), b.data());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real HTTP server that answers every CAR request with a doctored copy of the honest CAR (or 500). */
    private URI lyingGateway(UnaryOperator<byte[]> doctor) throws IOException {
        byte[] honest = car(dir);
        HttpServer liar = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        liar.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = doctor == null ? "boom".getBytes() : doctor.apply(honest);
                exchange.sendResponseHeaders(doctor == null ? 500 : 200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        liar.start();
        closeables.add(() -> liar.stop(0));
        return URI.create("http://127.0.0.1:" + liar.getAddress().getPort());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
