package dev.bacalhau4j.core.internal.staging.ipfs;

import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.IpfsSource;
import dev.bacalhau4j.core.internal.ipfs.IpfsServices;
import dev.bacalhau4j.core.internal.staging.InputStager;
import dev.bacalhau4j.core.internal.staging.StagingException;
import dev.bacalhau4j.ipfs.IpfsPath;
import dev.bacalhau4j.ipfs.block.Lease;
import dev.bacalhau4j.ipfs.gateway.GatewayException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stages {@code ipfs} inputs ({@code CID} or {@code CID/path}): fetches what the node lacks from
 * its gateways (every block verified), holds a lease so garbage collection keeps the DAG while
 * the execution runs, and returns the target's path in the node's lazy UnixFS FileSystem, which
 * WASM jobs read with no copy (the node copies it for runtimes that need host paths).
 */
public final class IpfsStager implements InputStager {
    private final IpfsServices ipfs;
    private final Map<Path, List<Lease>> leases = new ConcurrentHashMap<>();

    public IpfsStager(IpfsServices ipfs) {
        this.ipfs = ipfs;
    }

    @Override
    public String sourceType() {
        return IpfsSource.TYPE;
    }

    @Override
    public Path stage(InputSource input, String where, Path area) throws IOException {
        IpfsPath path = IpfsSources.parse((IpfsSource) input.source(), where);
        Lease lease = ipfs.store().pins().lease("input " + path + " of " + area.getParent().getFileName(), path.root());
        leases.computeIfAbsent(area, a -> new ArrayList<>()).add(lease);
        try {
            ipfs.fetch(path);
            ipfs.exporter().resolve(path.root(), path.segments());
        } catch (GatewayException e) {
            throw new StagingException(where + ".Source.Params.CID: " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new StagingException(where + ".Source.Params.CID: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("fetching " + path + " was interrupted");
        }
        return ipfs.pathOf(path);
    }

    @Override
    public void release(Path area) {
        List<Lease> held = leases.remove(area);
        if (held != null) {
            held.forEach(Lease::close);
        }
    }
}
