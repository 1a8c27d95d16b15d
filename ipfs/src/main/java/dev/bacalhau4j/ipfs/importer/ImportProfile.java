package dev.bacalhau4j.ipfs.importer;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The settings that decide which CIDs an import gives: CID version, leaf encoding, fixed chunk
 * size, links per file node (balanced layout) and when a directory becomes a HAMT shard. The same
 * bytes imported with the same profile give the same root CID as Kubo and the JS reference
 * importer with the same settings. Immutable; holds no resources.
 *
 * @param name               the profile's name, for messages and lookup
 * @param cidVersion         0 or 1; the version of dag-pb nodes (raw leaves are always CIDv1)
 * @param rawLeaves          file chunks as raw blocks (codec raw) instead of UnixFS dag-pb leaves
 * @param chunkSize          bytes per file chunk (fixed-size chunker)
 * @param maxLinks           children per file node in the balanced layout
 * @param hamtThresholdBytes a directory whose size estimate is above this becomes a HAMT shard
 *                           (murmur3-x64-64, fanout 256); at exactly this size it stays flat
 * @param hamtSizeEstimate   how a directory's size is estimated for that decision
 */
public record ImportProfile(String name, int cidVersion, boolean rawLeaves, int chunkSize, int maxLinks,
                            long hamtThresholdBytes, HamtSizeEstimate hamtSizeEstimate) {

    /** How a flat directory's size is estimated when deciding to shard it (Kubo's {@code Import.UnixFSHAMTDirectorySizeEstimation}). */
    public enum HamtSizeEstimate {
        /** Sum over links of name bytes + CID bytes (Kubo's legacy {@code links}; JS {@code links-bytes}). */
        LINK_BYTES,
        /** The exact encoded size of the directory block (Kubo's {@code block}; JS {@code block-bytes}). */
        BLOCK_BYTES
    }

    /** Largest chunk accepted: blocks above 2 MiB are refused by Kubo's bitswap. */
    public static final int MAX_CHUNK_SIZE = 2 * 1024 * 1024 - 1024;
    /** The HAMT threshold Kubo and the JS importer use: 256 KiB. */
    public static final long DEFAULT_HAMT_THRESHOLD_BYTES = 256 * 1024;

    /** Kubo's classic {@code ipfs add}: CIDv0, dag-pb leaves, 256 KiB chunks, 174 links, HAMT by link bytes. */
    public static final ImportProfile UNIXFS_V0_2015 = new ImportProfile("unixfs-v0-2015", 0, false, 256 * 1024, 174,
            DEFAULT_HAMT_THRESHOLD_BYTES, HamtSizeEstimate.LINK_BYTES);

    /** {@code ipfs add --cid-version=1 --raw-leaves}: CIDv1, raw leaves, otherwise as {@link #UNIXFS_V0_2015}. */
    public static final ImportProfile KUBO_V1_RAW = new ImportProfile("kubo-v1-raw", 1, true, 256 * 1024, 174,
            DEFAULT_HAMT_THRESHOLD_BYTES, HamtSizeEstimate.LINK_BYTES);

    /** IPIP-499's {@code unixfs-v1-2025}: CIDv1, raw leaves, 1 MiB chunks, 1024 links, HAMT by block bytes. */
    public static final ImportProfile UNIXFS_V1_2025 = new ImportProfile("unixfs-v1-2025", 1, true, 1024 * 1024, 1024,
            DEFAULT_HAMT_THRESHOLD_BYTES, HamtSizeEstimate.BLOCK_BYTES);

    /** The node's default: what a plain {@code ipfs add} gives. */
    public static final ImportProfile DEFAULT = UNIXFS_V0_2015;

    /** The named profiles, in the order error messages list them. */
    public static final List<ImportProfile> KNOWN = List.of(UNIXFS_V0_2015, KUBO_V1_RAW, UNIXFS_V1_2025);

    /**
     * Checks the values.
     *
     * @param name the profile's name, for messages and lookup
     * @param cidVersion 0 or 1; the version of dag-pb nodes (raw leaves are always CIDv1)
     * @param rawLeaves file chunks as raw blocks (codec raw) instead of UnixFS dag-pb leaves
     * @param chunkSize bytes per file chunk (fixed-size chunker)
     * @param maxLinks children per file node in the balanced layout
     * @param hamtThresholdBytes a directory whose size estimate is above this becomes a HAMT shard
     *     (murmur3-x64-64, fanout 256); at exactly this size it stays flat
     * @param hamtSizeEstimate how a directory's size is estimated for that decision
     * @throws IllegalArgumentException when a value is out of range, naming the profile and the value
     */
    public ImportProfile {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(hamtSizeEstimate, "hamtSizeEstimate == null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("import profile name must not be blank");
        }
        if (cidVersion != 0 && cidVersion != 1) {
            throw new IllegalArgumentException("import profile " + name + ": cidVersion must be 0 or 1, got " + cidVersion);
        }
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("import profile " + name + ": chunkSize must be in [1, " + MAX_CHUNK_SIZE
                    + "], got " + chunkSize);
        }
        if (maxLinks < 2) {
            throw new IllegalArgumentException("import profile " + name + ": maxLinks must be at least 2, got " + maxLinks);
        }
        if (hamtThresholdBytes < 0) {
            throw new IllegalArgumentException("import profile " + name + ": hamtThresholdBytes must not be negative, got "
                    + hamtThresholdBytes);
        }
    }

    /**
     * The named profile; the error lists the known names.
     *
     * @param name a profile's name
     * @return the profile
     * @throws IllegalArgumentException for an unknown name
     */
    public static ImportProfile named(String name) {
        for (ImportProfile profile : KNOWN) {
            if (profile.name.equals(name)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown import profile \"" + name + "\"; known profiles: "
                + KNOWN.stream().map(ImportProfile::name).collect(Collectors.joining(", ")));
    }
}
