package dev.bacalhau4j.runtime.container.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import dev.bacalhau4j.api.DockerEngine;
import dev.bacalhau4j.api.runtime.ExecutionContext;
import dev.bacalhau4j.api.runtime.FailureKind;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns an {@link ExecutionContext} into the engine's container configuration: command,
 * environment, binds and the sandbox every job gets.
 *
 * <p>The sandbox: no network unless allowed ({@code none}), {@code no-new-privileges}, never
 * privileged, no host devices or namespaces, Docker's default capabilities less
 * {@link #DROPPED_CAPABILITIES} (no device nodes, no raw sockets so no packet spoofing when a
 * network is allowed, no chroot, no file capabilities or set-id bits kept on files it does not
 * own), a pids limit, a memory limit (the task's, else the runtime's default) with no swap, and
 * only the context's inputs (read-only) and result paths (read-write) bound in. The engine keeps no log file ({@code none} log driver): output is
 * captured from the attached streams only, so a chatty job cannot fill the node's disk.
 */
public final class ContainerSpec {

    /** Capabilities of Docker's default set that no job container keeps. */
    public static final List<Capability> DROPPED_CAPABILITIES = List.of(Capability.MKNOD, Capability.SETFCAP,
            Capability.FSETID, Capability.SETPCAP, Capability.SYS_CHROOT, Capability.AUDIT_WRITE, Capability.NET_RAW);

    /** Settings of the runtime that apply to every container. */
    public record Settings(long pidsLimit, long defaultMemoryBytes, boolean init) {}

    private ContainerSpec() {}

    /** The create command for one execution, named {@code name}, from image id {@code imageId}. */
    public static CreateContainerCmd create(DockerClient client, Settings settings, ExecutionContext context,
            DockerEngine engine, List<Mount> mounts, String imageId, String name, String nodeId) throws ExecutionFailure {
        long memory = context.limits().memoryBytes() > 0 ? context.limits().memoryBytes() : settings.defaultMemoryBytes();
        HostConfig host = HostConfig.newHostConfig()
                .withMounts(mounts)
                .withNetworkMode(TaskPolicy.networkMode(context.task().network().type()))
                .withPrivileged(false)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withCapDrop(DROPPED_CAPABILITIES.toArray(Capability[]::new))
                .withInit(settings.init())
                .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE))
                .withAutoRemove(false);
        if (settings.pidsLimit() > 0) host.withPidsLimit(settings.pidsLimit());
        if (memory > 0) host.withMemory(memory).withMemorySwap(memory);
        if (context.limits().cpuMillis() > 0) host.withNanoCPUs(context.limits().cpuMillis() * 1_000_000L);

        List<String> env = new ArrayList<>();
        for (Map.Entry<String, String> e : TaskPolicy.environment(context.task()).entrySet()) {
            env.add(e.getKey() + "=" + e.getValue());
        }
        CreateContainerCmd cmd = client.createContainerCmd(imageId)
                .withName(name)
                .withLabels(Map.of(Labels.NODE, nodeId, Labels.EXECUTION, context.executionId(),
                        Labels.JOB, context.jobId()))
                .withEnv(env)
                .withAttachStdout(true)
                .withAttachStderr(true)
                .withTty(false)
                .withHostConfig(host);
        if (!engine.entrypoint().isEmpty()) cmd.withEntrypoint(engine.entrypoint());
        if (!engine.parameters().isEmpty()) cmd.withCmd(engine.parameters());
        if (!engine.workingDirectory().isEmpty()) cmd.withWorkingDir(engine.workingDirectory());
        return cmd;
    }

    /**
     * The binds of {@code context}: inputs read-only, result paths read-write.
     *
     * @throws IllegalArgumentException when a source is not a path of the default file system
     * @throws ExecutionFailure (staging) when a source does not exist
     */
    public static List<Mount> mounts(ExecutionContext context) throws ExecutionFailure {
        List<Mount> mounts = new ArrayList<>();
        for (dev.bacalhau4j.api.runtime.Mount m : context.inputs()) mounts.add(bind(m, "input"));
        for (dev.bacalhau4j.api.runtime.Mount m : context.outputs()) mounts.add(bind(m, "result path"));
        return mounts;
    }

    private static Mount bind(dev.bacalhau4j.api.runtime.Mount m, String what) throws ExecutionFailure {
        Path source = m.source();
        if (source.getFileSystem() != FileSystems.getDefault()) {
            throw new IllegalArgumentException("the " + what + " mount at " + m.target()
                    + " has a source on " + source.getFileSystem().provider().getScheme()
                    + ", not a host path: the docker runtime can only bind host directories and files");
        }
        Path absolute = source.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new ExecutionFailure(FailureKind.STAGING, "the " + what + " mount at " + m.target()
                    + " has no source on this host: " + absolute + " does not exist");
        }
        return new Mount()
                .withType(MountType.BIND)
                .withSource(absolute.toString())
                .withTarget(m.target())
                .withReadOnly(m.readOnly());
    }
}
