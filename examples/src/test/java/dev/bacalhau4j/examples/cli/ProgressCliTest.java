package dev.bacalhau4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live progress through the real command line, forced on with {@code --progress=always} (surefire's
 * stderr is no terminal, so {@code auto} draws nothing here): frames go to stderr, stdout stays
 * byte for byte what it is without them.
 */
class ProgressCliTest {
    private static final String SPIN = "[" + ProgressLine.BRAILLE + Pattern.quote(ProgressLine.ASCII) + "]";
    private static final String STATE = "(Pending|Queued|Running|Completed)";

    @TempDir
    Path nodeDir;

    @TempDir
    Path work;

    private Path wasm(String name) throws IOException, URISyntaxException {
        Path source = Path.of(ProgressCliTest.class.getResource("/wasm/" + name).toURI());
        Path dir = Files.createDirectories(work.resolve("modules"));
        return Files.copy(source, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String jobId(CliRun run) {
        return run.out().lines().filter(l -> l.startsWith("Job ID:")).findFirst().orElseThrow()
                .substring("Job ID:".length()).strip();
    }

    @Test
    void shouldDrawTheJobLineOnStderrAndLeaveStdoutAsItIs() throws Exception {
        String echo = wasm("echo.wasm").toString();
        CliRun plain = CliRun.run(nodeDir, "wasm", "run", echo, "hello");
        CliRun live = CliRun.run(nodeDir, "--progress=always", "wasm", "run", echo, "hello");

        assertThat(live.exitCode()).as(live.toString()).isZero();
        String id = jobId(live);
        assertThat(live.out().replace(id, "ID")).isEqualTo(plain.out().replace(jobId(plain), "ID"));
        assertThat(live.out()).doesNotContain("\r");
        assertThat(plain.err()).as("auto: stderr is no terminal here").doesNotContain("\r").isEqualTo("to-stderr\n");
        assertThat(live.err()).containsPattern("^\\r" + SPIN + " " + STATE + "  \\d\\d:\\d\\d\\.\\d  job " + id)
                .containsPattern("\\rCompleted  \\d\\d:\\d\\d\\.\\d  job " + id + " *\\n")
                .endsWith("to-stderr\n");
    }

    @Test
    void shouldDrawNothingForMachineOutputOrWhenTurnedOff() throws Exception {
        String echo = wasm("echo.wasm").toString();
        Path spec = Files.writeString(work.resolve("job.yaml"), """
                Type: batch
                Tasks:
                  - Name: main
                    Engine:
                      Type: wasm
                      Params:
                        EntryModule:
                          Source:
                            Type: local
                            Params:
                              SourcePath: %s
                """.formatted(echo));

        CliRun idOnly = CliRun.run(nodeDir, "--progress=always", "wasm", "run", echo, "--id-only");
        CliRun off = CliRun.run(nodeDir, "wasm", "run", echo, "--progress=always", "--no-progress");
        CliRun never = CliRun.run(nodeDir, "--progress", "never", "wasm", "run", echo);
        CliRun json = CliRun.run(nodeDir, "--allow-local-path", work.toString(), "--progress=always",
                "job", "run", spec.toString(), "--output", "json");

        for (CliRun run : new CliRun[] {idOnly, off, never, json}) {
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).as(run.toString()).doesNotContain("\r");
        }
        assertThat(idOnly.out()).matches("j-\\S+\\n");
        assertThat(json.out()).startsWith("{");
    }

    @Test
    void shouldDrawABarWithTheResultsBytesWhileJobGetWritesThem() throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        Files.writeString(data.resolve("a.txt"), "one two three\nfour\n");
        CliRun run = CliRun.run(nodeDir, "wasm", "run", wasm("wordcount.wasm").toString(),
                "-i", data.toUri().toString().replaceAll("/$", "") + ":/inputs", "-o", "outputs:/outputs");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String id = jobId(run);

        Path plainDir = work.resolve("plain");
        Path liveDir = work.resolve("live");
        CliRun plain = CliRun.run(nodeDir, "job", "get", id, "--output-dir", plainDir.toString());
        CliRun live = CliRun.run(nodeDir, "--progress=always", "job", "get", id, "--output-dir", liveDir.toString());

        assertThat(live.exitCode()).as(live.toString()).isZero();
        assertThat(live.out().replace(liveDir.toString(), "DIR")).isEqualTo(plain.out().replace(plainDir.toString(), "DIR"));
        assertThat(plain.err()).isEmpty();
        long bytes = fileBytes(liveDir);
        assertThat(bytes).isEqualTo(fileBytes(plainDir)).isPositive();
        assertThat(lastBar(live.err())).matches("Writing \\[#{24}\\] " + Pattern.quote(ByteProgressBar.bytes(bytes))
                + " / " + Pattern.quote(ByteProgressBar.bytes(bytes)) + "(  .+/s)? *");
        assertThat(live.err()).endsWith("\n");
    }

    @Test
    void shouldDrawABarWhileIpfsAddReadsAndIpfsGetWrites() throws Exception {
        Path tree = Files.createDirectories(work.resolve("tree"));
        Files.write(tree.resolve("big.bin"), new byte[300_000]);
        Files.writeString(tree.resolve("small.txt"), "small\n");

        CliRun add = CliRun.run(nodeDir, "--progress=always", "ipfs", "add", "-q", tree.toString());
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(add.out()).matches("Qm\\S+\\n");
        assertThat(lastBar(add.err())).matches("Adding \\[#{24}\\] 293\\.0 KiB / 293\\.0 KiB(  .+/s)? *");

        Path out = work.resolve("out");
        CliRun get = CliRun.run(nodeDir, "--progress=always", "ipfs", "get", add.out().strip(), out.toString());
        assertThat(get.exitCode()).as(get.toString()).isZero();
        assertThat(get.out()).isEqualTo("wrote " + add.out().strip() + " to " + out + "\n");
        assertThat(lastBar(get.err())).matches("Writing \\[#{24}\\] 293\\.0 KiB / 293\\.0 KiB(  .+/s)? *");
        assertThat(out.resolve("big.bin")).hasSize(300_000);
    }

    /** The last line drawn on {@code err}: what follows its last carriage return, up to the newline. */
    private static String lastBar(String err) {
        Matcher m = Pattern.compile("\\r([^\\r\\n]+)\\n").matcher(err);
        String last = null;
        while (m.find()) last = m.group(1);
        assertThat(last).as("a final bar in " + err.replace("\r", "\\r")).isNotNull();
        return last;
    }

    private static long fileBytes(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
