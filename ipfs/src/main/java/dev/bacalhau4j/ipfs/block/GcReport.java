package dev.bacalhau4j.ipfs.block;

/**
 * What one garbage collection did: blocks removed and the bytes they held, blocks kept, and how
 * many blocks the pinned and leased DAGs link to that the store does not have ({@code missing})
 * or could not be walked into because they do not decode ({@code unreadable}). Nothing links to
 * the children of such a block as far as the collection can see, so they are collected unless
 * something else reaches them. An immutable value.
 */
public record GcReport(long blocksRemoved, long bytesFreed, long blocksKept, long missingBlocks,
                       long unreadableBlocks) {}
