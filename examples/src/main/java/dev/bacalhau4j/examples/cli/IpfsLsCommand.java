package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.ipfs.exporter.DirEntry;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j ipfs ls CID[/path]}: a directory's entries. */
@Command(name = "ls", mixinStandardHelpOptions = true, description = "List the directory at CID[/path].")
final class IpfsLsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CID[/PATH]", description = "The directory.")
    String path;

    @Override
    public Integer call() throws Exception {
        Table table = new Table("CID", "SIZE", "TYPE", "NAME");
        try (Bacalhau node = BacalhauCommand.of(spec).openNode(List.of())) {
            for (DirEntry e : node.ipfs().ls(path)) {
                table.row(e.cid().toString(), String.valueOf(e.size()),
                        e.type().name().toLowerCase(java.util.Locale.ROOT), e.name());
            }
        }
        table.print(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
