package dev.bacalhau4j.ipfs.gateway;

import dev.bacalhau4j.ipfs.BlockMismatchException;
import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.IpfsFormatException;
import dev.bacalhau4j.ipfs.IpfsPath;
import dev.bacalhau4j.ipfs.Multicodec;
import dev.bacalhau4j.ipfs.TransferListener;
import dev.bacalhau4j.ipfs.block.Block;
import dev.bacalhau4j.ipfs.block.BlockNotFoundException;
import dev.bacalhau4j.ipfs.block.Blockstore;
import dev.bacalhau4j.ipfs.car.CarReader;
import dev.bacalhau4j.ipfs.dag.BlockLinks;
import dev.bacalhau4j.ipfs.exporter.Exporter;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches DAGs and blocks from IPFS trustless gateways (peers, or any public gateway), trying
 * them in order. Nothing unverified is stored: every block of a CAR must hash to its CID and be
 * linked from a block already accepted for this DAG (so a gateway cannot slip in other data), and
 * the DAG must be complete at the end. A gateway that fails any check is refused with the reason
 * and the next one tried. Immutable and thread-safe; it shares one JDK {@link HttpClient}.
 */
public final class GatewayClient {
    private final List<URI> gateways;
    private final HttpClient http;
    private final Duration timeout;
    private final long maxBytes;

    private GatewayClient(Builder b) {
        this.gateways = List.copyOf(b.gateways);
        this.timeout = b.timeout;
        this.maxBytes = b.maxBytes;
        this.http = HttpClient.newBuilder().connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * Options for a client.
     *
     * @return a builder with no gateways
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The gateways, in the order they are tried.
     *
     * @return the base URLs
     */
    public List<URI> gateways() {
        return gateways;
    }

    /**
     * Makes the whole DAG under {@code root} present in {@code store}, fetching it as a CAR from the
     * first gateway that delivers it completely. Returns at once when it is already complete.
     *
     * @param root the DAG's root
     * @param store where to store the blocks
     * @return what the fetch did
     * @throws IOException when no gateway delivered the whole DAG ({@link GatewayException}, with each one's
     *     reason) or the store fails
     * @throws InterruptedException when the thread is interrupted while waiting for a gateway
     */
    public FetchReport fetchDag(Cid root, Blockstore store) throws IOException, InterruptedException {
        return fetchDag(IpfsPath.of(root), store);
    }

    /**
     * Makes the DAG that {@code path} names present in {@code store}, with the blocks crossed to
     * reach it (so the path resolves locally afterwards); the rest of the root's DAG is not fetched.
     *
     * @param path the root and the path to the target
     * @param store where to store the blocks
     * @return what the fetch did
     * @throws IOException when no gateway delivered them ({@link GatewayException}, with each one's reason)
     *     or the store fails
     * @throws InterruptedException when the thread is interrupted while waiting for a gateway
     */
    public FetchReport fetchDag(IpfsPath path, Blockstore store) throws IOException, InterruptedException {
        return fetchDag(path, store, TransferListener.NONE);
    }

    /**
     * As {@link #fetchDag(IpfsPath, Blockstore)}, telling {@code listener} the block bytes received
     * from the gateway trying now (a fallback gateway starts again from 0). The total is the DAG's
     * size as its root block's links declare it (their Tsize), known once the root arrives when
     * {@code path} has no segments; otherwise -1. Nothing is reported when the DAG is already local.
     *
     * @param path the root and the path to the target
     * @param store where to store the blocks
     * @param listener hears the progress, on this thread
     * @return what the fetch did
     * @throws IOException when no gateway delivered them ({@link GatewayException}, with each one's reason)
     *     or the store fails
     * @throws InterruptedException when the thread is interrupted while waiting for a gateway
     */
    public FetchReport fetchDag(IpfsPath path, Blockstore store, TransferListener listener)
            throws IOException, InterruptedException {
        Objects.requireNonNull(listener, "listener == null");
        Cid root = path.root();
        if (missingUnder(path, store).isEmpty()) {
            return new FetchReport(Optional.empty(), 0, 0, List.of());
        }
        List<String> refused = new ArrayList<>();
        for (URI gateway : gateways) {
            try {
                long[] counts = fetchCar(gateway, path, store, listener);
                List<Cid> stillMissing = missingUnder(path, store);
                if (stillMissing.isEmpty()) {
                    return new FetchReport(Optional.of(gateway), counts[0], counts[1], refused);
                }
                refused.add(gateway + ": CAR ended with " + stillMissing.size() + " block(s) of the DAG missing, e.g. "
                        + stillMissing.get(0));
            } catch (IOException | IpfsFormatException e) {
                refused.add(gateway + ": " + reason(e));
            }
        }
        throw new GatewayException(root, refused);
    }

    /**
     * Fetches one block as {@code ?format=raw}, verified against {@code cid}.
     *
     * @param cid the block's CID
     * @return the block's bytes
     * @throws IOException when no gateway delivered it ({@link GatewayException}, with each one's reason)
     * @throws InterruptedException when the thread is interrupted while waiting for a gateway
     */
    public byte[] fetchBlock(Cid cid) throws IOException, InterruptedException {
        if (cid.isIdentity()) {
            return cid.identityData();
        }
        List<String> refused = new ArrayList<>();
        for (URI gateway : gateways) {
            try {
                HttpResponse<InputStream> response = send(gateway, cid.toString(), "raw", GatewayRequest.RAW_TYPE);
                try (InputStream body = response.body()) {
                    byte[] data = body.readNBytes(CarReader.MAX_SECTION_BYTES + 1);
                    if (data.length > CarReader.MAX_SECTION_BYTES) {
                        throw new IpfsFormatException("block larger than " + CarReader.MAX_SECTION_BYTES + " bytes");
                    }
                    cid.verify(data);
                    return data;
                }
            } catch (IOException | IpfsFormatException e) {
                refused.add(gateway + ": " + reason(e));
            }
        }
        throw new GatewayException(cid, refused);
    }

    private long[] fetchCar(URI gateway, IpfsPath path, Blockstore store, TransferListener listener)
            throws IOException, InterruptedException {
        Cid root = path.root();
        HttpResponse<InputStream> response = send(gateway, path.hasPath() ? root + "/" + encode(path) : root.toString(),
                "car", GatewayRequest.CAR_TYPE + "; version=1; order=dfs; dups=n");
        try (InputStream body = response.body()) {
            CarReader car = new CarReader(body);
            if (!car.roots().contains(root)) {
                throw new IpfsFormatException("CAR roots " + car.roots() + " do not include " + root);
            }
            Set<Cid> expected = new HashSet<>();
            expected.add(root);
            long blocks = 0;
            long bytes = 0;
            long total = -1;
            for (Block block = car.next(); block != null; block = car.next()) {
                if (!expected.contains(block.cid())) {
                    throw new IpfsFormatException("sent block " + block.cid() + ", which is not linked from the DAG of " + root);
                }
                bytes += block.size();
                if (bytes > maxBytes) {
                    throw new IpfsFormatException("DAG is larger than the limit of " + maxBytes + " bytes");
                }
                if (blocks == 0 && listener != TransferListener.NONE) {
                    total = path.hasPath() ? -1 : declaredDagSize(block);
                }
                listener.transferred(bytes, total);
                if (BlockLinks.isWalkable(block.cid())) {
                    expected.addAll(BlockLinks.of(block.cid(), block.data()));
                }
                store.put(block);
                blocks++;
                if (Thread.interrupted()) {
                    throw new InterruptedException("fetch of " + root + " interrupted");
                }
            }
            return new long[] {blocks, bytes};
        }
    }

    /** The size of the DAG under {@code root} that its links declare (the root block plus their Tsize); -1 for a raw or non-dag-pb root. */
    private static long declaredDagSize(Block root) {
        if (root.cid().codec() == Multicodec.RAW) {
            return root.size();
        }
        if (root.cid().codec() != Multicodec.DAG_PB) {
            return -1;
        }
        try {
            long sum = root.size();
            for (dev.bacalhau4j.ipfs.dag.PbLink link : dev.bacalhau4j.ipfs.dag.DagPb.decode(root.data()).links()) {
                sum += link.tsizeOrZero();
            }
            return sum;
        } catch (IpfsFormatException e) {
            return -1;   // verified against its CID but not dag-pb after all: the walk below says why
        }
    }

    private HttpResponse<InputStream> send(URI gateway, String cidPath, String format, String accept)
            throws IOException, InterruptedException {
        URI uri = URI.create(stripSlash(gateway.toString()) + "/ipfs/" + cidPath + "?format=" + format);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String text;
            try (InputStream body = response.body()) {
                text = new String(body.readNBytes(200), StandardCharsets.UTF_8).strip();
            }
            throw new IOException("HTTP " + response.statusCode() + (text.isEmpty() ? "" : " (" + text + ")"));
        }
        return response;
    }

    /** Blocks still missing to read {@code path}: on the way to its target, then under the target. */
    private static List<Cid> missingUnder(IpfsPath path, Blockstore store) throws IOException {
        if (!path.hasPath()) {
            return missing(path.root(), store);
        }
        try {
            return missing(new Exporter(store).resolve(path.root(), path.segments()).cid(), store);
        } catch (BlockNotFoundException e) {
            return List.of(e.cid());
        }
    }

    private static String encode(IpfsPath path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.segments()) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    /** CIDs of the DAG under {@code root} that the store lacks (walking only what it has). */
    static List<Cid> missing(Cid root, Blockstore store) throws IOException {
        List<Cid> missing = new ArrayList<>();
        Set<Cid> seen = new HashSet<>();
        Deque<Cid> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Cid cid = stack.pop();
            if (!seen.add(cid)) {
                continue;
            }
            // Only dag-pb blocks have links to follow; for the rest, presence is enough.
            Optional<byte[]> data = cid.codec() == Multicodec.DAG_PB ? store.get(cid) : Optional.empty();
            if (data.isPresent()) {
                stack.addAll(BlockLinks.of(cid, data.get()));
            } else if (!store.has(cid)) {
                missing.add(cid);
            }
        }
        return missing;
    }

    private static String reason(Exception e) {
        if (e instanceof ConnectException) {
            return "unreachable (connection refused)";
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (e instanceof BlockMismatchException) {
            return "sent a block that does not match its CID (" + e.getMessage() + ")";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Builds a {@link GatewayClient}; gateways are tried in the order given. */
    public static final class Builder {
        private final List<URI> gateways = new ArrayList<>();
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration timeout = Duration.ofMinutes(5);
        private long maxBytes = 64L << 30;

        /**
         * Adds a gateway, tried after those added before.
         *
         * @param gateway the gateway's base URL
         * @return this builder
         */
        public Builder gateway(URI gateway) {
            gateways.add(Objects.requireNonNull(gateway, "gateway == null"));
            return this;
        }

        /**
         * Adds gateways, in order.
         *
         * @param list the gateways' base URLs
         * @return this builder
         */
        public Builder gateways(List<URI> list) {
            list.forEach(this::gateway);
            return this;
        }

        /**
         * The time allowed to connect to a gateway (default 5 s).
         *
         * @param value the timeout
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Objects.requireNonNull(value, "connectTimeout == null");
            return this;
        }

        /**
         * The time allowed for each response to start (headers).
         *
         * @param value the timeout (default 5 min)
         * @return this builder
         */
        public Builder requestTimeout(Duration value) {
            this.timeout = Objects.requireNonNull(value, "requestTimeout == null");
            return this;
        }

        /**
         * The most bytes one DAG fetch may store, so a gateway cannot fill the disk.
         *
         * @param value the limit, positive (default 64 GiB)
         * @return this builder
         */
        public Builder maxBytes(long value) {
            if (value <= 0) {
                throw new IllegalArgumentException("maxBytes must be positive: " + value);
            }
            this.maxBytes = value;
            return this;
        }

        /**
         * The client.
         *
         * @return the client
         */
        public GatewayClient build() {
            return new GatewayClient(this);
        }
    }
}
