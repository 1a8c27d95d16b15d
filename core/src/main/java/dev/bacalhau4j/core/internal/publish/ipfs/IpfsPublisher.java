package dev.bacalhau4j.core.internal.publish.ipfs;

import dev.bacalhau4j.api.PublishedResult;
import dev.bacalhau4j.api.PublisherSpec;
import dev.bacalhau4j.core.internal.ipfs.IpfsServices;
import dev.bacalhau4j.core.internal.publish.PublishRequest;
import dev.bacalhau4j.core.internal.publish.ResultPublisher;
import dev.bacalhau4j.ipfs.block.Lease;
import dev.bacalhau4j.ipfs.importer.ImportedEntry;
import dev.bacalhau4j.ipfs.importer.UnixFsImporter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Publishes an execution's results into the node's blockstore as one UnixFS directory, laid out
 * as Bacalhau lays them out ({@code <name>/...} per result path, {@code stdout}, {@code stderr},
 * {@code exitCode}), imported with the node's profile with no modes or times, so two runs that
 * write the same bytes publish the same CID. The root is pinned under the execution's name; the
 * result's location is {@code ipfs://<cid>}. A failure leaves only unpinned blocks, which the next
 * garbage collection removes.
 */
public final class IpfsPublisher implements ResultPublisher {
    private final IpfsServices ipfs;

    public IpfsPublisher(IpfsServices ipfs) {
        this.ipfs = ipfs;
    }

    @Override
    public String type() {
        return PublisherSpec.IPFS;
    }

    @Override
    public PublishedResult publish(PublishRequest request) throws IOException {
        String name = "job " + request.jobId() + " execution " + request.executionId();
        // blocks put while the lease is open survive a concurrent GC until the root is pinned
        try (Lease ignored = ipfs.store().pins().lease("publishing " + name)) {
            UnixFsImporter importer = new UnixFsImporter(ipfs.store(), ipfs.profile());
            TreeMap<String, ImportedEntry> entries = new TreeMap<>();
            for (Map.Entry<String, Path> output : request.outputs().entrySet()) {
                entries.put(output.getKey(), importer.addTree(output.getValue()));
            }
            entries.put("stdout", importer.addBytes(request.stdout()));
            entries.put("stderr", importer.addBytes(request.stderr()));
            entries.put("exitCode", importer.addBytes((request.exitCode() + "\n").getBytes(StandardCharsets.US_ASCII)));
            ImportedEntry root = importer.addDirectory(entries);
            ipfs.store().pins().pin(root.cid(), name);
            return new PublishedResult(type(), URI.create("ipfs://" + root.cid()));
        } catch (IllegalArgumentException e) {
            // a special file (device, pipe, socket) in the outputs, or an unusable name
            throw new IOException("cannot publish the outputs: " + e.getMessage(), e);
        }
    }
}
