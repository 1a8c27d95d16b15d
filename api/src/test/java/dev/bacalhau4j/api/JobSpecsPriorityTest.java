package dev.bacalhau4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobSpecsPriorityTest {
    private static final String SPEC = """
            Name: prioritized
            Type: batch
            Priority: 50
            Count: 1
            Tasks:
              - Name: main
                Engine:
                  Type: docker
                  Params:
                    Image: ubuntu:latest
                    Entrypoint: [echo]
                    Parameters: [hello]
            """;

    @Test
    void shouldKeepBacalhauPriorityThroughARoundTrip() {
        Job job = JobSpecs.readYaml(SPEC);
        assertThat(job.priority()).isEqualTo(50);
        assertThat(JobSpecs.toYaml(job)).contains("Priority: 50");
        assertThat(JobSpecs.readYaml(JobSpecs.toYaml(job))).isEqualTo(job);
        assertThat(job.toBuilder().build().priority()).isEqualTo(50);
    }

    @Test
    void shouldLeaveDefaultPriorityOutOfWrittenSpecs() {
        Job job = JobSpecs.readYaml(SPEC.replace("Priority: 50\n", ""));
        assertThat(job.priority()).isZero();
        assertThat(JobSpecs.toYaml(job)).doesNotContain("Priority");
    }
}
