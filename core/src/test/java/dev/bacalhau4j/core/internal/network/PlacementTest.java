package dev.bacalhau4j.core.internal.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.Constraint;
import dev.bacalhau4j.api.ConstraintOperator;
import dev.bacalhau4j.api.Job;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementTest {
    private static final Map<String, String> LABELS = Map.of("region", "eu", "gpus", "4");

    private static boolean m(String key, ConstraintOperator op, String... values) {
        return Placement.matches(new Constraint(key, op, List.of(values)), LABELS);
    }

    @Test
    void shouldReadBacalhauOperators() {
        assertThat(m("region", ConstraintOperator.EQUALS, "eu")).isTrue();
        assertThat(m("region", ConstraintOperator.EQUALS, "us")).isFalse();
        assertThat(m("region", ConstraintOperator.NOT_EQUALS, "us")).isTrue();
        assertThat(m("zone", ConstraintOperator.NOT_EQUALS, "us")).isTrue();
        assertThat(m("region", ConstraintOperator.IN, "us", "eu")).isTrue();
        assertThat(m("region", ConstraintOperator.NOT_IN, "us", "eu")).isFalse();
        assertThat(m("region", ConstraintOperator.EXISTS)).isTrue();
        assertThat(m("zone", ConstraintOperator.EXISTS)).isFalse();
        assertThat(m("zone", ConstraintOperator.DOES_NOT_EXIST)).isTrue();
        assertThat(m("gpus", ConstraintOperator.GREATER_THAN, "2")).isTrue();
        assertThat(m("gpus", ConstraintOperator.LESS_THAN, "2")).isFalse();
        assertThat(m("region", ConstraintOperator.GREATER_THAN, "2")).as("not a number").isFalse();
        assertThat(m("zone", ConstraintOperator.LESS_THAN, "2")).as("missing").isFalse();
    }

    @Test
    void shouldSayWhyANodeDoesNotFit() {
        Messages.NodeInfo node = new Messages.NodeInfo(List.of("wasm"), 2, 8, 0, 2000, 1L << 30, LABELS,
                List.of("bafyheld"), "", List.of(), 1000);
        Job wasm = Job.wasm(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}).constraint("region", ConstraintOperator.EQUALS, "us")
                .build();
        assertThat(Placement.mismatch(wasm, "n-x", node)).contains("does not satisfy constraint region = us");
        assertThat(Placement.mismatch(Job.docker("alpine").build(), "n-x", node)).contains("no 'docker' engine");
        assertThat(Placement.mismatch(Job.wasm(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}).cpu("3").build(), "n-x",
                node)).contains("offers 2000m CPU");
        Job local = Job.wasm(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}).inputIpfs("bafyheld/sub", "/in").build();
        assertThat(Placement.locality(Placement.inputRoots(local), node)).isEqualTo(1);
    }
}
