package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.core.Bacalhau;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j ipfs cat CID[/path]}: writes a file's bytes to standard output. */
@Command(name = "cat", mixinStandardHelpOptions = true,
        description = "Write the file at CID[/path] to standard output, fetching missing blocks from the "
                + "node's gateways (verified).")
final class IpfsCatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CID[/PATH]", description = "What to read.")
    String path;

    @Option(names = "--offset", paramLabel = "BYTES", description = "Start here (default 0).")
    long offset;

    @Option(names = "--length", paramLabel = "BYTES", description = "Read at most this many bytes.")
    long length = Long.MAX_VALUE;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (offset < 0 || length < 0) {
            throw new UsageException("--offset and --length must not be negative");
        }
        try (Bacalhau node = BacalhauCommand.of(spec).openNode(List.of());
             InputStream in = node.ipfs().cat(path, offset, length)) {
            if (output == null) {
                in.transferTo(System.out);
                System.out.flush();
            } else {
                Files.copy(in, output.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return ExitCodes.OK;
    }
}
