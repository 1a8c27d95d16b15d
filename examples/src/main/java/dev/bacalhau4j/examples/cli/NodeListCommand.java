package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.NodeInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j node list}: the embedded node, with each engine and whether it can be used. */
@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
        description = {"List the nodes this command sees: the embedded node on --node-dir (orchestrator and "
                + "compute in one), one line per engine with its availability.",
            "The nodes of a remote network are not listed (a remote orchestrator does not report them)."})
final class NodeListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--output", paramLabel = "FORMAT", description = "human (default), json or yaml.")
    OutputFormat format = OutputFormat.HUMAN;

    @Override
    public Integer call() {
        NodeInfo info;
        try (Bacalhau node = BacalhauCommand.of(spec).openNode(List.of())) {
            info = node.info();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format != OutputFormat.HUMAN) {
            format.print(List.of(Views.NodeView.of(info)), out);
            return ExitCodes.OK;
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
        return ExitCodes.OK;
    }
}
