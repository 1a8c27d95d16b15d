package dev.bacalhau4j.examples.cli;

import java.net.URI;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --nats URI --orchestrator ID}: send the job commands to a remote orchestrator instead of
 * the embedded node. Mixed into the job, node, wasm, function and docker groups (and declared on the top
 * command too), not inherited from the top, because {@code serve} has its own {@code --orchestrator}
 * flag (a role, not an id).
 */
final class RemoteOptions {
    static final String NATS_HELP = "The NATS server of a remote orchestrator (nats://host:port); needs --orchestrator.";
    static final String ORCHESTRATOR_HELP = "The remote orchestrator's node id (n-..., printed by its serve); "
            + "needs --nats. Job commands then go to it instead of the embedded node.";

    @Option(names = "--nats", paramLabel = "URI", scope = ScopeType.INHERIT, description = NATS_HELP)
    URI nats;

    @Option(names = "--orchestrator", paramLabel = "ID", scope = ScopeType.INHERIT, description = ORCHESTRATOR_HELP)
    String orchestratorId;
}
