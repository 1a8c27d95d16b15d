package dev.bacalhau4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bacalhau4j.api.Constraint;
import dev.bacalhau4j.api.ConstraintOperator;
import dev.bacalhau4j.api.DockerEngine;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.NetworkType;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class JobFlagsTest {

    private static Job docker(String... args) {
        DockerRunCommand command = new DockerRunCommand();
        new CommandLine(command).parseArgs(args);
        return command.job();
    }

    @Test
    void shouldBuildADockerJobFromBacalhausFlags() {
        Job job = docker("--entrypoint", "/bin/sh -c", "-w", "/work", "-e", "A=1", "-l", "team=x,env=dev",
                "--memory", "64Mb", "--cpu", "500m", "--network", "none", "--count", "2",
                "-i", "ipfs://bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e:/data",
                "-o", "out:/out", "local/busybox:1", "--", "echo", "-n", "hi");
        DockerEngine engine = (DockerEngine) job.task().engine();
        assertThat(engine.image()).isEqualTo("local/busybox:1");
        assertThat(engine.entrypoint()).containsExactly("/bin/sh", "-c");
        assertThat(engine.parameters()).containsExactly("echo", "-n", "hi");
        assertThat(engine.workingDirectory()).isEqualTo("/work");
        assertThat(job.labels()).containsEntry("team", "x").containsEntry("env", "dev");
        assertThat(job.count()).isEqualTo(2);
        assertThat(job.task().network().type()).isEqualTo(NetworkType.NONE);
        assertThat(job.task().resources().memoryBytes()).isEqualTo(64_000_000L);
        assertThat(job.task().inputSources().get(0).target()).isEqualTo("/data");
        assertThat(job.task().resultPaths().get(0).name()).isEqualTo("out");
    }

    @Test
    void shouldParseLabelSelectorConstraints() {
        Job job = docker("--constraints", "region=eu, gpu!=true, zone in (a, b), arch, !spot, cores>4",
                "img");
        assertThat(job.constraints()).containsExactly(
                new Constraint("region", ConstraintOperator.EQUALS, List.of("eu")),
                new Constraint("gpu", ConstraintOperator.NOT_EQUALS, List.of("true")),
                new Constraint("zone", ConstraintOperator.IN, List.of("a", "b")),
                new Constraint("arch", ConstraintOperator.EXISTS, List.of()),
                new Constraint("spot", ConstraintOperator.DOES_NOT_EXIST, List.of()),
                new Constraint("cores", ConstraintOperator.GREATER_THAN, List.of("4")));
    }

    @Test
    void shouldNameTheFlagWhenAValueIsRefused() {
        assertThatThrownBy(() -> docker("--network", "wifi", "img")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--network: unknown type 'wifi'");
        assertThatThrownBy(() -> docker("--constraints", "a=(", "img")).hasMessageContaining("--constraints: cannot read 'a=('");
        assertThatThrownBy(() -> docker("--memory", "lots", "img")).hasMessageStartingWith("--memory:");
        assertThatThrownBy(() -> docker("-p", "s3", "img")).hasMessageStartingWith("--publisher:");
    }
}
