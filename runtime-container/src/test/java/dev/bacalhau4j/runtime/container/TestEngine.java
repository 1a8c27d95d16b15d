package dev.bacalhau4j.runtime.container;

import com.github.dockerjava.api.DockerClient;
import dev.bacalhau4j.runtime.container.internal.EngineConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the Docker engine the tests use and builds their image without a registry.
 *
 * <p>When no engine answers (or {@code /bin/busybox} is missing), container tests are skipped,
 * except under {@code CI=true}, where they fail: CI must run them ({@code scripts/docker-engine.sh}
 * installs and starts the engine). The caller owns the returned connection and closes it.
 */
public final class TestEngine {

    /** Busybox applets linked in the test image. */
    private static final String[] APPLETS = {"sh", "cat", "echo", "ls", "sleep", "head", "tr", "wc", "touch",
        "mkdir", "env", "pwd", "true", "false", "seq", "dd", "id", "rm", "test", "[", "mknod", "mkfifo", "chmod"};

    private TestEngine() {}

    /** A connection to a reachable engine; skips (or fails under CI=true) when there is none. */
    public static EngineConnection require() {
        EngineConnection connection = EngineConnection.open(Optional.empty(), Duration.ofSeconds(3));
        String problem = "";
        try {
            connection.probe().pingCmd().exec();
        } catch (RuntimeException e) {
            problem = "no Docker engine at " + connection.host() + ": " + e;
        }
        if (problem.isEmpty() && !Files.isRegularFile(Path.of("/bin/busybox"))) {
            problem = "/bin/busybox is missing (Debian package busybox-static)";
        }
        if (!problem.isEmpty()) {
            connection.close();
            String message = problem + "; run scripts/docker-engine.sh to install and start the engine";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("container tests must run under CI=true, but " + message);
            }
            Assumptions.abort("skipping container tests: " + message);
        }
        return connection;
    }

    /**
     * The tag of a {@code FROM scratch} image holding the host's static busybox at {@code /bin/busybox}
     * with applet links, and a writable {@code /tmp}; built once per busybox binary, then reused.
     */
    public static String busyboxImage(DockerClient client) throws IOException {
        return BusyboxTestImage.ensure(client, "bacalhau4j-test/busybox", List.of(APPLETS));
    }
}
