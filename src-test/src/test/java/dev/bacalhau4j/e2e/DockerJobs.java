package dev.bacalhau4j.e2e;

import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobBuilder;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.ipfs.Cid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** The input tree, jobs and expected outputs the container end-to-end tests share. */
final class DockerJobs {
    /** Copies its IPFS input to its outputs and concatenates two files; prints {@code done}. */
    static final String COPY_SCRIPT = "cp -r /inputs /outputs/copy && cat /inputs/a.txt /inputs/sub/b.bin"
            + " > /outputs/concat.bin && echo done";

    private DockerJobs() {}

    /** A small tree with a multi-block file: {@code a.txt}, {@code sub/b.bin} (1.5 MiB, random). */
    static Path inputTree(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("a.txt"), "alpha\n");
        byte[] b = new byte[3 << 19];
        new Random(42).nextBytes(b);
        Files.write(dir.resolve("sub/b.bin"), b);
        return dir;
    }

    /** {@code sh -c script} in {@code image}. */
    static JobBuilder sh(String image, String script) {
        return Job.docker(image).entrypointCommand("/bin/sh", "-c").args(script);
    }

    /** The copy job over {@code input}, with result path {@code outputs}. */
    static Job copyJob(String image, Cid input) {
        return sh(image, COPY_SCRIPT).inputIpfs(input.toString(), "/inputs").output("outputs", "/outputs").build();
    }

    /**
     * What the copy job of {@code inputTree} publishes, laid out as the publisher lays it out
     * ({@code outputs/}, {@code stdout}, {@code stderr}, {@code exitCode}), written from the input
     * tree on the host, under {@code dir}.
     */
    static Path expectedCopyResult(Path inputTree, Path dir) throws IOException {
        Path outputs = Files.createDirectories(dir.resolve("outputs"));
        Files.createDirectories(outputs.resolve("copy/sub"));
        Files.copy(inputTree.resolve("a.txt"), outputs.resolve("copy/a.txt"));
        Files.copy(inputTree.resolve("sub/b.bin"), outputs.resolve("copy/sub/b.bin"));
        try (var out = Files.newOutputStream(outputs.resolve("concat.bin"))) {
            out.write(Files.readAllBytes(inputTree.resolve("a.txt")));
            out.write(Files.readAllBytes(inputTree.resolve("sub/b.bin")));
        }
        Files.writeString(dir.resolve("stdout"), "done\n");
        Files.writeString(dir.resolve("stderr"), "");
        Files.writeString(dir.resolve("exitCode"), "0\n");
        return dir;
    }

    /** The CID of a result published on IPFS ({@code ipfs://<cid>}). */
    static String publishedCid(JobResult result) {
        String location = result.outputs().orElseThrow(() -> new AssertionError("no outputs: " + result.message()
                + " " + result.stderr())).location().toString();
        if (!location.startsWith("ipfs://")) throw new AssertionError("not published on IPFS: " + location);
        return location.substring("ipfs://".length());
    }
}
