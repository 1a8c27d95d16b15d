package dev.bacalhau4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.bacalhau4j.api.ExecutionState;
import dev.bacalhau4j.api.InvalidJobException;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobInfo;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobSpecs;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.JobHandle;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded node's promises: durable history, recovery, queueing, cancel, staging refusals. */
class EmbeddedNodeTest {
    @TempDir Path tmp;

    private static Job trivial() {
        return Job.wasm(Programs.wasm("trivial")).build();
    }

    private static Job endless() {
        return Job.wasm(Programs.wasm("loop")).timeout(Duration.ofMinutes(5)).build();
    }

    @Test
    void shouldMarkARunningJobFailedAfterTheProcessIsKilledAndKeepFinishedOnes() throws Exception {
        Path dir = tmp.resolve("node");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), NodeCrashProbe.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String[] ids;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("child output").startsWith("RUNNING ");
            ids = line.split(" ");
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close()
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (Bacalhau node = Bacalhau.builder().directory(dir).build()) {
            assertThat(node.list()).extracting(JobInfo::id).containsExactlyInAnyOrder(ids[1], ids[2]);
            JobResult finished = node.result(ids[1]).orElseThrow();
            assertThat(finished.state()).isEqualTo(JobState.COMPLETED);
            assertThat(finished.stdout()).isEqualTo("ok\n");

            JobResult crashed = node.result(ids[2]).orElseThrow();
            assertThat(crashed.state()).isEqualTo(JobState.FAILED);
            assertThat(crashed.message()).startsWith("node-restart:");
            assertThat(crashed.executions()).singleElement().satisfies(e -> {
                assertThat(e.state()).isEqualTo(ExecutionState.FAILED);
                assertThat(e.failureReason()).isEqualTo("node-restart");
            });
            assertThat(node.history(ids[2])).extracting(JobEvent::state)
                    .containsExactly("PENDING", "QUEUED", "RUNNING", "NEW", "BID_ACCEPTED", "RUNNING", "FAILED", "FAILED");
            try (var work = Files.list(dir.resolve("work"))) {
                assertThat(work).as("scratch of the killed run is cleaned at start").isEmpty();
            }
        }
    }

    @Test
    void shouldKeepHistoryAndResultsAcrossAnOrderlyRestart() throws Exception {
        Path dir = tmp.resolve("node");
        String id;
        try (Bacalhau node = Bacalhau.builder().directory(dir).build()) {
            id = node.run(Job.wasm(Programs.wasm("echo")).args("kept").output("outputs", "/outputs").build()).jobId();
        }
        try (Bacalhau node = Bacalhau.builder().directory(dir).build()) {
            JobResult result = node.job(id).orElseThrow().await(Duration.ofSeconds(1));
            assertThat(result.state()).isEqualTo(JobState.COMPLETED);
            assertThat(result.stdout()).contains("argv[1]=kept");
            assertThat(result.outputs().orElseThrow().location().getScheme()).isEqualTo("ipfs");
            node.download(result, tmp.resolve("downloaded"));
            assertThat(tmp.resolve("downloaded/stdout")).hasContent(result.stdout());
            assertThat(node.describe(id).orElseThrow().job()).isEqualTo(
                    Job.wasm(Programs.wasm("echo")).args("kept").output("outputs", "/outputs").build());
        }
    }

    @Test
    void shouldFailAJobThatWaitsPastItsQueueTimeout() throws Exception {
        try (Bacalhau node = Bacalhau.builder().inMemory().maxConcurrentExecutions(1).build()) {
            JobHandle blocker = node.submit(endless());
            JobHandle waiting = node.submit(Job.wasm(Programs.wasm("trivial")).queueTimeout(Duration.ofSeconds(1)).build());

            JobResult result = waiting.await(Duration.ofSeconds(30));
            assertThat(result.state()).isEqualTo(JobState.FAILED);
            assertThat(result.message()).startsWith("queue-timeout:");
            assertThat(result.executions()).isEmpty();
            assertThat(blocker.cancel()).isTrue();
            assertThat(blocker.await(Duration.ofSeconds(30)).state()).isEqualTo(JobState.STOPPED);
        }
    }

    @Test
    void shouldCancelRunningAndQueuedJobs() throws Exception {
        try (Bacalhau node = Bacalhau.builder().inMemory().maxConcurrentExecutions(1).build()) {
            JobHandle running = node.submit(endless());
            JobHandle queued = node.submit(trivial());
            // the job turns Running before its execution exists: wait for the execution, which the
            // assertions below are about (a cancel in between stops the job with no execution)
            while (running.events().stream().noneMatch(e -> !e.isJobEvent() && e.state().equals("RUNNING"))) {
                Thread.sleep(5);
            }

            assertThat(queued.cancel()).isTrue();
            assertThat(running.cancel()).isTrue();

            JobResult stopped = running.await(Duration.ofSeconds(30));
            assertThat(stopped.state()).isEqualTo(JobState.STOPPED);
            assertThat(stopped.executions()).singleElement()
                    .satisfies(e -> assertThat(e.state()).isEqualTo(ExecutionState.CANCELLED));
            assertThat(queued.await(Duration.ofSeconds(5)).state()).isEqualTo(JobState.STOPPED);
            assertThat(queued.await(Duration.ofSeconds(5)).executions()).isEmpty();
            assertThat(running.cancel()).as("cancel of an ended job").isFalse();
            // the slot is free again
            assertThat(node.run(trivial()).stdout()).isEqualTo("ok\n");
        }
    }

    @Test
    void shouldRunHigherPriorityJobsFirstAndEqualOnesInArrivalOrder() throws Exception {
        try (Bacalhau node = Bacalhau.builder().inMemory().maxConcurrentExecutions(1).build()) {
            JobHandle blocker = node.submit(endless());
            while (blocker.state() != JobState.RUNNING) Thread.sleep(5);
            List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<JobHandle> waiting = new ArrayList<>();
            for (String[] spec : new String[][] {{"low-1", "0"}, {"high", "10"}, {"low-2", "0"}, {"mid", "5"}}) {
                JobHandle h = node.submit(trivial().toBuilder().name(spec[0]).priority(Integer.parseInt(spec[1])).build());
                h.onEvent(e -> {
                    if (e.isJobEvent() && e.state().equals("RUNNING")) order.add(spec[0]);
                });
                waiting.add(h);
            }
            blocker.cancel();
            for (JobHandle h : waiting) h.await(Duration.ofSeconds(30));
            assertThat(order).containsExactly("high", "mid", "low-1", "low-2");
        }
    }

    @Test
    void shouldRunUpToTheConcurrencyLimitAtOnce() throws Exception {
        try (Bacalhau node = Bacalhau.builder().inMemory().maxConcurrentExecutions(2).build()) {
            List<JobHandle> handles = new ArrayList<>();
            for (int i = 0; i < 3; i++) handles.add(node.submit(endless()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (handles.stream().filter(h -> h.state() == JobState.RUNNING).count() < 2
                    && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(200);
            assertThat(handles).extracting(JobHandle::state)
                    .containsExactly(JobState.RUNNING, JobState.RUNNING, JobState.QUEUED);
            handles.forEach(JobHandle::cancel);
        }
    }

    @Test
    void shouldStageAUrlDownloadWithChecksum() throws Exception {
        byte[] body = "one two three\nfour\n".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/words.txt", ex -> {
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try (Bacalhau node = Bacalhau.builder().inMemory().build()) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/words.txt";
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            Job job = JobSpecs.readYaml("""
                    Type: batch
                    Tasks:
                      - Name: main
                        Engine:
                          Type: wasm
                          Params:
                            EntryModule:
                              Source: {Type: inline, Params: {URL: "%s"}}
                            Parameters: [/inputs]
                        InputSources:
                          - Source: {Type: urlDownload, Params: {URL: "%s", Checksum: "sha256:%s"}}
                            Target: /inputs/words.txt
                    """.formatted(dev.bacalhau4j.api.InlineSource.of(Programs.wasm("wordcount")).url(), url, sha));
            JobResult ok = node.run(job);
            assertThat(ok.stdout()).as(ok.message()).contains("2 4 19 /inputs/words.txt");

            JobResult bad = node.run(job.toBuilder().input(new dev.bacalhau4j.api.InputSource(
                    new dev.bacalhau4j.api.UrlSource(url.replace("words", "nothing"), ""), "", "/inputs/missing.txt"))
                    .build());
            assertThat(bad.state()).isEqualTo(JobState.FAILED);
            assertThat(bad.message()).startsWith("staging: Tasks[0].InputSources[1].Source.Params.URL:")
                    .contains("answered HTTP 404");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldRefuseLocalInputsOutsideTheAllowList() throws Exception {
        Path allowed = Files.createDirectories(tmp.resolve("allowed"));
        Path secret = Files.createDirectories(tmp.resolve("secret"));
        Files.createSymbolicLink(allowed.resolve("escape"), secret);
        try (Bacalhau node = Bacalhau.builder().inMemory().allowLocalPath(allowed).build()) {
            JobResult result = node.run(Job.wasm(Programs.wasm("trivial")).inputLocal(allowed.resolve("escape"), "/in").build());

            assertThat(result.state()).isEqualTo(JobState.FAILED);
            assertThat(result.message()).as("refused at submit, not at staging")
                    .contains("refuses this task: Tasks[0].InputSources[0].Source.Params.SourcePath:")
                    .contains("is not under an allowed local path");
            assertThat(result.executions()).as("nothing was queued or staged").isEmpty();

            JobResult outside = node.run(Job.wasm(Programs.wasm("trivial")).inputLocal(secret, "/in").build());
            assertThat(outside.message()).contains("Tasks[0].InputSources[0].Source.Params.SourcePath: " + secret)
                    .contains("is not under an allowed local path");
            assertThat(outside.executions()).isEmpty();
        }
        try (Bacalhau none = Bacalhau.builder().inMemory().build()) {
            JobResult disabled = none.run(Job.wasm(Programs.wasm("trivial")).inputLocal(secret, "/in").build());
            assertThat(disabled.state()).isEqualTo(JobState.FAILED);
            assertThat(disabled.message()).contains("Tasks[0].InputSources[0].Source.Params.SourcePath: local inputs"
                    + " are disabled on this node");
            assertThat(disabled.executions()).isEmpty();
        }
    }

    @Test
    void shouldFailJobsThisNodeCannotRunWithTheReason() throws Exception {
        try (Bacalhau node = Bacalhau.builder().inMemory().noRuntimeDiscovery()
                .runtime(new dev.bacalhau4j.runtime.function.WasmRuntime()).build()) {
            JobResult docker = node.run(Job.docker("local/busybox:1").build());
            assertThat(docker.state()).isEqualTo(JobState.FAILED);
            assertThat(docker.message()).contains("no runtime for engine 'docker'").contains("available: wasm");

            JobResult verified = node.run(Job.wasm(Programs.wasm("trivial")).verify(3).build());
            assertThat(verified.state()).isEqualTo(JobState.FAILED);
            assertThat(verified.message()).contains("needs 3 distinct compute nodes");

            assertThatThrownBy(() -> node.submit(Job.wasm(Programs.wasm("trivial")).output("", "outputs").build()))
                    .isInstanceOf(InvalidJobException.class);
        }
    }

    @Test
    void shouldRecordEveryTransitionInOrder() throws Exception {
        try (Bacalhau node = Bacalhau.builder().inMemory().build()) {
            JobHandle handle = node.submit(trivial());
            List<JobEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            handle.onEvent(seen::add);
            handle.await(Duration.ofSeconds(30));

            List<JobEvent> history = node.history(handle.id());
            assertThat(history).extracting(JobEvent::state).containsExactly("PENDING", "QUEUED", "RUNNING", "NEW",
                    "BID_ACCEPTED", "RUNNING", "PUBLISHING", "COMPLETED", "COMPLETED");
            assertThat(history).extracting(JobEvent::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(history).allSatisfy(e -> assertThat(e.jobId()).isEqualTo(handle.id()));
            assertThat(history.subList(history.size() - seen.size(), history.size())).isEqualTo(seen);
        }
    }
}
