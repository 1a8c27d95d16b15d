package dev.bacalhau4j.e2e;

import dev.bacalhau4j.core.Bacalhau;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM by the peers tests: a compute node on NATS {@code args[0]} with directory
 * {@code args[1]}, then options {@code trust=ID}, {@code label=K=V}, {@code add=TEXT} (adds and
 * pins TEXT, printing {@code CID <cid>}), {@code corrupt}, {@code slots=N}. Prints
 * {@code READY <node-id> <gateway>} and serves until killed.
 */
public final class ComputeProbe {
    public static void main(String[] args) throws Exception {
        Bacalhau.Builder b = Bacalhau.builder().nats(URI.create(args[0])).directory(Path.of(args[1]))
                .orchestrator(false).compute(true).heartbeat(Duration.ofMillis(200)).fuse(false);
        String add = null;
        for (int i = 2; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("trust=")) b.trustOrchestrator(a.substring(6));
            else if (a.startsWith("label=")) {
                String[] kv = a.substring(6).split("=", 2);
                b.label(kv[0], kv[1]);
            } else if (a.startsWith("add=")) add = a.substring(4);
            else if (a.equals("corrupt")) b.corruptResultsForTesting(true);
            else if (a.startsWith("slots=")) b.maxConcurrentExecutions(Integer.parseInt(a.substring(6)));
            else throw new IllegalArgumentException("unknown option " + a);
        }
        Bacalhau node = b.build();
        if (add != null) {
            System.out.println("CID " + node.ipfs().add(add.getBytes(StandardCharsets.UTF_8)));
        }
        System.out.println("READY " + node.info().nodeId() + " " + node.info().gatewayAddress().orElseThrow());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
