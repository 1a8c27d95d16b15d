package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.block.Blockstore;
import dev.bacalhau4j.ipfs.block.ForwardingBlockstore;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A blockstore that counts and records the gets it passes to a real store underneath. */
public final class CountingBlockstore extends ForwardingBlockstore {
    private final AtomicInteger gets = new AtomicInteger();
    private final List<Cid> got = new CopyOnWriteArrayList<>();

    public CountingBlockstore(Blockstore delegate) {
        super(delegate);
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
    public Optional<byte[]> get(Cid cid) throws IOException {
        gets.incrementAndGet();
        got.add(cid);
        return delegate().get(cid);
    }
}
