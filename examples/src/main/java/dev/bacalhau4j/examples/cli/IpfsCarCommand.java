package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.ipfs.Cid;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j ipfs car export|import}: DAGs as CAR v1 files. */
@Command(name = "car", mixinStandardHelpOptions = true, description = "Export and import DAGs as CAR v1 files.",
        subcommands = {IpfsCarCommand.Export.class, IpfsCarCommand.Import.class})
final class IpfsCarCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: export or import");
    }

    /** {@code ipfs car export CID FILE}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the DAG under CID to FILE as CAR v1 (depth-first, no duplicates).")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CID", description = "The root of the DAG to export.")
        String cid;

        @Parameters(index = "1", paramLabel = "FILE", description = "The CAR file to write (replaced if it exists).")
        Path file;

        @Override
        public Integer call() throws Exception {
            Cid root = Cid.parse(cid);
            Path abs = file.toAbsolutePath().normalize();
            Path temp = Files.createTempFile(abs.getParent(), ".car-", ".part");
            long blocks;
            try (Bacalhau node = BacalhauCommand.of(spec).openNode(List.of());
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                blocks = node.ipfs().exportCar(root, out);
            } catch (Exception e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getOut().println("exported " + blocks + " blocks of " + root + " to " + abs);
            return ExitCodes.OK;
        }
    }

    /** {@code ipfs car import FILE}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Read a CAR v1 file into the blockstore, verifying every block, and pin its roots.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The CAR file to read.")
        Path file;

        @Override
        public Integer call() throws Exception {
            Path abs = file.toAbsolutePath().normalize();
            if (!Files.isRegularFile(abs)) {
                throw new UsageException("FILE: no such file: " + abs);
            }
            try (Bacalhau node = BacalhauCommand.of(spec).openNode(List.of());
                 InputStream in = new BufferedInputStream(Files.newInputStream(abs))) {
                for (Cid root : node.ipfs().importCar(in)) {
                    spec.commandLine().getOut().println("imported and pinned " + root);
                }
            }
            return ExitCodes.OK;
        }
    }
}
