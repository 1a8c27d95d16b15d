package dev.bacalhau4j.e2e;

import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.ipfs.Cid;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link NodeKillTest}: opens a node on args[0] and submits a stream of WASM
 * jobs (word counts over an IPFS input, echoes), printing {@code SUBMITTED <id>} once each submit
 * has returned, until it is killed.
 */
public final class JobStreamProbe {
    public static void main(String[] args) throws Exception {
        Bacalhau node = Bacalhau.builder().directory(Path.of(args[0])).maxConcurrentExecutions(2).build();
        Cid data = node.ipfs().add(Programs.exampleData("wordcount"));
        System.out.println("READY");
        System.out.flush();
        for (int i = 0; ; i++) {
            Job job = i % 2 == 0
                    ? Job.wasm(Programs.wasm("wordcount")).inputIpfs(data.toString(), "/inputs")
                            .output("outputs", "/outputs").name("wordcount-" + i).build()
                    : Job.wasm(Programs.wasm("echo")).args("job", String.valueOf(i)).output("outputs", "/outputs")
                            .name("echo-" + i).build();
            String id = node.submit(job).id();
            System.out.println("SUBMITTED " + id);
            System.out.flush();
            Thread.sleep(5);
        }
    }
}
