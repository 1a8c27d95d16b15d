package dev.bacalhau4j.runtime.container.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.bacalhau4j.api.runtime.FailureKind;
import dev.bacalhau4j.runtime.container.PullPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes a job's image present on the engine according to a {@link PullPolicy} and says which
 * image that is: its id (what the container is created from, so a tag moved meanwhile cannot
 * change what runs) and its digest (recorded in the outcome).
 *
 * <p>Uses, does not own, the engine client. A pull runs on docker-java's thread; the caller's
 * thread waits for it, at most the pull timeout, and an interrupt abandons the pull.
 */
public final class Images {

    /** The image an execution runs. {@code digest} is {@code repo@sha256:...} when the image came from a registry, else its id. */
    public record Resolved(String id, String digest) {}

    private final DockerClient client;
    private final Duration pullTimeout;

    public Images(DockerClient client, Duration pullTimeout) {
        this.client = client;
        this.pullTimeout = pullTimeout;
    }

    /** The image {@code ref} names, pulled first if {@code policy} says so. */
    public Resolved resolve(ImageReference ref, PullPolicy policy) throws ExecutionFailure, InterruptedException {
        InspectImageResponse present = inspect(ref);
        boolean pull = switch (policy) {
            case NEVER -> false;
            case IF_MISSING -> present == null;
            case ALWAYS -> present == null || !ref.byDigest();
        };
        if (pull) {
            pull(ref);
            present = inspect(ref);
            if (present == null) {
                throw new ExecutionFailure(FailureKind.INVALID_PROGRAM, "image '" + ref.text()
                        + "' is still not present after pulling it");
            }
        } else if (present == null) {
            throw new ExecutionFailure(FailureKind.INVALID_PROGRAM, "image '" + ref.text()
                    + "' is not present on this node's Docker engine and the pull policy is "
                    + policy.wireName());
        }
        return new Resolved(present.getId(), digestOf(ref, present));
    }

    private InspectImageResponse inspect(ImageReference ref) {
        try {
            return client.inspectImageCmd(ref.canonical()).exec();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private void pull(ImageReference ref) throws ExecutionFailure, InterruptedException {
        PullProgress progress = client.pullImageCmd(ref.repository())
                .withTag(ref.tagOrDigest())
                .exec(new PullProgress());
        try {
            if (!progress.awaitCompletion(pullTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ExecutionFailure(FailureKind.ENGINE, "pulling image '" + ref.text()
                        + "' took longer than the pull timeout of " + pullTimeout.toSeconds() + "s");
            }
        } finally {
            try {
                progress.close();
            } catch (IOException ignored) {
                // the pull's stream is being abandoned
            }
        }
        Throwable error = progress.error();
        if (error instanceof NotFoundException) {
            throw new ExecutionFailure(FailureKind.INVALID_PROGRAM, "cannot pull image '" + ref.text() + "': "
                    + Messages.of(error));
        }
        if (error != null) {
            throw new ExecutionFailure(FailureKind.ENGINE, "cannot pull image '" + ref.text() + "': " + Messages.of(error));
        }
        if (progress.streamError() != null) {
            throw new ExecutionFailure(FailureKind.ENGINE, "cannot pull image '" + ref.text() + "': "
                    + progress.streamError());
        }
    }

    private static String digestOf(ImageReference ref, InspectImageResponse image) {
        List<String> repoDigests = image.getRepoDigests() == null ? List.of() : image.getRepoDigests();
        String repo = ref.repository();
        for (String d : repoDigests) {
            int at = d.indexOf('@');
            String name = at < 0 ? d : d.substring(0, at);
            if (name.equals(repo) || name.endsWith("/" + repo)) return d;
        }
        return repoDigests.isEmpty() ? image.getId() : repoDigests.get(0);
    }
}
