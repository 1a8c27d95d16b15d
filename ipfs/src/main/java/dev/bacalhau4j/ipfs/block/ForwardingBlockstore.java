package dev.bacalhau4j.ipfs.block;

import dev.bacalhau4j.ipfs.Cid;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A blockstore that passes every call to another one; wrappers (caching, fetching, counting)
 * override only what they change. It does not own the store underneath: {@link #close()} leaves
 * it open.
 */
public abstract class ForwardingBlockstore implements Blockstore {
    private final Blockstore delegate;

    /**
     * A store passing every call to {@code delegate}.
     *
     * @param delegate the store underneath
     */
    protected ForwardingBlockstore(Blockstore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate == null");
    }

    /**
     * The store underneath.
     *
     * @return the delegate
     */
    protected final Blockstore delegate() {
        return delegate;
    }

    @Override
    public boolean has(Cid cid) throws IOException {
        return delegate.has(cid);
    }

    @Override
    public Optional<byte[]> get(Cid cid) throws IOException {
        return delegate.get(cid);
    }

    @Override
    public long size(Cid cid) throws IOException {
        return delegate.size(cid);
    }

    @Override
    public void put(Cid cid, byte[] data) throws IOException {
        delegate.put(cid, data);
    }

    @Override
    public boolean delete(Cid cid) throws IOException {
        return delegate.delete(cid);
    }

    @Override
    public Stream<Cid> cids() throws IOException {
        return delegate.cids();
    }

    /** Leaves the store underneath open: it belongs to whoever opened it. */
    @Override
    public void close() throws IOException {}
}
