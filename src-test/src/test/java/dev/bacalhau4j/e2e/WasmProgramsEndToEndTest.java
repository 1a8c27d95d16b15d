package dev.bacalhau4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real WASI programs (built from C and WAT) run end to end on an embedded node. */
class WasmProgramsEndToEndTest {
    @TempDir Path tmp;
    private Bacalhau node;

    @BeforeEach
    void openNode() {
        node = Bacalhau.builder().directory(tmp.resolve("node"))
                .allowLocalPath(Programs.exampleData("wordcount"))
                .allowLocalPath(tmp)
                .build();
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    /** The job's published results, downloaded to a fresh directory. */
    private Path published(JobResult result) throws java.io.IOException {
        Path dir = tmp.resolve("results-" + result.jobId());
        if (!java.nio.file.Files.exists(dir)) {
            node.download(result, dir);
        }
        return dir;
    }

    @Test
    void shouldCountWordsOfADirectoryTreeIntoOutputs() throws Exception {
        Path expected = Programs.exampleData("wordcount.expected");
        JobResult result = node.run(Job.wasm(Programs.wasm("wordcount"))
                .inputLocal(Programs.exampleData("wordcount"), "/inputs")
                .output("outputs", "/outputs")
                .memory("64Mb").timeout(Duration.ofSeconds(60))
                .build());

        assertThat(result.state()).isEqualTo(JobState.COMPLETED);
        assertThat(result.exitCode()).isZero();
        Path dir = published(result);
        assertThat(dir.resolve("outputs/wordcount.txt")).hasSameTextualContentAs(expected.resolve("wordcount.txt"));
        assertThat(dir.resolve("outputs/words.tsv")).hasSameTextualContentAs(expected.resolve("words.tsv"));
        assertThat(result.stdout()).isEqualTo(Files.readString(expected.resolve("wordcount.txt")));
        assertThat(dir.resolve("stdout")).hasContent(result.stdout());
        assertThat(dir.resolve("exitCode")).hasContent("0");
    }

    @Test
    void shouldPassArgsEnvAndStdinExactlyAsGiven() throws Exception {
        JobResult result = node.run(Job.wasm(Programs.wasm("echo"))
                .args("one", "two words", "")
                .env("ZED", "last").env("ALPHA", "first").env("EXIT_CODE", "7")
                .stdin("from stdin\n")
                .build());

        assertThat(result.state()).isEqualTo(JobState.COMPLETED);
        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.stdout()).isEqualTo("argc=4\nargv[0]=main.wasm\nargv[1]=one\nargv[2]=two words\nargv[3]=\n"
                + "env ALPHA=first\nenv EXIT_CODE=7\nenv ZED=last\nstdin=from stdin\n");
        assertThat(result.stderr()).isEqualTo("to-stderr\n");
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void shouldFailWithTrapWhenProgramTraps() throws Exception {
        JobResult result = node.run(Job.wasm(Programs.wasm("trap")).build());

        assertThat(result.state()).isEqualTo(JobState.FAILED);
        ExecutionResult execution = result.execution().orElseThrow();
        assertThat(execution.failureReason()).isEqualTo("trap");
        assertThat(result.message()).startsWith("trap: ").doesNotContain("trap: trap");
    }

    @Test
    void shouldStopAnInfiniteLoopAtTheExecutionTimeout() throws Exception {
        long start = System.nanoTime();
        JobResult result = node.run(Job.wasm(Programs.wasm("loop")).timeout(Duration.ofSeconds(1)).build());

        assertThat(result.state()).isEqualTo(JobState.FAILED);
        assertThat(result.execution().orElseThrow().failureReason()).isEqualTo("timeout");
        assertThat(result.message()).isEqualTo("timeout: the module ran past its execution timeout of 1s and was stopped");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("an endless loop stopped").isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void shouldStopAMemoryBombAtTheMemoryCap() throws Exception {
        JobResult result = node.run(Job.wasm(Programs.wasm("membomb")).memory("32Mb").build());

        assertThat(result.state()).isEqualTo(JobState.FAILED);
        assertThat(result.execution().orElseThrow().failureReason()).isEqualTo("memory-limit");
        // the program reports how much it got before the cap refused more: well under the cap
        String got = result.stdout().replaceAll("(?s).*allocated (\\d+) MiB.*", "$1");
        assertThat(Integer.parseInt(got)).isBetween(1, 32);
    }

    @Test
    void shouldRefuseWritesIntoInputsAndLeaveTheHostUntouched() throws Exception {
        Path inputs = Files.createDirectories(tmp.resolve("inputs"));
        Files.writeString(inputs.resolve("existing.txt"), "original");
        JobResult result = node.run(Job.wasm(Programs.wasm("write_input")).inputLocal(inputs, "/inputs").build());

        assertThat(result.exitCode()).as(result.stdout()).isZero(); // 0 = both writes failed inside the guest
        assertThat(result.stdout()).contains("open /inputs/existing.txt: errno=").contains("open /inputs/new.txt: errno=");
        assertThat(inputs.resolve("existing.txt")).hasContent("original");
        assertThat(inputs.resolve("new.txt")).doesNotExist();
    }

    @Test
    void shouldGiveIdenticalClocksAndRandomnessOnTwoRuns() throws Exception {
        Job job = Job.wasm(Programs.wasm("clockrand")).output("outputs", "/outputs").build();
        JobResult first = node.run(job);
        JobResult second = node.run(job);

        assertThat(first.exitCode()).isZero();
        assertThat(first.stdout()).contains("realtime[1]=").contains("getentropy[1]=").doesNotContain("error");
        assertThat(second.stdout()).isEqualTo(first.stdout());
        assertThat(published(second).resolve("outputs/clockrand.txt"))
                .hasSameBinaryContentAs(published(first).resolve("outputs/clockrand.txt"));
        // two reads of a clock differ (time advances), and two random draws differ
        String out = first.stdout();
        assertThat(line(out, "realtime[0]")).isNotEqualTo(line(out, "realtime[1]"));
        assertThat(line(out, "getentropy[0]")).isNotEqualTo(line(out, "getentropy[1]"));
    }

    @Test
    void shouldListDirectoriesSortedWithStableMetadata() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        for (String name : new String[] {"zeta", "alpha", "mid", "Beta"}) {
            Files.writeString(a.resolve(name), name);
        }
        for (String name : new String[] {"mid", "Beta", "zeta", "alpha"}) { // other creation order, other inodes
            Files.writeString(b.resolve(name), name);
        }
        JobResult fromA = node.run(Job.wasm(Programs.wasm("readlist")).inputLocal(a, "/inputs").build());
        JobResult fromB = node.run(Job.wasm(Programs.wasm("readlist")).inputLocal(b, "/inputs").build());

        assertThat(fromA.exitCode()).isZero();
        assertThat(fromA.stdout().lines().filter(l -> !l.startsWith(".") && !l.startsWith("entries"))
                .map(l -> l.split(" ")[0])).containsExactly("Beta", "alpha", "mid", "zeta");
        assertThat(fromB.stdout()).isEqualTo(fromA.stdout());
    }

    private static String line(String text, String key) {
        return text.lines().filter(l -> l.startsWith(key + "=")).findFirst().orElseThrow();
    }
}
