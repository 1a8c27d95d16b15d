package dev.bacalhau4j.ipfs.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bacalhau4j.ipfs.block.BlockNotFoundException;
import dev.bacalhau4j.ipfs.block.Blockstore;
import dev.bacalhau4j.ipfs.car.CarExport;
import dev.bacalhau4j.ipfs.exporter.Exporter;
import dev.bacalhau4j.ipfs.exporter.Resolution;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An IPFS trustless gateway over a blockstore: {@code GET/HEAD /ipfs/{cid}[/path]} answered as a
 * raw block ({@code ?format=raw}, {@code Accept: application/vnd.ipld.raw}) or a CAR v1 stream in
 * DFS order without duplicates ({@code ?format=car}, {@code Accept: application/vnd.ipld.car}),
 * with {@code dag-scope=all|entity|block}. Only verifiable responses are served: a request for
 * neither format gets 406. The server owns its listener thread and a small worker pool, both
 * stopped by {@link #close()}; it does not own the blockstore.
 */
public final class GatewayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    private static final String IMMUTABLE = "public, max-age=29030400, immutable";

    private final HttpServer server;
    private final ExecutorService workers;
    private final Blockstore store;
    private final Exporter exporter;
    private volatile boolean closed;

    private GatewayServer(HttpServer server, ExecutorService workers, Blockstore store) {
        this.server = server;
        this.workers = workers;
        this.store = store;
        this.exporter = new Exporter(store);
    }

    /**
     * Starts a gateway on {@code address} (port 0 picks a free port) with {@code threads} workers.
     *
     * @param store the blocks to serve; not closed with the server
     * @param address where to listen
     * @param threads how many requests are served at once
     * @return the running server; the caller closes it
     * @throws IOException when the address cannot be bound
     */
    public static GatewayServer start(Blockstore store, InetSocketAddress address, int threads) throws IOException {
        HttpServer http = HttpServer.create(address, 64);
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bacalhau4j-gateway-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        GatewayServer gateway = new GatewayServer(http, workers, store);
        http.createContext("/", gateway::handle);
        http.setExecutor(workers);
        http.start();
        return gateway;
    }

    /**
     * Starts on 127.0.0.1 with a free port and four workers.
     *
     * @param store the blocks to serve; not closed with the server
     * @return the running server; the caller closes it
     * @throws IOException when no port can be bound
     */
    public static GatewayServer startLocal(Blockstore store) throws IOException {
        return start(store, new InetSocketAddress("127.0.0.1", 0), 4);
    }

    /**
     * The base URL, e.g. {@code http://127.0.0.1:40123}, to give to a {@link GatewayClient}.
     *
     * @return the base URL
     */
    public URI address() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getHostString() + ":" + a.getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                fail(exchange, 405, method + " is not supported; use GET or HEAD");
                return;
            }
            GatewayRequest request;
            try {
                request = GatewayRequest.parse(exchange.getRequestURI(),
                        exchange.getRequestHeaders().getFirst("Accept"));
            } catch (GatewayRequest.BadRequest e) {
                fail(exchange, e.status, e.getMessage());
                return;
            }
            serve(exchange, request, method.equals("HEAD"));
        } catch (IOException | RuntimeException e) {
            // The client went away mid-stream, or a block vanished mid-CAR: the response is cut
            // short, which a verifying client detects; nothing else to tell.
            LOG.debug("gateway request {} ended early: {}", exchange.getRequestURI(), e.toString());
        }
    }

    private void serve(HttpExchange exchange, GatewayRequest request, boolean head) throws IOException {
        if (request.format() == GatewayRequest.Format.NONE) {
            fail(exchange, 406, "this is a trustless gateway: ask for ?format=raw or ?format=car "
                    + "(or Accept: application/vnd.ipld.raw / application/vnd.ipld.car)");
            return;
        }
        Resolution target;
        try {
            target = exporter.resolve(request.root(), request.segments());
        } catch (NoSuchFileException | BlockNotFoundException e) {
            fail(exchange, 404, e.getMessage());
            return;
        } catch (IOException e) {
            fail(exchange, 400, e.getMessage());
            return;
        }
        if (!store.has(target.cid())) {
            fail(exchange, 404, "block not found: " + target.cid());
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Cache-Control", IMMUTABLE);
        headers.set("X-Ipfs-Roots", target.cid().toString());
        if (request.format() == GatewayRequest.Format.RAW) {
            byte[] block = store.get(target.cid()).orElse(null);
            if (block == null) {
                fail(exchange, 404, "block not found: " + target.cid());
                return;
            }
            headers.set("Content-Type", GatewayRequest.RAW_TYPE);
            headers.set("Etag", "\"" + target.cid() + ".raw\"");
            headers.set("Content-Disposition", "attachment; filename=\"" + target.cid() + ".bin\"");
            exchange.sendResponseHeaders(200, head ? -1 : block.length);
            if (!head) {
                exchange.getResponseBody().write(block);
            }
            return;
        }
        headers.set("Content-Type", GatewayRequest.CAR_TYPE + "; version=1; order=dfs; dups=n");
        headers.set("Etag", "\"" + target.cid() + ".car." + request.scope().name().toLowerCase() + "\"");
        headers.set("Content-Disposition", "attachment; filename=\"" + target.cid() + ".car\"");
        exchange.sendResponseHeaders(200, head ? -1 : 0);
        if (!head) {
            OutputStream body = exchange.getResponseBody();
            CarExport.write(store, request.root(), target.traversed(), target.cid(), request.scope(), body);
        }
    }

    private static void fail(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            exchange.getResponseBody().write(body);
        }
    }

    /** Stops accepting and stops the workers; responses in flight are cut short (a verifying client sees that). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        workers.shutdownNow();
    }

    /** For logs: which CIDs this gateway serves. */
    @Override
    public String toString() {
        return "GatewayServer[" + address() + "]";
    }

}
