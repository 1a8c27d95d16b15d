package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.ComputeNodeInfo;
import dev.bacalhau4j.core.NodeInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bacalhau4j node list}: the embedded node, with each engine and whether it can be used; or,
 * with a remote orchestrator, the compute nodes it hears.
 */
@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
        description = {"List the nodes this command sees: the embedded node on --node-dir (orchestrator and "
                + "compute in one), one line per engine with its availability.",
            "With --nats URI --orchestrator ID: the compute nodes that orchestrator hears (live, by their "
                + "heartbeats), with engines, running executions, labels and gateway."})
final class NodeListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--output", paramLabel = "FORMAT", description = "human (default), json or yaml.")
    OutputFormat format = OutputFormat.HUMAN;

    @Override
    public Integer call() {
        BacalhauCommand top = BacalhauCommand.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (Bacalhau node = top.openJobNode(spec, List.of())) {
            if (top.isRemote()) {
                printComputeNodes(node.computeNodes(), out);
            } else {
                printEmbedded(node.info(), out);
            }
        }
        return ExitCodes.OK;
    }

    private void printComputeNodes(List<ComputeNodeInfo> nodes, PrintWriter out) {
        if (format != OutputFormat.HUMAN) {
            format.print(nodes.stream().map(Views.ComputeNodeView::of).toList(), out);
            return;
        }
        Table table = new Table("ID", "TYPE", "ENGINES", "RUNNING", "LABELS", "GATEWAY");
        for (ComputeNodeInfo n : nodes) {
            table.row(n.nodeId(), Views.ComputeNodeView.COMPUTE, String.join(",", n.engines()),
                    n.activeExecutions() + "/" + n.maxConcurrentExecutions(), Views.labels(n.labels()),
                    n.gateway().map(Object::toString).orElse("-"));
        }
        table.print(out);
    }

    private void printEmbedded(NodeInfo info, PrintWriter out) {
        if (format != OutputFormat.HUMAN) {
            format.print(List.of(Views.NodeView.of(info)), out);
            return;
        }
        Table table = new Table("ID", "TYPE", "ENGINE", "STATUS");
        for (Map.Entry<String, String> engine : new java.util.TreeMap<>(info.engines()).entrySet()) {
            table.row(info.nodeId(), Views.NodeView.EMBEDDED, engine.getKey(),
                    engine.getValue().isEmpty() ? "available" : "unavailable: " + engine.getValue());
        }
        if (info.engines().isEmpty()) {
            table.row(info.nodeId(), Views.NodeView.EMBEDDED, "-", "no engines");
        }
        table.print(out);
    }
}
