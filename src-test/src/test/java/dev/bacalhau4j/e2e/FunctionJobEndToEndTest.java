package dev.bacalhau4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobSpecs;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.ipfs.Cid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JavaScript functions through embedded nodes: same function, same inputs, same result CID on every node. */
class FunctionJobEndToEndTest {
    static final Path WORDCOUNT = Path.of("../examples/src/main/js/wordcount.js");

    @TempDir Path tmp;

    @Test
    void shouldGiveTheSameResultCidOnEveryNodeAndEveryRun() throws Exception {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("sub"));
        Files.writeString(data.resolve("a.txt"), "The cat sat on the mat.\n");
        Files.writeString(data.resolve("sub/b.txt"), "the end, the END\n");

        String cid1;
        String cid2;
        String cid3;
        try (Bacalhau node = Bacalhau.builder().inMemory().build()) {
            Cid input = node.ipfs().add(data);
            Job job = Job.function(WORDCOUNT).args("/inputs", "3")
                    .inputIpfs(input.toString(), "/inputs")
                    .output("outputs", "/outputs").timeout(Duration.ofSeconds(60)).build();
            // the spec a user would keep in a file runs the same
            Job reread = JobSpecs.readYaml(JobSpecs.toYaml(job));
            assertThat(reread).isEqualTo(job);

            JobResult first = node.run(job);
            JobResult second = node.run(reread);

            assertThat(first.state()).as(first.message() + first.stderr()).isEqualTo(JobState.COMPLETED);
            assertThat(first.stdout()).isEqualTo("10 words, 6 distinct\n      4 the\n      2 end\n      1 cat\n");
            cid1 = first.outputs().orElseThrow().location().toString();
            cid2 = second.outputs().orElseThrow().location().toString();
            node.download(first, tmp.resolve("out"));
            assertThat(tmp.resolve("out/outputs/counts.txt")).hasContent("the 4\nend 2\ncat 1\nmat 1\non 1\nsat 1\n");
        }
        try (Bacalhau other = Bacalhau.builder().inMemory().build()) {
            Cid input = other.ipfs().add(data);
            JobResult third = other.run(Job.function(WORDCOUNT).args("/inputs", "3")
                    .inputIpfs(input.toString(), "/inputs")
                    .output("outputs", "/outputs").timeout(Duration.ofSeconds(60)).build());
            cid3 = third.outputs().orElseThrow().location().toString();
        }
        assertThat(cid1).startsWith("ipfs://").isEqualTo(cid2).isEqualTo(cid3);
    }

    @Test
    void shouldCountTheSampleTextsAsTheWasmWordCountDoes() throws Exception {
        try (Bacalhau node = Bacalhau.builder().inMemory().build()) {
            Cid texts = node.ipfs().add(Programs.exampleData("wordcount"));
            JobResult wasm = node.run(Job.wasm(Programs.wasm("wordcount")).inputIpfs(texts.toString(), "/inputs")
                    .output("outputs", "/outputs").build());
            JobResult js = node.run(Job.function(WORDCOUNT).args("/inputs", "20").inputIpfs(texts.toString(), "/inputs")
                    .output("outputs", "/outputs").timeout(Duration.ofSeconds(60)).build());
            assertThat(js.state()).as(js.message() + js.stderr()).isEqualTo(JobState.COMPLETED);
            node.download(wasm, tmp.resolve("wasm"));
            node.download(js, tmp.resolve("js"));

            // "664 6414 34903 total" from C against "6414 words, 847 distinct" from JavaScript
            String wasmTotal = wasm.stdout().lines().reduce((a, b) -> b).orElseThrow().split(" ")[1];
            assertThat(js.stdout()).startsWith(wasmTotal + " words, ");
            List<String> wasmTop = Files.readAllLines(tmp.resolve("wasm/outputs/words.tsv")).stream()
                    .map(line -> line.split("\t")[1] + " " + line.split("\t")[0]).toList();
            assertThat(wasmTop).hasSize(20);
            assertThat(Files.readAllLines(tmp.resolve("js/outputs/counts.txt")).subList(0, 20)).isEqualTo(wasmTop);
        }
    }

    @Test
    void shouldReportAnUncaughtExceptionAsAFailedExitWithTheScriptLine() throws Exception {
        try (Bacalhau node = Bacalhau.builder().inMemory().build()) {
            JobResult result = node.run(Job.function("readFile('/etc/passwd');\n").build());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).startsWith("function.js:1:").contains("ENOENT: no such file or directory");
        }
    }

    @Test
    void shouldFailAFunctionThatWritesPastResourcesDiskAtTheWriteAndPublishNothing() throws Exception {
        Path node = tmp.resolve("capped-node");
        String script = "try { writeFile('/outputs/big.txt', 'x'.repeat(2 * 1024 * 1024)); console.log('wrote'); }\n"
                + "catch (e) { console.log(e.code); }\n";
        try (Bacalhau bacalhau = Bacalhau.builder().directory(node).build()) {
            JobResult result = bacalhau.run(Job.function(script).output("outputs", "/outputs").disk("1Mi").build());

            assertThat(result.state()).isEqualTo(JobState.FAILED);
            assertThat(result.execution().orElseThrow().failureReason()).isEqualTo("disk-limit");
            assertThat(result.message()).contains("a write to /outputs/big.txt")
                    .contains("past the disk cap of 1048576 bytes (1.0 MiB, Resources.Disk)")
                    .contains("nothing was published");
            assertThat(result.stdout()).as("the script saw its write refused").isEqualTo("EDQUOT\n");
            assertThat(result.outputs()).isEmpty();
            try (var left = Files.list(node.resolve("work"))) {
                assertThat(left).as("the execution's scratch directory is removed").isEmpty();
            }
        }
    }
}
