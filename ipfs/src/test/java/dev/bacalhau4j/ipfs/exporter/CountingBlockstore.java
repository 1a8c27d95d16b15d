package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.block.Blockstore;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** A blockstore that counts and records the gets it passes to a real store underneath. */
public final class CountingBlockstore implements Blockstore {
    private final Blockstore delegate;
    private final AtomicInteger gets = new AtomicInteger();
    private final List<Cid> got = new CopyOnWriteArrayList<>();

    public CountingBlockstore(Blockstore delegate) {
        this.delegate = delegate;
    }

    public int gets() {
        return gets.get();
    }

    public List<Cid> got() {
        return List.copyOf(got);
    }

    public void reset() {
        gets.set(0);
        got.clear();
    }

    @Override
    public boolean has(Cid cid) throws IOException {
        return delegate.has(cid);
    }

    @Override
    public Optional<byte[]> get(Cid cid) throws IOException {
        gets.incrementAndGet();
        got.add(cid);
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
}
