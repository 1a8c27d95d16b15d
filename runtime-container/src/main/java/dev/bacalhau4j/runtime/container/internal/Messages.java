package dev.bacalhau4j.runtime.container.internal;

import com.github.dockerjava.api.exception.DockerException;

/** Short human text for engine errors: the engine's own message, without docker-java's HTTP framing. */
public final class Messages {
    private Messages() {}

    /** The engine's message for a {@link DockerException}, else the deepest cause's message. */
    public static String of(Throwable e) {
        if (e instanceof DockerException d) {
            String body = d.getMessage();
            // "Status 404: {"message":"No such image: x"}" -> "No such image: x"
            int m = body == null ? -1 : body.indexOf("\"message\":\"");
            if (m >= 0) {
                int start = m + "\"message\":\"".length();
                int end = body.indexOf('"', start);
                if (end > start) return body.substring(start, end).replace("\\\"", "\"");
            }
            return body == null ? d.toString() : body.strip();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage();
        if (root == e) return message == null ? e.toString() : message;
        return (message == null ? root.getClass().getSimpleName() : message);
    }
}
