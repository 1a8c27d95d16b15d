package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.NodeInfo;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bacalhau4j serve}: runs the node until interrupted, serving its blocks over HTTP, and with
 * {@code --nats} as orchestrator and/or compute node of a network.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the node in the foreground until Ctrl-C, with its IPFS trustless gateway "
                + "(GET /ipfs/{cid}?format=raw|car) listening on 127.0.0.1, so peers and IPFS tools can fetch "
                + "its results.",
                "With --nats it joins a network of nodes: --orchestrator accepts and schedules jobs, --compute runs "
                + "them for the orchestrators named with --trust (both roles when neither is given)."},
        footer = {"%nExamples:",
                "  bacalhau4j serve --orchestrator --nats nats://127.0.0.1:4222",
                "  bacalhau4j serve --compute --nats nats://127.0.0.1:4222 --trust n-... \\",
                "      --label region=eu --gateway-port 0"})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--gateway-port", paramLabel = "PORT", description = "Gateway port on 127.0.0.1 (0: any free port). Default: ${DEFAULT-VALUE}.")
    int gatewayPort = 8080;

    @Option(names = "--nats", paramLabel = "URL", description = "Join the network whose NATS server is URL (nats://host:port).")
    java.net.URI nats;

    @Option(names = "--orchestrator", description = "Accept jobs and schedule them on compute nodes (needs --nats).")
    boolean orchestrator;

    @Option(names = "--compute", description = "Run executions for trusted orchestrators (needs --nats).")
    boolean compute;

    @Option(names = "--trust", paramLabel = "ID", description = "An orchestrator id (n-...) this compute node takes work from (repeatable).")
    List<String> trust = new java.util.ArrayList<>();

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A label of this compute node, matched by job constraints (repeatable).")
    java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();

    /** Released to stop a server started in-process (tests); Ctrl-C stops a real one. */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        if (gatewayPort < 0 || gatewayPort > 65535) {
            throw new UsageException("--gateway-port: must be 0..65535 (got " + gatewayPort + ")");
        }
        BacalhauCommand top = BacalhauCommand.of(spec);
        if (top.orchestratorId != null) {
            throw new UsageException("serve: --orchestrator " + top.orchestratorId + " names a remote orchestrator for "
                    + "job commands; to make this node an orchestrator, write serve --orchestrator (no id)");
        }
        if (nats == null) nats = top.nats; // bacalhau4j --nats URI serve ...
        if (nats == null && (orchestrator || compute || !trust.isEmpty() || !labels.isEmpty())) {
            throw new UsageException("--orchestrator, --compute, --trust and --label need --nats URL");
        }
        Bacalhau node = top.openNode(List.of(), b -> {
            b.serveGateway(new InetSocketAddress(InetAddress.getLoopbackAddress(), gatewayPort));
            if (nats != null) {
                b.nats(nats);
                if (orchestrator || compute) b.orchestrator(orchestrator).compute(compute);
                try {
                    trust.forEach(b::trustOrchestrator);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--trust: " + e.getMessage(), e);
                }
                labels.forEach(b::label);
            }
        });
        Thread hook = new Thread(node::close, "bacalhau4j-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            NodeInfo info = node.info();
            var out = spec.commandLine().getOut();
            out.println("Node " + info.nodeId() + " serving on " + info.directory().map(Object::toString).orElse("memory"));
            out.println("Gateway: " + info.gatewayAddress().map(Object::toString).orElse("none"));
            out.println("Engines: " + String.join(", ", info.engines().keySet()));
            if (nats != null) {
                boolean both = orchestrator == compute;
                out.println("Network: " + nats + " as " + (both ? "orchestrator and compute" : orchestrator ? "orchestrator" : "compute")
                        + (trust.isEmpty() ? "" : ", trusting " + String.join(", ", trust))
                        + (labels.isEmpty() ? "" : ", labels " + labels));
            }
            out.flush();
            stop.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is closing the node already
            }
            node.close();
        }
        return ExitCodes.OK;
    }
}
