package dev.bacalhau4j.api;

import java.util.List;
import java.util.Objects;

/**
 * A Docker image, with Bacalhau's docker engine params.
 *
 * @param image the image name or digest
 * @param entrypoint replaces the image's entrypoint when not empty
 * @param parameters the command (arguments after the entrypoint)
 * @param environmentVariables {@code NAME=value} entries
 * @param workingDirectory an absolute path, or empty for the image's own
 */
public record DockerEngine(
        String image,
        List<String> entrypoint,
        List<String> parameters,
        List<String> environmentVariables,
        String workingDirectory) implements EngineSpec {

    /** The engine type as job specs name it. */
    public static final String TYPE = "docker";

    /**
     * Checks the components and copies the collections.
     *
     * @param image the image name or digest
     * @param entrypoint replaces the image's entrypoint when not empty
     * @param parameters the command (arguments after the entrypoint)
     * @param environmentVariables {@code NAME=value} entries
     * @param workingDirectory an absolute path, or empty for the image's own
     */
    public DockerEngine {
        Objects.requireNonNull(image, "image == null");
        entrypoint = List.copyOf(entrypoint);
        parameters = List.copyOf(parameters);
        environmentVariables = List.copyOf(environmentVariables);
        Objects.requireNonNull(workingDirectory, "workingDirectory == null");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
