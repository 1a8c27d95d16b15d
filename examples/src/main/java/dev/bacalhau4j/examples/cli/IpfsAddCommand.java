package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.TransferListener;
import dev.bacalhau4j.ipfs.block.DiscardingBlockstore;
import dev.bacalhau4j.ipfs.importer.ImportProfile;
import dev.bacalhau4j.ipfs.importer.UnixFsImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j ipfs add PATH}: imports a file or tree, pins it and prints its CID. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Add a file or directory tree to the node's blockstore, pin it, and print its CID.",
            "The CID equals what Kubo's 'ipfs add' gives with the same profile."})
final class IpfsAddCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "A file or directory.")
    Path path;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "unixfs-v0-2015 (Kubo's classic default: CIDv0), kubo-v1-raw (--cid-version=1 "
                    + "--raw-leaves) or unixfs-v1-2025. Default: the node's.")
    String profile;

    @Option(names = {"-q", "--quiet"}, description = "Print only the CID.")
    boolean quiet;

    @Option(names = {"-n", "--only-hash"}, description = "Compute the CID without storing or pinning anything.")
    boolean onlyHash;

    @Override
    public Integer call() throws Exception {
        Path abs = path.toAbsolutePath().normalize();
        if (!Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException("PATH: no such file or directory: " + abs);
        }
        try (Bacalhau node = BacalhauCommand.of(spec).openNode(List.of())) {
            ImportProfile chosen;
            try {
                chosen = profile == null ? node.ipfs().profile() : ImportProfile.named(profile);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--profile: " + e.getMessage(), e);
            }
            Cid cid;
            if (BacalhauCommand.of(spec).showsProgress()) {
                TransferProgress progress = Transfers.progress();
                try (LiveStatus bar = Transfers.show(progress, spec.commandLine().getErr())) {
                    TransferListener reading = progress.step(onlyHash ? "Hashing" : "Adding");
                    cid = onlyHash
                            ? new UnixFsImporter(new DiscardingBlockstore(), chosen).addTree(abs, reading).cid()
                            : node.ipfs().add(abs, chosen, reading);
                    bar.finish(progress.line());   // the last bar stays, as curl's does
                }
            } else {
                cid = onlyHash
                        ? new UnixFsImporter(new DiscardingBlockstore(), chosen).addTree(abs).cid()
                        : node.ipfs().add(abs, chosen);
            }
            spec.commandLine().getOut().println(quiet ? cid.toString() : "added " + cid + " " + abs.getFileName());
        }
        return ExitCodes.OK;
    }
}
