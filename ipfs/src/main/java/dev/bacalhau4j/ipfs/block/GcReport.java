package dev.bacalhau4j.ipfs.block;

/**
 * What one garbage collection did: blocks removed and the bytes they held, blocks kept, and how
 * many blocks the pinned and leased DAGs link to that the store does not have ({@code missing})
 * or could not be walked into because they do not decode ({@code unreadable}). An immutable value.
 */
public record GcReport(long blocksRemoved, long bytesFreed, long blocksKept, long missingBlocks,
                       long unreadableBlocks) {}
