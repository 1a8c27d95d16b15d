package dev.bacalhau4j.runtime.container.internal;

import dev.bacalhau4j.api.DockerEngine;
import dev.bacalhau4j.api.NetworkType;
import dev.bacalhau4j.api.Task;
import dev.bacalhau4j.api.runtime.FailureKind;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether this node runs a docker task: its engine params must be valid, and the node's
 * admission policy must allow what it asks for (network type, GPUs). Stateless and thread-safe.
 */
public final class TaskPolicy {

    private static final String PARAMS = "Tasks[0].Engine.Params.";

    /** Why a job with standard input is refused. */
    public static final String NO_STDIN = "standard input (an input with Target /dev/stdin) is not supported by the"
            + " docker runtime: docker-java's attach cannot close a container's stdin; mount the file and redirect"
            + " it in the command instead";

    private final Set<NetworkType> allowedNetworks;

    public TaskPolicy(Set<NetworkType> allowedNetworks) {
        this.allowedNetworks = allowedNetworks.isEmpty()
                ? EnumSet.noneOf(NetworkType.class) : EnumSet.copyOf(allowedNetworks);
        this.allowedNetworks.add(NetworkType.NONE);
    }

    /** Throws when {@code task} cannot run here; the message names the field and the fix. */
    public DockerEngine check(Task task) throws ExecutionFailure {
        if (!(task.engine() instanceof DockerEngine engine)) {
            throw new ExecutionFailure(FailureKind.INVALID_PROGRAM, "Tasks[0].Engine.Type: the docker runtime cannot run engine '"
                    + task.engine().type() + "'");
        }
        try {
            ImageReference.parse(engine.image());
        } catch (IllegalArgumentException e) {
            throw new ExecutionFailure(FailureKind.INVALID_PROGRAM, e.getMessage());
        }
        if (!engine.workingDirectory().isEmpty() && !engine.workingDirectory().startsWith("/")) {
            throw new ExecutionFailure(FailureKind.INVALID_PROGRAM, PARAMS + "WorkingDirectory: must be an absolute path (got \""
                    + engine.workingDirectory() + "\")");
        }
        environment(task);
        for (int i = 0; i < task.inputSources().size(); i++) {
            if ("/dev/stdin".equals(task.inputSources().get(i).target())) {
                throw new ExecutionFailure(FailureKind.INVALID_PROGRAM, "Tasks[0].InputSources[" + i + "].Target: " + NO_STDIN);
            }
        }
        NetworkType network = task.network().type();
        if (!allowedNetworks.contains(network)) {
            throw new ExecutionFailure(FailureKind.ENGINE, "Tasks[0].Network.Type: '" + network.wireName()
                    + "' is not allowed for docker jobs on this node (allowed: " + allowed() + ")");
        }
        if (task.resources().gpuCount() > 0) {
            throw new ExecutionFailure(FailureKind.ENGINE, "Tasks[0].Resources.GPU: this node's docker runtime gives no GPUs to "
                    + "containers (asked for " + task.resources().gpuCount() + ")");
        }
        return engine;
    }

    /** The task's environment: Task.Env, then the engine's EnvironmentVariables (which win). */
    public static Map<String, String> environment(Task task) throws ExecutionFailure {
        Map<String, String> env = new LinkedHashMap<>(task.env());
        DockerEngine engine = (DockerEngine) task.engine();
        for (int i = 0; i < engine.environmentVariables().size(); i++) {
            String entry = engine.environmentVariables().get(i);
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                // a bare NAME would make the engine copy the node's own variable into the job
                throw new ExecutionFailure(FailureKind.INVALID_PROGRAM, PARAMS + "EnvironmentVariables[" + i
                        + "]: expected NAME=value (got \"" + entry + "\")");
            }
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return env;
    }

    /** The engine network mode for {@code type}: {@code none}, or the engine's default bridge. */
    public static String networkMode(NetworkType type) {
        return type == NetworkType.NONE ? "none" : "bridge";
    }

    private String allowed() {
        return allowedNetworks.stream().map(NetworkType::wireName).collect(Collectors.joining(", "));
    }
}
