package dev.bacalhau4j.ipfs.gateway;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.block.Blockstore;
import dev.bacalhau4j.ipfs.block.ForwardingBlockstore;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Optional;

/**
 * A blockstore that fetches a block it lacks from gateways on {@link #get}, verifies it and keeps
 * it in the local store, so lazy readers (the UnixFS FileSystem, the FUSE mount) read remote DAGs
 * block by block. {@link #has} answers for the local store only; a block no gateway delivers
 * makes {@link #get} throw {@link GatewayException} with each gateway's reason. It owns neither the local store
 * nor the client.
 */
public final class FetchingBlockstore extends ForwardingBlockstore {
    private final java.util.function.Supplier<GatewayClient> clients;

    /**
     * A store that fetches what {@code local} lacks through {@code client}.
     *
     * @param local the store read first and fetched into
     * @param client the gateways to fetch from
     */
    public FetchingBlockstore(Blockstore local, GatewayClient client) {
        this(local, () -> client);
    }

    /**
     * Fetches through whichever client {@code clients} gives at the time (its gateways may change).
     *
     * @param local the store read first and fetched into
     * @param clients gives the client to use for each fetch
     */
    public FetchingBlockstore(Blockstore local, java.util.function.Supplier<GatewayClient> clients) {
        super(local);
        this.clients = clients;
    }

    @Override
    public Optional<byte[]> get(Cid cid) throws IOException {
        Optional<byte[]> data = delegate().get(cid);
        GatewayClient client = clients.get();
        if (data.isPresent() || client.gateways().isEmpty()) {
            return data;
        }
        try {
            byte[] fetched = client.fetchBlock(cid);
            delegate().put(cid, fetched);
            return Optional.of(fetched);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("fetch of " + cid + " interrupted");
        }
    }

    @Override
    public long size(Cid cid) throws IOException {
        long size = delegate().size(cid);
        return size >= 0 ? size : get(cid).map(b -> (long) b.length).orElse(-1L);
    }
}
