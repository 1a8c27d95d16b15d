package dev.bacalhau4j.e2e;

import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.JobHandle;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM by {@link EmbeddedNodeTest}: opens a node on args[0], completes one job,
 * starts an endless one, prints {@code RUNNING <completed-id> <running-id>} and waits to be killed.
 */
public final class NodeCrashProbe {
    public static void main(String[] args) throws Exception {
        Bacalhau node = Bacalhau.builder().directory(Path.of(args[0])).build();
        String done = node.run(Job.wasm(Programs.wasm("trivial")).name("finished-before-crash").build()).jobId();
        JobHandle endless = node.submit(Job.wasm(Programs.wasm("loop")).name("running-at-crash")
                .timeout(Duration.ofHours(1)).build());
        // wait until the execution itself runs, not only the job
        while (endless.events().stream().noneMatch(e -> !e.isJobEvent() && e.state().equals("RUNNING"))) {
            Thread.sleep(5);
        }
        System.out.println("RUNNING " + done + " " + endless.id());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
