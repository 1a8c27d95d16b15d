package dev.bacalhau4j.core.internal.ipfs;

import dev.bacalhau4j.ipfs.IpfsPath;
import dev.bacalhau4j.ipfs.block.Blockstore;
import dev.bacalhau4j.ipfs.block.FileBlockstore;
import dev.bacalhau4j.ipfs.block.MemoryBlockstore;
import dev.bacalhau4j.ipfs.block.PinningBlockstore;
import dev.bacalhau4j.ipfs.exporter.Exporter;
import dev.bacalhau4j.ipfs.fs.UnixFsFileSystem;
import dev.bacalhau4j.ipfs.TransferListener;
import dev.bacalhau4j.ipfs.gateway.FetchReport;
import dev.bacalhau4j.ipfs.gateway.FetchingBlockstore;
import dev.bacalhau4j.ipfs.gateway.GatewayClient;
import dev.bacalhau4j.ipfs.gateway.GatewayServer;
import dev.bacalhau4j.ipfs.importer.ImportProfile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's IPFS side: its blockstore with pins, its import profile, the gateways it fetches
 * from, the lazy UnixFS FileSystem that WASM jobs read inputs through, and its own gateway server
 * when it serves one. Created and closed by the node; thread-safe.
 */
public final class IpfsServices implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IpfsServices.class);

    private final PinningBlockstore store;
    private final ImportProfile profile;
    private final List<URI> configured;
    private final java.util.Set<URI> peerGateways = new java.util.concurrent.CopyOnWriteArraySet<>();
    private volatile GatewayClient client;
    private final Blockstore reading;
    private final UnixFsFileSystem fileSystem;
    private final Optional<GatewayServer> server;

    private IpfsServices(PinningBlockstore store, ImportProfile profile, GatewayClient client,
                         Optional<GatewayServer> server) {
        this.store = store;
        this.profile = profile;
        this.configured = client.gateways();
        this.client = client;
        this.reading = new FetchingBlockstore(store, () -> this.client);
        this.fileSystem = UnixFsFileSystem.open(reading);
        this.server = server;
    }

    /**
     * Opens the blockstore under {@code blocksDir} (in memory when empty; {@code verifyReads}
     * re-hashes what it reads) and, when {@code serveOn} is given, a gateway on that address.
     */
    public static IpfsServices open(Optional<Path> blocksDir, ImportProfile profile, List<URI> gateways,
                                    Optional<InetSocketAddress> serveOn, boolean verifyReads) throws IOException {
        PinningBlockstore store = blocksDir.isPresent()
                ? FileBlockstore.builder(blocksDir.get()).verifyReads(verifyReads).open()
                : new MemoryBlockstore();
        Optional<GatewayServer> server = Optional.empty();
        try {
            if (serveOn.isPresent()) {
                server = Optional.of(GatewayServer.start(store, serveOn.get(), 8));
                log.info("IPFS gateway listening on {}", server.get().address());
            }
            return new IpfsServices(store, profile, GatewayClient.builder().gateways(gateways).build(), server);
        } catch (IOException | RuntimeException e) {
            server.ifPresent(GatewayServer::close);
            store.close();
            throw e;
        }
    }

    public PinningBlockstore store() {
        return store;
    }

    /** The store as readers should see it: a block it lacks is fetched from the gateways, verified. */
    public Blockstore readingStore() {
        return reading;
    }

    public ImportProfile profile() {
        return profile;
    }

    public Exporter exporter() {
        return new Exporter(reading);
    }

    public UnixFsFileSystem fileSystem() {
        return fileSystem;
    }

    public List<URI> gateways() {
        return client.gateways();
    }

    public Optional<URI> gatewayAddress() {
        return server.map(GatewayServer::address);
    }

    /**
     * Adds gateways of peers (learned over the network) to try after the configured ones, for
     * inputs this node lacks.
     */
    public void addPeerGateways(java.util.Collection<URI> gateways) {
        boolean changed = false;
        for (URI g : gateways) {
            if (!configured.contains(g) && !gatewayAddress().map(g::equals).orElse(false)) {
                changed |= peerGateways.add(g);
            }
        }
        if (changed) {
            synchronized (this) {
                List<URI> all = new java.util.ArrayList<>(configured);
                all.addAll(peerGateways);
                client = GatewayClient.builder().gateways(all).build();
            }
        }
    }

    /** Makes the DAG that {@code path} names local, fetching what is missing from {@code gateways} first. */
    public FetchReport fetchFrom(IpfsPath path, List<URI> gateways) throws IOException, InterruptedException {
        return fetchFrom(path, gateways, TransferListener.NONE);
    }

    /** The same, telling {@code listener} the bytes received (see {@link GatewayClient#fetchDag(IpfsPath, dev.bacalhau4j.ipfs.block.Blockstore, TransferListener)}). */
    public FetchReport fetchFrom(IpfsPath path, List<URI> gateways, TransferListener listener)
            throws IOException, InterruptedException {
        List<URI> all = new java.util.ArrayList<>(gateways);
        all.addAll(client.gateways());
        return GatewayClient.builder().gateways(all).build().fetchDag(path, store, listener);
    }

    /** Makes the DAG that {@code path} names local, fetching and verifying what is missing. */
    public FetchReport fetch(IpfsPath path) throws IOException, InterruptedException {
        return fetch(path, TransferListener.NONE);
    }

    /** The same, telling {@code listener} the bytes received from a gateway. */
    public FetchReport fetch(IpfsPath path, TransferListener listener) throws IOException, InterruptedException {
        return client.fetchDag(path, store, listener);
    }

    /** The path of {@code path}'s target in the UnixFS FileSystem (read lazily, no copy). */
    public Path pathOf(IpfsPath path) {
        return fileSystem.getPath(path.root(), path.segments().toArray(String[]::new));
    }

    @Override
    public void close() {
        server.ifPresent(GatewayServer::close);
        fileSystem.close();
        try {
            store.close();
        } catch (IOException e) {
            log.warn("closing the blockstore: {}", e.toString());
        }
    }
}
