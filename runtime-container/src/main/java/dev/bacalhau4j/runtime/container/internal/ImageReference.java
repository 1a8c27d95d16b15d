package dev.bacalhau4j.runtime.container.internal;

/**
 * An image reference split the way the engine's pull API wants it: {@code repository} and a
 * tag or digest. {@code busybox} means {@code busybox:latest}; {@code host:5000/app} has no tag
 * (the colon belongs to the registry host).
 *
 * @param text the reference as the job gave it
 * @param repository everything before the tag or digest
 * @param tagOrDigest the tag ({@code latest} when none was given) or {@code sha256:...}
 */
public record ImageReference(String text, String repository, String tagOrDigest) {

    /** Splits {@code text}; it must be non-blank and contain no whitespace. */
    public static ImageReference parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Tasks[0].Engine.Params.Image: missing (give an image name or digest)");
        }
        if (t.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Tasks[0].Engine.Params.Image: not an image reference (got \""
                    + text + "\")");
        }
        int at = t.indexOf('@');
        if (at >= 0) {
            return new ImageReference(t, t.substring(0, at), t.substring(at + 1));
        }
        int slash = t.lastIndexOf('/');
        int colon = t.lastIndexOf(':');
        if (colon > slash) {
            return new ImageReference(t, t.substring(0, colon), t.substring(colon + 1));
        }
        return new ImageReference(t, t, "latest");
    }

    /** True when the image is named by digest, and so cannot change. */
    public boolean byDigest() {
        return tagOrDigest.contains(":");
    }

    /** {@code repository:tag} or {@code repository@digest}, as the engine resolves it locally. */
    public String canonical() {
        return repository + (byDigest() ? "@" : ":") + tagOrDigest;
    }
}
