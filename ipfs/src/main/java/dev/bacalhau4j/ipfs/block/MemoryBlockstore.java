package dev.bacalhau4j.ipfs.block;

import dev.bacalhau4j.ipfs.Cid;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** A blockstore in a concurrent map, for tests and in-memory nodes. */
public final class MemoryBlockstore implements Blockstore {
    private final ConcurrentHashMap<Cid, byte[]> blocks = new ConcurrentHashMap<>();

    @Override
    public boolean has(Cid cid) {
        return cid.isIdentity() || blocks.containsKey(cid);
    }

    @Override
    public Optional<byte[]> get(Cid cid) {
        if (cid.isIdentity()) {
            return Optional.of(cid.identityData());
        }
        byte[] data = blocks.get(cid);
        return data == null ? Optional.empty() : Optional.of(data.clone());
    }

    @Override
    public long size(Cid cid) {
        if (cid.isIdentity()) {
            return cid.identityData().length;
        }
        byte[] data = blocks.get(cid);
        return data == null ? -1 : data.length;
    }

    @Override
    public void put(Cid cid, byte[] data) {
        if (!cid.isIdentity()) {
            blocks.putIfAbsent(cid, data.clone());
        }
    }

    @Override
    public boolean delete(Cid cid) {
        return blocks.remove(cid) != null;
    }

    @Override
    public Stream<Cid> cids() {
        return List.copyOf(blocks.keySet()).stream();
    }

    public int count() {
        return blocks.size();
    }
}
