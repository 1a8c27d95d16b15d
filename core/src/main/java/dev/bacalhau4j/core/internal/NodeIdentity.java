package dev.bacalhau4j.core.internal;

import dev.bacalhau4j.core.internal.network.NodeKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's identity, kept in the node directory so a restarted node is the same node: its
 * Ed25519 key pair in {@code node-key}, and its id (derived from the public key) written to
 * {@code node-id} for tools and people. A {@code node-id} from before Ed25519 identities held a
 * random id that no key backs; it is kept as {@code node-id.legacy} (the job history still names
 * it as the node that ran older executions) and replaced.
 */
final class NodeIdentity {
    private static final Logger log = LoggerFactory.getLogger(NodeIdentity.class);

    private NodeIdentity() {}

    static NodeKeys loadOrCreate(Path directory) throws IOException {
        NodeKeys keys = NodeKeys.loadOrCreate(directory);
        Path idFile = directory.resolve("node-id");
        String written = Files.exists(idFile) ? Files.readString(idFile, StandardCharsets.UTF_8).trim() : "";
        if (!written.equals(keys.nodeId())) {
            if (!written.isEmpty()) {
                Files.copy(idFile, directory.resolve("node-id.legacy"), StandardCopyOption.REPLACE_EXISTING);
                log.info("node directory {}: id {} replaced by {}, derived from the node's Ed25519 key; the old id"
                        + " is kept in node-id.legacy", directory, written, keys.nodeId());
            }
            Path tmp = Files.createTempFile(directory, "node-id", ".tmp");
            Files.writeString(tmp, keys.nodeId() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, idFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return keys;
    }
}
