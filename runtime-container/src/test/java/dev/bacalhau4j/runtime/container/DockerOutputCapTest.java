package dev.bacalhau4j.runtime.container;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.Resources;
import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import dev.bacalhau4j.api.runtime.FailureKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A container cannot fill the node's disk through its outputs: the runtime watches their
 * apparent size while the container runs and kills it past the cap.
 */
class DockerOutputCapTest extends ContainerTestBase {
    private static final long MIB = 1L << 20;

    @Test
    void shouldKillAContainerThatMakesA100GibSparseFileAndNameTheCapAndTheSize() throws Exception {
        Fixture f = job().sh("dd if=/dev/zero of=/outputs/big bs=1 count=1 seek=107374182399 2>/dev/null;"
                + " echo made; sleep 600; echo slept");
        Path out = f.output("/outputs");
        f.outputCap = 10L << 30;
        // the test's own deadline: a container not stopped by the cap would end here as a timeout
        f.timeout = Duration.ofSeconds(120);

        ExecutionOutcome o = runtime.execute(f.context());

        assertThat(o.failure()).contains(FailureKind.DISK_LIMIT);
        assertThat(o.failureMessage())
                .contains("the disk cap of 10737418240 bytes (10.0 GiB, the node's maxOutputBytes)")
                .contains("wrote at least 107374182400 bytes (100.0 GiB, apparent size)")
                .contains("was killed").contains("nothing was published");
        assertThat(new String(o.stdout(), UTF_8)).isEqualTo("made\n");
        assertThat(Files.size(out.resolve("big"))).as("apparent size").isEqualTo(100L << 30);
    }

    @Test
    void shouldCountTheApparentSizeOfASparseFileAgainstTheCap() throws Exception {
        // 30 MiB of holes against a 20 MiB cap, no data block written: publishing would read 30 MiB
        Fixture f = job().sh("dd if=/dev/zero of=/outputs/holes bs=1 count=0 seek=31457280 2>/dev/null; echo made");
        f.output("/outputs");
        f.resources = new Resources("", "", "20Mi", "");
        f.outputCap = 20 * MIB;

        ExecutionOutcome o = runtime.execute(f.context());

        assertThat(o.failure()).contains(FailureKind.DISK_LIMIT);
        assertThat(o.failureMessage()).contains("the disk cap of 20971520 bytes (20.0 MiB, Resources.Disk)")
                .contains("31457280 bytes (30.0 MiB, apparent size)");
    }

    @Test
    void shouldStopAContainerWhileItWritesPastTheCap() throws Exception {
        // 200 MiB in 1 MiB steps, paced so that writing it all takes at least 20 s; the cap is
        // passed after about 2 s, and the watcher samples every 100 ms
        Fixture f = job().sh("i=0; while [ $i -lt 200 ]; do dd if=/dev/zero bs=1048576 count=1 2>/dev/null;"
                + " i=$((i+1)); sleep 0.1; done > /outputs/data; echo all > /outputs/done");
        Path out = f.output("/outputs");
        f.resources = new Resources("", "", "20Mi", "");
        f.outputCap = 20 * MIB;
        f.timeout = Duration.ofSeconds(120);

        ExecutionOutcome o = runtime.execute(f.context());

        assertThat(o.failure()).contains(FailureKind.DISK_LIMIT);
        assertThat(o.failureMessage()).startsWith("outputs exceeded the disk cap of 20971520 bytes")
                .contains("the container wrote at least").contains("was killed");
        assertThat(out.resolve("done")).as("the container never got to its end").doesNotExist();
        assertThat(Files.size(out.resolve("data"))).as("stopped while writing").isGreaterThan(20 * MIB)
                .isLessThan(200 * MIB);
    }

    @Test
    void shouldFailAContainerThatExitsPastTheCapBeforeASample() throws Exception {
        // written and gone in well under a sample interval on most machines; caught at the exit if so
        Fixture f = job().sh("dd if=/dev/zero of=/outputs/data bs=1048576 count=3 2>/dev/null");
        f.output("/outputs");
        f.outputCap = 2 * MIB;

        ExecutionOutcome o = runtime.execute(f.context());

        assertThat(o.failure()).contains(FailureKind.DISK_LIMIT);
        assertThat(o.failureMessage()).startsWith("outputs exceeded the disk cap of 2097152 bytes (2.0 MiB")
                .contains("nothing was published");
    }

    @Test
    void shouldLetAContainerWithinTheCapExitNormally() throws Exception {
        Fixture f = job().sh("dd if=/dev/zero of=/outputs/data bs=1048576 count=1 2>/dev/null; echo ok");
        Path out = f.output("/outputs");
        f.outputCap = 2 * MIB;

        ExecutionOutcome o = runtime.execute(f.context());

        assertThat(o.failure()).isEmpty();
        assertThat(o.exitCode()).isZero();
        assertThat(Files.size(out.resolve("data"))).isEqualTo(MIB);
    }
}
