package dev.bacalhau4j.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.bacalhau4j.runtime.container.internal.EngineConnection;
import dev.bacalhau4j.runtime.container.internal.Labels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Container tests against the real engine: one runtime per class, labelled with a node id of
 * its own, and a check after every test that no container of that node is left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContainerTestBase {
    EngineConnection engine;
    DockerClient client;
    String image;
    String nodeId;
    DockerRuntime runtime;

    @TempDir
    Path dir;

    @BeforeAll
    void startEngine() throws Exception {
        engine = TestEngine.require();
        client = engine.client();
        image = TestEngine.busyboxImage(client);
        nodeId = "test-" + UUID.randomUUID();
        runtime = runtimeBuilder().nodeId(nodeId).build();
    }

    /** Options of this class's runtime; subclasses add theirs. */
    DockerRuntime.Builder runtimeBuilder() {
        return DockerRuntime.builder();
    }

    @BeforeEach
    void noContainersBefore() {
        assertThat(containersOf(nodeId)).isEmpty();
    }

    @AfterEach
    void noContainerLeft() {
        assertThat(containersOf(nodeId)).as("containers left by node " + nodeId).isEmpty();
    }

    @AfterAll
    void closeAll() {
        if (runtime != null) runtime.close();
        if (engine != null) engine.close();
    }

    Fixture job() {
        return new Fixture(dir, image);
    }

    List<Container> containersOf(String node) {
        return client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Labels.NODE, node)).exec();
    }
}
