package dev.bacalhau4j.e2e;

import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.JobHandle;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM by the fault tests ({@link ChildOrchestrator}): an orchestrator on NATS
 * {@code args[0]} with directory {@code args[1]}; prints {@code ORCH <id>}. With {@code args[2]}
 * {@code serve} it then only serves its jobs and API until killed; otherwise it waits for a line on
 * stdin, submits a cpubound job of {@code args[2]} iterations, prints {@code JOB <id>} once an
 * execution runs, and waits to be killed.
 */
public final class OrchestratorProbe {
    public static void main(String[] args) throws Exception {
        Bacalhau node = Bacalhau.builder().nats(URI.create(args[0])).directory(Path.of(args[1]))
                .orchestrator(true).compute(false).heartbeat(Duration.ofMillis(200))
                .missedHeartbeats(Orchestrators.MISSED_HEARTBEATS).fuse(false).build();
        System.out.println("ORCH " + node.info().nodeId());
        System.out.flush();
        if (args[2].equals("serve")) Thread.sleep(Long.MAX_VALUE);
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        JobHandle job = node.submit(Job.wasm(Programs.wasm("cpubound")).args(args[2]).build());
        while (job.events().stream().noneMatch(e -> !e.isJobEvent() && e.state().equals("RUNNING"))) {
            Thread.sleep(5);
        }
        System.out.println("JOB " + job.id());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
