package dev.bacalhau4j.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The node's id, kept in {@code node-id} in the node directory so a restarted node is the same
 * node. (Ed25519 identities replace this with the peers work.)
 */
final class NodeIdentity {
    private NodeIdentity() {}

    static String newId() {
        return "n-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String loadOrCreate(Path directory) throws IOException {
        Path file = directory.resolve("node-id");
        if (!Files.exists(file)) {
            try {
                Files.writeString(file, newId() + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            }
        }
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
}
