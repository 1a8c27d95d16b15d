package dev.bacalhau4j.examples;

import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.core.Bacalhau;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Counts the words of a directory tree with {@code wordcount.wasm}, run on an embedded node.
 *
 * <pre>
 * java -cp examples/target/bacalhau4j.jar dev.bacalhau4j.examples.WordCountExample [DIR [NODE_DIR]]
 * </pre>
 *
 * DIR defaults to {@code examples/data/wordcount}, NODE_DIR to {@link Bacalhau#defaultDirectory()}.
 */
public final class WordCountExample {
    private WordCountExample() {}

    /**
     * Runs the word count; see the class comment for the arguments.
     *
     * @param args {@code [DIR [NODE_DIR]]}
     * @throws Exception when the node cannot be opened or the job cannot be submitted
     */
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "examples/data/wordcount").toAbsolutePath().normalize();
        Path nodeDir = args.length > 1 ? Path.of(args[1]) : Bacalhau.defaultDirectory();
        if (!Files.isDirectory(data)) {
            System.err.println("WordCountExample: no such directory: " + data);
            System.exit(2);
        }

        try (Bacalhau node = Bacalhau.builder().directory(nodeDir).allowLocalPath(data).build()) {
            Job job = Job.wasm(resource("/wasm/wordcount.wasm"))
                    .name("wordcount")
                    .inputLocal(data, "/inputs")              // read-only, allowed above
                    .output("outputs", "/outputs")            // published as "outputs"
                    .memory("64Mb")
                    .timeout(Duration.ofSeconds(30))
                    .build();

            JobResult result = node.run(job);                 // submit and wait

            System.out.println("Job " + result.jobId() + ": " + result.state() + ", exit code " + result.exitCode());
            System.out.print(result.stdout());
            result.outputs().ifPresent(published -> {
                Path where = Path.of(published.location());
                System.out.println("Outputs: " + where);
                list(where.resolve("outputs"));
            });
            if (!result.succeeded()) {
                System.err.println("WordCountExample: " + result.message() + " " + result.stderr());
                System.exit(1);
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WordCountExample.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("resource " + name + " is not on the class path");
            return in.readAllBytes();
        }
    }

    private static void list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            files.sorted().forEach(f -> System.out.println("  " + f.getFileName() + "  (" + size(f) + " bytes)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return -1;
        }
    }
}
