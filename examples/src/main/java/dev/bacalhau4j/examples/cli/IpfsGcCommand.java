package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.ipfs.block.GcReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j ipfs gc}: removes blocks nothing pins. */
@Command(name = "gc", mixinStandardHelpOptions = true,
        description = "Remove every block not reachable from a pin (added data, published results).")
final class IpfsGcCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Bacalhau node = BacalhauCommand.of(spec).openNode(List.of())) {
            GcReport r = node.ipfs().collectGarbage();
            spec.commandLine().getOut().printf("removed %d blocks (%d bytes), kept %d%n",
                    r.blocksRemoved(), r.bytesFreed(), r.blocksKept());
        }
        return ExitCodes.OK;
    }
}
