package dev.bacalhau4j.core;

import dev.bacalhau4j.core.internal.ipfs.IpfsServices;
import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.IpfsPath;
import dev.bacalhau4j.ipfs.TransferListener;
import dev.bacalhau4j.ipfs.block.Block;
import dev.bacalhau4j.ipfs.block.GcReport;
import dev.bacalhau4j.ipfs.block.Pin;
import dev.bacalhau4j.ipfs.car.CarExport;
import dev.bacalhau4j.ipfs.car.CarReader;
import dev.bacalhau4j.ipfs.exporter.DirEntry;
import dev.bacalhau4j.ipfs.exporter.NodeStat;
import dev.bacalhau4j.ipfs.importer.ImportProfile;
import dev.bacalhau4j.ipfs.importer.UnixFsImporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The node's IPFS: add files and trees (pinned), read them back ({@code cat}, {@code ls},
 * {@code get}), move DAGs as CAR files, and manage pins and garbage collection. Paths are
 * {@code CID} or {@code CID/path}; what the node lacks is fetched from its gateways and verified.
 * Obtained from {@link Bacalhau#ipfs()}; it lives as long as its node and is thread-safe.
 */
public final class NodeIpfs {
    private final IpfsServices ipfs;

    NodeIpfs(IpfsServices ipfs) {
        this.ipfs = ipfs;
    }

    /**
     * Adds a file or a directory tree with the node's profile and pins it.
     *
     * @param path a file or directory
     * @return the root's CID
     * @throws IOException when the path cannot be read
     */
    public Cid add(Path path) throws IOException {
        return add(path, ipfs.profile());
    }

    /**
     * Adds a file or a directory tree with {@code profile} and pins it.
     *
     * @param path a file or directory
     * @param profile how to chunk and lay out the DAG
     * @return the root's CID
     * @throws IOException when the path cannot be read
     */
    public Cid add(Path path, ImportProfile profile) throws IOException {
        return add(path, profile, TransferListener.NONE);
    }

    /**
     * As {@link #add(Path, ImportProfile)}, telling {@code listener} the file bytes read so far
     * against the total size of the files under {@code path}.
     *
     * @param path a file or directory
     * @param profile how to chunk and lay out the DAG
     * @param listener hears the progress, on the calling thread
     * @return the root's CID
     * @throws IOException when the path cannot be read
     */
    public Cid add(Path path, ImportProfile profile, TransferListener listener) throws IOException {
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(listener, "listener == null");
        // the lease keeps the new blocks through a concurrent GC until the root is pinned
        try (var lease = ipfs.store().pins().lease("adding " + path)) {
            UnixFsImporter importer = new UnixFsImporter(ipfs.store(), profile);
            Cid cid = (listener == TransferListener.NONE ? importer.addTree(path) : importer.addTree(path, listener)).cid();
            ipfs.store().pins().pin(cid, "added " + path.getFileName());
            return cid;
        }
    }

    /**
     * Adds bytes as one file with the node's profile and pins it.
     *
     * @param bytes the file's content
     * @return the file's CID
     * @throws IOException when the blockstore cannot be written
     */
    public Cid add(byte[] bytes) throws IOException {
        try (var lease = ipfs.store().pins().lease("adding bytes")) {
            Cid cid = new UnixFsImporter(ipfs.store(), ipfs.profile()).addBytes(bytes).cid();
            ipfs.store().pins().pin(cid, "added bytes");
            return cid;
        }
    }

    /**
     * The file at {@code cidPath}, streamed; the caller closes the stream.
     *
     * @param cidPath {@code CID} or {@code CID/path}
     * @return the file's content
     * @throws IOException when the path does not name a file, or a block cannot be had
     */
    public InputStream cat(String cidPath) throws IOException {
        return cat(cidPath, 0, Long.MAX_VALUE);
    }

    /**
     * {@code length} bytes of the file at {@code cidPath} from {@code offset}, reading only the blocks needed.
     *
     * @param cidPath {@code CID} or {@code CID/path}
     * @param offset the first byte to read
     * @param length the most bytes to read
     * @return those bytes of the file
     * @throws IOException when the path does not name a file, or a block cannot be had
     */
    public InputStream cat(String cidPath, long offset, long length) throws IOException {
        Cid target = resolve(cidPath);
        return ipfs.exporter().cat(target, offset, length);
    }

    /**
     * The entries of the directory at {@code cidPath}.
     *
     * @param cidPath {@code CID} or {@code CID/path}
     * @return the entries, in the directory's order
     * @throws IOException when the path does not name a directory, or a block cannot be had
     */
    public List<DirEntry> ls(String cidPath) throws IOException {
        return ipfs.exporter().list(resolve(cidPath));
    }

    /**
     * What {@code cidPath} is: type, size, CID.
     *
     * @param cidPath {@code CID} or {@code CID/path}
     * @return type, size and CID
     * @throws IOException when a block cannot be had
     */
    public NodeStat stat(String cidPath) throws IOException {
        return ipfs.exporter().stat(resolve(cidPath));
    }

    /**
     * Writes the file or tree at {@code cidPath} to {@code target} (which must not exist), fetching
     * the whole DAG first so a missing block fails before anything is written.
     *
     * @param cidPath {@code CID} or {@code CID/path}
     * @param target a path to create
     * @throws IOException when a block cannot be had, or {@code target} cannot be written
     */
    public void get(String cidPath, Path target) throws IOException {
        get(cidPath, target, TransferListener.NONE, TransferListener.NONE);
    }

    /**
     * As {@link #get(String, Path)}, in two reported steps: {@code fetched} hears the bytes received
     * from a gateway while the DAG is fetched (nothing when the node has it all), then
     * {@code written} hears the file bytes written against the total the DAG's files declare.
     *
     * @param cidPath {@code CID} or {@code CID/path}
     * @param target a path to create
     * @param fetched hears the fetch, on the calling thread
     * @param written hears the writing, on the calling thread
     * @throws IOException when a block cannot be had, or {@code target} cannot be written
     */
    public void get(String cidPath, Path target, TransferListener fetched, TransferListener written) throws IOException {
        Objects.requireNonNull(fetched, "fetched == null");
        Objects.requireNonNull(written, "written == null");
        IpfsPath path = parse(cidPath);
        fetch(path, fetched);
        ipfs.exporter().get(ipfs.exporter().resolve(path.root(), path.segments()).cid(), target, written);
    }

    /**
     * Writes the DAG under {@code root} as a CAR v1 stream; returns the number of blocks.
     *
     * @param root the DAG's root
     * @param out where to write; not closed
     * @return the number of blocks written
     * @throws IOException when a block cannot be had, or {@code out} fails
     */
    public long exportCar(Cid root, OutputStream out) throws IOException {
        fetch(IpfsPath.of(root));
        return CarExport.write(ipfs.store(), root, out);
    }

    /**
     * Reads a CAR v1 stream into the blockstore, verifying every block, and pins its roots.
     * Returns the roots. A block that does not match its CID stops the import with an error.
     *
     * @param in the CAR stream; not closed
     * @return the CAR's roots
     * @throws IOException when the stream is not a valid CAR, a block does not match its CID, or the
     *     blockstore fails
     */
    public List<Cid> importCar(InputStream in) throws IOException {
        CarReader car = new CarReader(in);
        try (var lease = ipfs.store().pins().lease("importing a CAR")) {
            for (Block block = car.next(); block != null; block = car.next()) {
                ipfs.store().put(block);
            }
            for (Cid root : car.roots()) {
                ipfs.store().pins().pin(root, "imported CAR");
            }
        }
        return car.roots();
    }

    /**
     * Pins {@code root}, so garbage collection keeps its DAG.
     *
     * @param root the DAG's root
     * @param name why it is pinned, shown in {@link #pins()}
     * @throws IOException when the pin cannot be saved
     */
    public void pin(Cid root, String name) throws IOException {
        ipfs.store().pins().pin(root, name);
    }

    /**
     * Unpins {@code root}; its blocks go at the next garbage collection unless something else keeps them.
     *
     * @param root the DAG's root
     * @return true when it was pinned
     * @throws IOException when the pins cannot be saved
     */
    public boolean unpin(Cid root) throws IOException {
        return ipfs.store().pins().unpin(root);
    }

    /**
     * The node's pins.
     *
     * @return every pin
     */
    public List<Pin> pins() {
        return ipfs.store().pins().list();
    }

    /**
     * Removes every block not reachable from a pin or from a running job's inputs and outputs.
     *
     * @return what was removed and kept
     * @throws IOException when the blockstore fails
     */
    public GcReport collectGarbage() throws IOException {
        return ipfs.store().collectGarbage();
    }

    /**
     * The profile the node imports with.
     *
     * @return the import profile
     */
    public ImportProfile profile() {
        return ipfs.profile();
    }

    /**
     * Where this node serves its blocks as a trustless gateway, if it does.
     *
     * @return the gateway's base URL; empty when the node serves none
     */
    public Optional<URI> gatewayAddress() {
        return ipfs.gatewayAddress();
    }

    private Cid resolve(String cidPath) throws IOException {
        IpfsPath path = parse(cidPath);
        return ipfs.exporter().resolve(path.root(), path.segments()).cid();
    }

    private void fetch(IpfsPath path) throws IOException {
        fetch(path, TransferListener.NONE);
    }

    private void fetch(IpfsPath path, TransferListener listener) throws IOException {
        try {
            ipfs.fetch(path, listener);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("fetching " + path + " was interrupted");
        }
    }

    /** Throws {@code IpfsFormatException} naming what is wrong with a malformed path. */
    private static IpfsPath parse(String cidPath) {
        return IpfsPath.parse(cidPath);
    }
}
