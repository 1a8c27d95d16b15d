package dev.bacalhau4j.ipfs.block;

import dev.bacalhau4j.ipfs.IpfsFormatException;
import dev.bacalhau4j.ipfs.Multibase;
import dev.bacalhau4j.ipfs.Multihash;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a block lives on disk, as Kubo's flatfs lays it out with {@code next-to-last/2}: the key
 * is the block's multihash in unpadded upper-case base32 ({@code CIQ…} for sha2-256), the file
 * is {@code <key>.data}, and it sits in the folder named by the two characters before the key's
 * last one. Keyed on the multihash, so the CIDv0 and CIDv1 (and the raw and dag-pb CIDs) of the
 * same bytes share one file. Immutable.
 */
final class FlatFsLayout {
    /** Written to {@code SHARDING} in the blocks folder, exactly as flatfs writes it. */
    static final String SHARDING = "/repo/flatfs/shard/v1/next-to-last/2";
    static final String EXTENSION = ".data";

    private final Path blocks;

    FlatFsLayout(Path blocks) {
        this.blocks = blocks;
    }

    Path blocks() {
        return blocks;
    }

    Path pathOf(Multihash multihash) {
        String key = Multibase.BASE32_UPPER.encodeRaw(multihash.toBytes());
        return blocks.resolve(shard(key)).resolve(key + EXTENSION);
    }

    /** The multihash a block file is named after, or empty for any other file. */
    static Optional<Multihash> keyOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(EXTENSION)) {
            return Optional.empty();
        }
        String key = name.substring(0, name.length() - EXTENSION.length());
        try {
            Multihash multihash = Multihash.decode(Multibase.BASE32_UPPER.decodeRaw(key));
            Path parent = file.getParent();
            boolean inItsShard = parent != null && parent.getFileName().toString().equals(shard(key));
            return inItsShard ? Optional.of(multihash) : Optional.empty();
        } catch (IpfsFormatException e) {
            return Optional.empty();
        }
    }

    private static String shard(String key) {
        String padded = key.length() < 3 ? "_".repeat(3 - key.length()) + key : key;
        return padded.substring(padded.length() - 3, padded.length() - 1);
    }
}
