package dev.bacalhau4j.core.internal;

import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobSpecs;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Job and execution ids, and the deterministic seed of a job. */
public final class Ids {
    private Ids() {}

    public static String newJobId() {
        return "j-" + UUID.randomUUID();
    }

    public static String newExecutionId() {
        return "e-" + UUID.randomUUID();
    }

    /**
     * A seed that depends only on the job spec, so every node running the same job feeds its
     * program the same "random" bytes: the first 8 bytes of SHA-256 over the canonical JSON spec.
     */
    public static long seedOf(Job job) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(JobSpecs.toJson(job).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
