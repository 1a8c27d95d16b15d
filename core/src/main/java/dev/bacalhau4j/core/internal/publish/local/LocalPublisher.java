package dev.bacalhau4j.core.internal.publish.local;

import dev.bacalhau4j.api.PublishedResult;
import dev.bacalhau4j.api.PublisherSpec;
import dev.bacalhau4j.core.internal.FileTrees;
import dev.bacalhau4j.core.internal.publish.PublishRequest;
import dev.bacalhau4j.core.internal.publish.ResultPublisher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Publishes to a directory per execution, {@code <root>/<jobId>/<executionId>}. The result is
 * assembled in a temporary sibling and renamed into place, so a reader never sees half of it.
 */
public final class LocalPublisher implements ResultPublisher {
    private final Path root;

    public LocalPublisher(Path root) {
        this.root = root;
    }

    @Override
    public String type() {
        return PublisherSpec.LOCAL;
    }

    @Override
    public PublishedResult publish(PublishRequest request) throws IOException {
        Path jobDir = Files.createDirectories(root.resolve(request.jobId()));
        Path target = jobDir.resolve(request.executionId());
        Path staging = Files.createTempDirectory(jobDir, ".publishing-");
        try {
            for (Map.Entry<String, Path> output : request.outputs().entrySet()) {
                FileTrees.moveOrCopy(output.getValue(), staging.resolve(output.getKey()));
            }
            Files.write(staging.resolve("stdout"), request.stdout());
            Files.write(staging.resolve("stderr"), request.stderr());
            Files.write(staging.resolve("exitCode"),
                    (request.exitCode() + "\n").getBytes(StandardCharsets.US_ASCII));
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteQuietly(staging);
            throw e;
        }
        return new PublishedResult(type(), target.toUri());
    }
}
