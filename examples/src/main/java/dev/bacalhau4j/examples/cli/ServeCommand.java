package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.NodeInfo;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j serve}: runs the node until interrupted, serving its blocks over HTTP. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the node in the foreground until Ctrl-C, with its IPFS trustless gateway "
                + "(GET /ipfs/{cid}?format=raw|car) listening on 127.0.0.1, so peers and IPFS tools can fetch "
                + "its results."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--gateway-port", paramLabel = "PORT", description = "Gateway port on 127.0.0.1 (0: any free port). Default: ${DEFAULT-VALUE}.")
    int gatewayPort = 8080;

    /** Released to stop a server started in-process (tests); Ctrl-C stops a real one. */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        if (gatewayPort < 0 || gatewayPort > 65535) {
            throw new UsageException("--gateway-port: must be 0..65535 (got " + gatewayPort + ")");
        }
        Bacalhau node = BacalhauCommand.of(spec).openNode(List.of(),
                b -> b.serveGateway(new InetSocketAddress(InetAddress.getLoopbackAddress(), gatewayPort)));
        Thread hook = new Thread(node::close, "bacalhau4j-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            NodeInfo info = node.info();
            var out = spec.commandLine().getOut();
            out.println("Node " + info.nodeId() + " serving on " + info.directory().map(Object::toString).orElse("memory"));
            out.println("Gateway: " + info.gatewayAddress().map(Object::toString).orElse("none"));
            out.println("Engines: " + String.join(", ", info.engines().keySet()));
            out.flush();
            stop.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is closing the node already
            }
            node.close();
        }
        return ExitCodes.OK;
    }
}
