package dev.bacalhau4j.runtime.container;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bacalhau4j.api.NetworkType;
import dev.bacalhau4j.api.Resources;
import dev.bacalhau4j.api.runtime.ExecutionListener;
import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import dev.bacalhau4j.api.runtime.FailureKind;
import dev.bacalhau4j.api.runtime.Mount;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a job sees and what its outcome says, on the real engine. */
class DockerRuntimeTest extends ContainerTestBase {

    private static String out(ExecutionOutcome o) {
        return new String(o.stdout(), UTF_8);
    }

    private static String err(ExecutionOutcome o) {
        return new String(o.stderr(), UTF_8);
    }

    @Test
    void shouldPassEnvironmentArgumentsAndWorkingDirectoryWhenGiven() throws Exception {
        Fixture f = job().sh("echo \"$GREETING $WHO $TASKVAR\"; pwd; echo \"$0 $1\"");
        f.parameters = List.of("echo \"$GREETING $WHO $TASKVAR\"; pwd; echo \"$0 $1\"", "zero", "one");
        f.engineEnv = List.of("GREETING=hello", "WHO=engine");
        f.taskEnv.put("WHO", "task");
        f.taskEnv.put("TASKVAR", "from-task");
        f.workingDirectory = "/tmp";

        ExecutionOutcome o = runtime.execute(f.context());

        assertThat(o.failure()).isEmpty();
        assertThat(o.exitCode()).isZero();
        assertThat(out(o)).isEqualTo("hello engine from-task\n/tmp\nzero one\n");
    }

    @Test
    void shouldRunTheImageCommandWhenNoEntrypointIsGiven() throws Exception {
        Fixture f = job();
        f.parameters = List.of("echo", "from-cmd");

        ExecutionOutcome o = runtime.execute(f.context());

        assertThat(out(o)).isEqualTo("from-cmd\n");
    }

    @Test
    void shouldReportNonZeroExitAsAnOrdinaryOutcome() throws Exception {
        ExecutionOutcome o = runtime.execute(job().sh("echo bye >&2; exit 3").context());

        assertThat(o.ranToExit()).isTrue();
        assertThat(o.exitCode()).isEqualTo(3);
        assertThat(err(o)).isEqualTo("bye\n");
    }

    @Test
    void shouldRecordTheImageDigestItRan() throws Exception {
        String id = client.inspectImageCmd(image).exec().getId();

        ExecutionOutcome o = runtime.execute(job().sh("true").context());

        assertThat(o.engineDetail()).isEqualTo(id).startsWith("sha256:");
    }

    @Test
    void shouldCaptureStdoutAndStderrSeparatelyCappedAndStreamed() throws Exception {
        Fixture f = job().sh("i=0; while [ $i -lt 2000 ]; do echo 0123456789; i=$((i+1)); done; echo err-line >&2");
        f.logCap = 1000;
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        f.listener = new ExecutionListener() {
            @Override
            public synchronized void onStdout(byte[] buffer, int offset, int length) {
                streamed.write(buffer, offset, length);
            }
        };

        ExecutionOutcome o = runtime.execute(f.context());

        assertThat(o.exitCode()).isZero();
        assertThat(o.stdout()).hasSize(1000);
        assertThat(out(o)).startsWith("0123456789\n0123456789\n");
        assertThat(o.stdoutTruncated()).isTrue();
        assertThat(err(o)).isEqualTo("err-line\n");
        assertThat(o.stderrTruncated()).isFalse();
        synchronized (f.listener) {
            assertThat(streamed.size()).isEqualTo(2000 * 11);
        }
    }

    @Test
    void shouldRefuseStandardInputSayingWhy() throws Exception {
        Fixture f = job().sh("wc -c");
        f.stdin = Files.writeString(dir.resolve("stdin"), "twelve bytes");

        ExecutionOutcome o = runtime.execute(f.context());

        assertThat(o.failure()).contains(FailureKind.INVALID_PROGRAM);
        assertThat(o.failureMessage()).contains("standard input").contains("not supported");
    }

    @Test
    void shouldMountInputsReadOnly() throws Exception {
        Fixture f = job().input("/inputs", Map.of("data.txt", "abc"))
                .sh("cat /inputs/data.txt; echo; echo x > /inputs/new.txt || echo write-refused");

        ExecutionOutcome o = runtime.execute(f.context());

        assertThat(out(o)).isEqualTo("abc\nwrite-refused\n");
        assertThat(err(o)).contains("Read-only file system");
        assertThat(f.inputs.get(0).source().resolve("new.txt")).doesNotExist();
    }

    @Test
    void shouldLeaveWhatTheJobWroteInItsResultPathsOnTheHost() throws Exception {
        Fixture f = job();
        Path outputs = f.output("/outputs");
        f.sh("mkdir /outputs/sub && echo result > /outputs/sub/r.txt");

        ExecutionOutcome o = runtime.execute(f.context());

        assertThat(o.exitCode()).isZero();
        assertThat(outputs.resolve("sub/r.txt")).hasContent("result");
    }

    @Test
    void shouldKillTheContainerAndReportTimeoutWhenItRunsTooLong() throws Exception {
        Fixture f = job().sh("echo started; sleep 60");
        f.timeout = Duration.ofSeconds(1);
        long t0 = System.nanoTime();

        ExecutionOutcome o = runtime.execute(f.context());

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        assertThat(o.failure()).contains(FailureKind.TIMEOUT);
        assertThat(o.failureMessage()).contains("execution timeout of 1s");
        assertThat(out(o)).isEqualTo("started\n");
    }

    @Test
    void shouldReportMemoryLimitWhenTheKernelKillsTheContainer() throws Exception {
        Fixture f = job().sh("x=$(head -c 200000000 /dev/zero | tr '\\0' x); echo ${#x}");
        f.memoryBytes = 32L << 20;

        ExecutionOutcome o = runtime.execute(f.context());

        assertThat(o.failure()).contains(FailureKind.MEMORY_LIMIT);
        assertThat(o.failureMessage()).contains("OOM").contains(String.valueOf(32L << 20));
    }

    @Test
    void shouldGiveNoNetworkInterfaceButLoopbackWhenNetworkIsNone() throws Exception {
        ExecutionOutcome o = runtime.execute(job().sh("ls /sys/class/net").context());

        assertThat(out(o).strip()).isEqualTo("lo");
    }

    @Test
    void shouldApplyCpuLimitWhenAsked() throws Exception {
        Fixture f = job().sh("cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us 2>/dev/null || cat /sys/fs/cgroup/cpu.max");
        f.cpuMillis = 500;

        ExecutionOutcome o = runtime.execute(f.context());

        assertThat(out(o)).containsAnyOf("50000", "50000 100000");
    }

    @Test
    void shouldFailWithReasonWhenEntrypointIsMissing() throws Exception {
        Fixture f = job();
        f.entrypoint = List.of("/bin/no-such-program");

        ExecutionOutcome o = runtime.execute(f.context());

        assertThat(o.failure()).contains(FailureKind.MISSING_ENTRYPOINT);
        assertThat(o.failureMessage()).contains("/bin/no-such-program");
    }

    @Test
    void shouldRefuseInvalidParamsNamingTheField() throws Exception {
        Fixture f = job().sh("true");
        f.workingDirectory = "relative";
        assertThat(runtime.refusal(f.task())).isEqualTo(
                "Tasks[0].Engine.Params.WorkingDirectory: must be an absolute path (got \"relative\")");
        ExecutionOutcome o = runtime.execute(f.context());
        assertThat(o.failure()).contains(FailureKind.INVALID_PROGRAM);

        Fixture g = job().sh("true");
        g.engineEnv = List.of("HOME");
        assertThat(runtime.refusal(g.task())).isEqualTo(
                "Tasks[0].Engine.Params.EnvironmentVariables[0]: expected NAME=value (got \"HOME\")");
    }

    @Test
    void shouldRefuseNetworkTypesTheNodeDoesNotAllow() throws Exception {
        Fixture f = job().sh("true");
        f.network = NetworkType.FULL;

        assertThat(runtime.refusal(f.task()))
                .isEqualTo("Tasks[0].Network.Type: 'Full' is not allowed for docker jobs on this node (allowed: None)");
        ExecutionOutcome o = runtime.execute(f.context());
        assertThat(o.failure()).isPresent();
        assertThat(o.failureMessage()).contains("'Full' is not allowed");
        assertThat(runtime.refusal(job().sh("true").task())).isEmpty();
    }

    @Test
    void shouldRefuseGpus() {
        Fixture f = job().sh("true");
        f.resources = new Resources("", "", "", "1");

        assertThat(runtime.refusal(f.task())).contains("Resources.GPU");
    }

    @Test
    void shouldNeverAdmitHostNetwork() {
        assertThatThrownBy(() -> DockerRuntime.builder().allowedNetworks(java.util.Set.of(NetworkType.HOST)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Host is never allowed");
    }

    @Test
    void shouldRefuseMountsThatAreNotHostPaths() throws Exception {
        Path zip = dir.resolve("m.zip");
        try (FileSystem zipfs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Fixture f = job().sh("true");
            f.inputs.add(new Mount(zipfs.getPath("/"), "/inputs", true));

            assertThatThrownBy(() -> runtime.execute(f.context()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("/inputs")
                    .hasMessageContaining("not a host path");
        }
    }

    @Test
    void shouldFailWithStagingWhenAMountSourceIsMissing() throws Exception {
        Fixture f = job().sh("true");
        f.inputs.add(new Mount(dir.resolve("nope"), "/inputs", true));

        ExecutionOutcome o = runtime.execute(f.context());

        assertThat(o.failure()).contains(FailureKind.STAGING);
        assertThat(o.failureMessage()).contains("nope").contains("/inputs");
    }
}
