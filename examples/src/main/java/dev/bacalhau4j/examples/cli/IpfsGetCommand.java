package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.core.Bacalhau;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j ipfs get CID[/path] DIR}: writes a file or tree out. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Write the file or tree at CID[/path] to DIR (which must not exist). The whole DAG is "
                + "fetched and verified first, so nothing half-written is left on failure.")
final class IpfsGetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CID[/PATH]", description = "What to write out.")
    String path;

    @Parameters(index = "1", paramLabel = "DIR", description = "Where to write it.")
    Path target;

    @Override
    public Integer call() throws Exception {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException("DIR: " + abs + " already exists");
        }
        try (Bacalhau node = BacalhauCommand.of(spec).openNode(List.of())) {
            if (BacalhauCommand.of(spec).showsProgress()) {
                TransferProgress progress = Transfers.progress();
                try (LiveStatus bar = Transfers.show(progress, spec.commandLine().getErr())) {
                    node.ipfs().get(path, abs, progress.step("Fetching"), progress.step("Writing"));
                    bar.finish(progress.line());   // the last bar stays, as curl's does
                }
            } else {
                node.ipfs().get(path, abs);
            }
        }
        spec.commandLine().getOut().println("wrote " + path + " to " + abs);
        return ExitCodes.OK;
    }
}
