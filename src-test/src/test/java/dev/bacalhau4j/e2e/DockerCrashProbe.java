package dev.bacalhau4j.e2e;

import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.JobHandle;
import dev.bacalhau4j.ipfs.Cid;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM by {@link DockerNodeLifecycleTest}: opens a node on args[0] (with its FUSE
 * mount), adds the tree args[2], submits a long docker job in image args[1] that reads it through
 * the mount, prints {@code RUNNING <job-id> <node-id> <cid>} once the execution runs, and waits
 * to be killed.
 */
public final class DockerCrashProbe {
    public static void main(String[] args) throws Exception {
        Bacalhau node = Bacalhau.builder().directory(Path.of(args[0])).build();
        Cid input = node.ipfs().add(Path.of(args[2]));
        JobHandle job = node.submit(DockerJobs.sh(args[1], "cat /inputs/a.txt; sleep 600")
                .inputIpfs(input.toString(), "/inputs").name("running-at-crash").timeout(Duration.ofHours(1)).build());
        while (job.events().stream().noneMatch(e -> !e.isJobEvent() && e.state().equals("RUNNING"))) {
            Thread.sleep(5);
        }
        System.out.println("RUNNING " + job.id() + " " + node.info().nodeId() + " " + input);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
