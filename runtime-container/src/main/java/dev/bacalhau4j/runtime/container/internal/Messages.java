package dev.bacalhau4j.runtime.container.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;

/** Short human text for engine errors: the engine's own message, without docker-java's HTTP framing. */
public final class Messages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Messages() {}

    /** The engine's message for a {@link DockerException}, else the deepest cause's message. */
    public static String of(Throwable e) {
        if (e instanceof DockerException d) {
            // "Status 404: {"message":"No such image: x"}" -> "No such image: x"
            String body = d.getMessage() == null ? "" : d.getMessage();
            int brace = body.indexOf('{');
            if (brace >= 0) {
                try {
                    JsonNode message = JSON.readTree(body.substring(brace)).get("message");
                    if (message != null && message.isTextual()) return message.textValue().strip();
                } catch (JsonProcessingException notJson) {
                    // fall through to the raw text
                }
            }
            return body.isEmpty() ? d.toString() : body.strip();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage();
        if (root == e) return message == null ? e.toString() : message;
        return (message == null ? root.getClass().getSimpleName() : message);
    }
}
