package dev.bacalhau4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.JobHandle;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code job executions}, {@code job logs}, {@code job stop} and {@code node list}, against a real node directory. */
class JobVerbsCliTest {

    @TempDir
    Path nodeDir;

    @TempDir
    Path work;

    private static Path wasm(String name) throws Exception {
        return Path.of(JobVerbsCliTest.class.getResource("/wasm/" + name).toURI());
    }

    private String runEcho(String... args) throws Exception {
        return runEcho(0, args);
    }

    private String runEcho(int exitCode, String... args) throws Exception {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("wasm", "run", wasm("echo.wasm").toString()));
        all.addAll(java.util.List.of(args));
        all.add("--id-only");
        CliRun run = CliRun.run(nodeDir, all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        return run.out().strip();
    }

    /**
     * Leaves {@code queued} queued in the node directory: it is submitted while a looping job holds
     * the only execution slot, then the node closes (the loop ends Stopped, {@code queued} stays
     * Queued for the next opening of the node).
     */
    private String leaveQueued(Job queued) throws Exception {
        try (Bacalhau node = Bacalhau.builder().directory(nodeDir).maxConcurrentExecutions(1).fuse(false).build()) {
            JobHandle busy = node.submit(Job.wasm(wasm("loop.wasm")).timeout(Duration.ofMinutes(10)).build());
            while (busy.state() != JobState.RUNNING) {
                assertThat(busy.state().isTerminal()).as("the looping job ended early").isFalse();
                Thread.sleep(10);
            }
            JobHandle waiting = node.submit(queued);
            assertThat(waiting.state()).isEqualTo(JobState.QUEUED);
            return waiting.id();
        }
    }

    @Test
    void shouldListExecutionsWithNodeStateExitCodeAndPublishedLocation() throws Exception {
        String id = runEcho(3, "-e", "EXIT_CODE=3");

        CliRun table = CliRun.run(nodeDir, "job", "executions", id);
        CliRun json = CliRun.run(nodeDir, "job", "executions", id, "--output", "json");
        CliRun yaml = CliRun.run(nodeDir, "job", "executions", id, "--output", "yaml");

        assertThat(table.exitCode()).as(table.toString()).isZero();
        String nodeId = CliRun.run(nodeDir, "node", "list", "--output", "json").out()
                .replaceAll("(?s).*\"Id\" : \"(n-[a-z2-7]+)\".*", "$1");
        assertThat(table.out().lines().toList()).hasSize(2);
        assertThat(table.out().lines().findFirst().orElseThrow()).matches("ID +NODE +STATE +EXIT CODE +PUBLISHED");
        assertThat(table.out()).containsPattern("e-\\S+ +" + nodeId + " +Completed +3 +ipfs://Qm\\S+\n");
        JsonNode tree = new ObjectMapper().readTree(json.out());
        assertThat(tree).hasSize(1);
        assertThat(tree.at("/0/Id").asText()).startsWith("e-");
        assertThat(tree.at("/0/NodeId").asText()).isEqualTo(nodeId);
        assertThat(tree.at("/0/State").asText()).isEqualTo("Completed");
        assertThat(tree.at("/0/ExitCode").asInt()).isEqualTo(3);
        assertThat(tree.at("/0/Published").asText()).startsWith("ipfs://Qm");
        assertThat(yaml.out()).contains("- Id: e-", "NodeId: " + nodeId, "ExitCode: 3");
    }

    @Test
    void shouldPrintStdoutThenStderrOfTheExecution() throws Exception {
        String id = runEcho("logged", "words");

        CliRun logs = CliRun.run(nodeDir, "job", "logs", id);
        CliRun followed = CliRun.run(nodeDir, "job", "logs", "--follow", id);

        assertThat(logs.exitCode()).as(logs.toString()).isZero();
        assertThat(logs.out()).contains("argv[1]=logged\nargv[2]=words\n").doesNotContain("to-stderr", "Note:");
        assertThat(logs.err()).contains("to-stderr").doesNotContain("Note:", "Error:");
        assertThat(followed.out()).isEqualTo(logs.out());
        assertThat(followed.err()).isEqualTo(logs.err());
    }

    @Test
    void shouldWaitForAQueuedJobToEndWhenFollowingItsLogs() throws Exception {
        String id = leaveQueued(Job.wasm(wasm("echo.wasm")).args("after", "waiting").build());

        CliRun logs = CliRun.run(nodeDir, "job", "logs", "-f", id);

        assertThat(logs.exitCode()).as(logs.toString()).isZero();
        assertThat(logs.out()).contains("argv[1]=after\nargv[2]=waiting\n");
        assertThat(CliRun.run(nodeDir, "job", "describe", id).out()).contains("State:       Completed");
    }

    @Test
    void shouldSayAJobHasNoLogsYetWithoutFollow() throws Exception {
        String id = leaveQueued(Job.wasm(wasm("loop.wasm")).timeout(Duration.ofMinutes(10)).build());

        // opening the node queues the job again; closing it at the end of the command stops it
        CliRun logs = CliRun.run(nodeDir, "job", "logs", id);

        assertThat(logs.exitCode()).as(logs.toString()).isZero();
        assertThat(logs.out()).isEmpty();
        assertThat(logs.err()).contains("Note: job " + id + " is ", "--follow waits for the job to end");
    }

    @Test
    void shouldStopAJobThatHasNotEnded() throws Exception {
        String id = leaveQueued(Job.wasm(wasm("loop.wasm")).timeout(Duration.ofMinutes(10)).build());

        CliRun stop = CliRun.run(nodeDir, "job", "stop", id);

        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.out()).isEqualTo("Job " + id + " stopped (state Stopped)\n");
        CliRun describe = CliRun.run(nodeDir, "job", "describe", id);
        assertThat(describe.out()).contains("State:       Stopped", "stopped by the user");
    }

    @Test
    void shouldExitOneSayingSoWhenStoppingAJobThatEnded() throws Exception {
        String id = runEcho();

        CliRun stop = CliRun.run(nodeDir, "job", "stop", id);
        CliRun unknown = CliRun.run(nodeDir, "job", "stop", "j-nope");

        assertThat(stop.exitCode()).as(stop.toString()).isEqualTo(1);
        assertThat(stop.err()).isEqualTo("Error: job " + id + " already ended (Completed); nothing to stop\n");
        assertThat(stop.out()).isEmpty();
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().lines()).singleElement().asString().contains("no job 'j-nope'");
    }

    @Test
    void shouldListTheEmbeddedNodeWithItsEngines() throws Exception {
        CliRun table = CliRun.run(nodeDir, "node", "list");
        CliRun json = CliRun.run(nodeDir, "node", "list", "--output", "json");
        CliRun yaml = CliRun.run(nodeDir, "node", "ls", "--output", "yaml");

        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow()).matches("ID +TYPE +ENGINE +STATUS");
        assertThat(table.out()).containsPattern("n-[a-z2-7]+ +embedded +wasm +available\n");
        JsonNode tree = new ObjectMapper().readTree(json.out());
        assertThat(tree).hasSize(1);
        assertThat(tree.at("/0/Id").asText()).startsWith("n-");
        assertThat(tree.at("/0/Type").asText()).isEqualTo("embedded");
        assertThat(tree.at("/0/Directory").asText()).isEqualTo(nodeDir.toString());
        JsonNode wasmEngine = null;
        for (JsonNode e : tree.at("/0/Engines")) {
            if (e.get("Type").asText().equals("wasm")) wasmEngine = e;
        }
        assertThat(wasmEngine).as(json.out()).isNotNull();
        assertThat(wasmEngine.get("Available").asBoolean()).isTrue();
        assertThat(yaml.out()).contains("- Id: " + tree.at("/0/Id").asText(), "Type: embedded");
    }

    @Test
    void shouldPrintOnlyTheLogsWhenJobRunFollows() throws Exception {
        Path module = wasm("echo.wasm");
        Path spec = java.nio.file.Files.writeString(work.resolve("job.yaml"), """
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
                        Parameters: [followed]
                    Env:
                      EXIT_CODE: "5"
                """.formatted(module));
        CliRun follow = CliRun.run(nodeDir, "job", "run", spec.toString(), "--follow",
                "--allow-local-path", module.getParent().toString());
        CliRun withFile = CliRun.run(nodeDir, "job", "run", "-f", spec.toString(), "--follow",
                "--allow-local-path", module.getParent().toString());
        CliRun idOnly = CliRun.run(nodeDir, "job", "run", spec.toString(), "--follow", "--id-only");

        assertThat(follow.exitCode()).as(follow.toString()).isEqualTo(5);
        assertThat(follow.out()).contains("argv[1]=followed\n").doesNotContain("Job ID:", "State:", "Exit code:");
        assertThat(follow.err()).contains("to-stderr").doesNotContain("Error:");
        assertThat(withFile.exitCode()).as(withFile.toString()).isEqualTo(5);
        assertThat(withFile.out()).isEqualTo(follow.out());
        assertThat(idOnly.exitCode()).isEqualTo(2);
        assertThat(idOnly.err()).startsWith("Error: --follow prints the job's logs");
    }

    @Test
    void shouldPrintOnlyTheOutputWhenARunCommandFollows() throws Exception {
        CliRun follow = CliRun.run(nodeDir, "wasm", "run", wasm("echo.wasm").toString(), "followed", "-e", "EXIT_CODE=4",
                "--follow");
        CliRun idOnly = CliRun.run(nodeDir, "wasm", "run", wasm("echo.wasm").toString(), "--follow", "--id-only");

        assertThat(follow.exitCode()).as(follow.toString()).isEqualTo(4);
        assertThat(follow.out()).contains("argv[1]=followed\n").doesNotContain("Job ID:", "State:", "Exit code:");
        assertThat(follow.err()).contains("to-stderr").doesNotContain("Error:");
        assertThat(idOnly.exitCode()).isEqualTo(2);
        assertThat(idOnly.err()).startsWith("Error: --follow prints the job's logs");
    }

    @Test
    void shouldPrintAFollowedJobsOutputWhileItRuns() throws Exception {
        // prints, then spins until its 10-minute timeout: output seen within the deadline came live
        String script = java.util.Base64.getEncoder().encodeToString(
                "console.log('first'); while (true) {}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path spec = java.nio.file.Files.writeString(work.resolve("spin.yaml"), """
                Type: batch
                Tasks:
                  - Name: main
                    Engine:
                      Type: function
                      Params:
                        Language: javascript
                        Source:
                          Source: {Type: inline, Params: {URL: "data:application/octet-stream;base64,%s"}}
                          Target: /function/spin.js
                    Timeouts: {ExecutionTimeout: 600}
                """.formatted(script));
        java.util.concurrent.CountDownLatch printed = new java.util.concurrent.CountDownLatch(1);
        java.io.StringWriter out = new java.io.StringWriter() {
            @Override
            public void flush() {
                if (toString().contains("first\n")) printed.countDown();
            }
        };
        picocli.CommandLine cl = Main.commandLine();
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(new java.io.StringWriter(), true));
        java.util.concurrent.atomic.AtomicInteger exit = new java.util.concurrent.atomic.AtomicInteger(-100);
        Thread cli = new Thread(() -> exit.set(cl.execute("--node-dir", nodeDir.toString(), "job", "run",
                spec.toString(), "--follow")), "cli");
        cli.start();
        try {
            assertThat(printed.await(120, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the job's output while it runs: " + out).isTrue();
            assertThat(cli.isAlive()).as("the job still runs").isTrue();
        } finally {
            cli.interrupt(); // ends the wait; closing the embedded node stops the job
            cli.join(120_000);
        }
        assertThat(cli.isAlive()).isFalse();
        assertThat(out.toString()).isEqualTo("first\n");
        CliRun history = CliRun.run(nodeDir, "job", "list");
        assertThat(history.out()).contains("Stopped");
    }

    @Test
    void shouldListOnlyTheJobsWhoseLabelsMatchTheSelector() throws Exception {
        String prod = runEcho("a", "-l", "env=prod,region=eu");
        String dev = runEcho("b", "-l", "env=dev");

        CliRun list = CliRun.run(nodeDir, "job", "list", "--labels", "env=prod");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains(prod).doesNotContain(dev);
        CliRun either = CliRun.run(nodeDir, "job", "list", "--labels", "env in (prod,dev),!gpu");
        assertThat(either.out()).contains(prod, dev);

        CliRun bad = CliRun.run(nodeDir, "job", "list", "--labels", "env >> prod");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--labels: cannot read 'env >> prod'");
    }
}
