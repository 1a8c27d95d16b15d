package dev.bacalhau4j.ipfs.gateway;

import dev.bacalhau4j.ipfs.Cid;
import java.io.IOException;
import java.util.List;

/** Resolves {@code /ipfs/{cid}/a/b} to the CID it names, and the blocks walked to get there. */
@FunctionalInterface
public interface PathResolver {

    /** The target of a path and the blocks (from the root down, excluding the target) crossed to reach it. */
    record Resolved(Cid cid, List<Cid> traversed) {
        public Resolved {
            traversed = List.copyOf(traversed);
        }
    }

    /**
     * @param segments the path's segments, already URL-decoded; never empty
     * @throws java.nio.file.NoSuchFileException when a segment does not exist
     */
    Resolved resolve(Cid root, List<String> segments) throws IOException;
}
