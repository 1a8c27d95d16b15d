package dev.bacalhau4j.examples;

import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.ipfs.Cid;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * An application that embeds a node: adds a directory tree to the node's IPFS blockstore, counts
 * its words with {@code wordcount.wasm} reading it by CID, then downloads the published outputs and
 * lists them.
 *
 * <pre>
 * java -cp examples/target/bacalhau4j.jar dev.bacalhau4j.examples.WordCountExample [DIR [NODE_DIR]]
 * </pre>
 *
 * DIR defaults to {@code examples/data/wordcount}, NODE_DIR to {@link Bacalhau#defaultDirectory()};
 * the outputs land in {@code NODE_DIR/downloads/JOB_ID}.
 */
public final class WordCountExample {
    private WordCountExample() {}

    /**
     * Runs the word count; see the class comment for the arguments. Exits 0 when the job
     * completed, 1 when it failed, 2 for a missing directory.
     *
     * @param args {@code [DIR [NODE_DIR]]}
     * @throws Exception when the node cannot be opened or the outputs cannot be downloaded
     */
    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * The example, printing to {@code out} and {@code err}.
     *
     * @param args {@code [DIR [NODE_DIR]]}
     * @param out where the report goes
     * @param err where errors go
     * @return the exit code {@link #main} exits with
     * @throws Exception when the node cannot be opened or the outputs cannot be downloaded
     */
    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "examples/data/wordcount").toAbsolutePath().normalize();
        Path nodeDir = args.length > 1 ? Path.of(args[1]) : Bacalhau.defaultDirectory();
        if (!Files.isDirectory(data)) {
            err.println("WordCountExample: no such directory: " + data);
            return 2;
        }

        try (Bacalhau node = Bacalhau.builder().directory(nodeDir).build()) {
            Cid texts = node.ipfs().add(data);                // UnixFS, as `ipfs add -r` would
            out.println("Added " + data + " as " + texts);
            Job job = Job.wasm(resource("/wasm/wordcount.wasm"))
                    .name("wordcount")
                    .inputIpfs(texts.toString(), "/inputs")   // read-only, straight from the blockstore
                    .output("outputs", "/outputs")            // published as "outputs"
                    .memory("64Mb")
                    .timeout(Duration.ofSeconds(30))
                    .build();

            JobResult result = node.run(job);                 // submit and wait

            out.println("Job " + result.jobId() + ": " + result.state() + ", exit code " + result.exitCode());
            out.print(result.stdout());
            if (!result.succeeded()) {
                err.println("WordCountExample: " + result.message() + " " + result.stderr());
                return 1;
            }
            Path downloads = nodeDir.resolve("downloads").resolve(result.jobId());
            node.download(result, downloads);                 // the published CID, as files
            out.println("Outputs: " + result.outputs().orElseThrow().location() + ", downloaded to " + downloads);
            list(downloads.resolve("outputs"), out);
            return 0;
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WordCountExample.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("resource " + name + " is not on the class path");
            return in.readAllBytes();
        }
    }

    private static void list(Path dir, PrintStream out) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) out.println("  " + f.getFileName() + "  (" + Files.size(f) + " bytes)");
        }
    }
}
