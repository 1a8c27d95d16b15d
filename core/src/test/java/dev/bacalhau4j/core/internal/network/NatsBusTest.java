package dev.bacalhau4j.core.internal.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The signed transport and the live set over a real nats-server. */
class NatsBusTest {
    private static NatsServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = NatsServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static NatsBus bus() {
        return NatsBus.connect(server.uri(), new EnvelopeCodec(NodeKeys.generate(), Clock.systemUTC()));
    }

    @Test
    void shouldDeliverSignedMessagesAndDropForgedOnes() throws Exception {
        try (NatsBus a = bus(); NatsBus b = bus()) {
            BlockingQueue<Envelope> received = new LinkedBlockingQueue<>();
            List<NatsBus.Dropped> dropped = new CopyOnWriteArrayList<>();
            b.onDropped(dropped::add);
            b.subscribe("t.one", m -> {
                received.add(m);
                return null;
            });
            b.flush(Duration.ofSeconds(2));
            a.publish("t.one", "test", new Messages.Hello("genuine"));
            Envelope got = received.poll(5, TimeUnit.SECONDS);
            assertThat(got).isNotNull();
            assertThat(got.from()).isEqualTo(a.nodeId());

            ObjectMapper json = new ObjectMapper();
            ObjectNode forged = (ObjectNode) json.readTree(a.codec().seal("test", new Messages.Hello("genuine")));
            forged.put("payload", "{\"orchestratorId\":\"forged\"}");
            a.publishRaw("t.one", json.writeValueAsBytes(forged));
            a.publishRaw("t.one", "{\"type\":\"test\",\"payload\":\"{}\"}".getBytes()); // unsigned
            a.publish("t.one", "test", new Messages.Hello("after"));
            Envelope after = received.poll(5, TimeUnit.SECONDS);
            assertThat(b.codec().payload(after, Messages.Hello.class).orchestratorId()).isEqualTo("after");
            assertThat(received).isEmpty();
            assertThat(dropped).hasSize(2);
            assertThat(dropped.get(0).reason()).contains("does not verify");
        }
    }

    @Test
    void shouldAnswerRequestsWithSignedReplies() throws Exception {
        try (NatsBus a = bus(); NatsBus b = bus()) {
            b.subscribe("t.ask", m -> new NatsBus.Reply("ack", new Messages.Ack("x", true, "hi " + m.from())));
            b.flush(Duration.ofSeconds(2));
            Envelope reply = a.request("t.ask", "q", new Messages.Hello("q"), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
            assertThat(reply.from()).isEqualTo(b.nodeId());
            assertThat(a.codec().payload(reply, Messages.Ack.class).reason()).isEqualTo("hi " + a.nodeId());
        }
    }

    @Test
    void shouldKeepTheLiveSetAndLoseANodeThatStopsHeartbeating() throws Exception {
        try (NatsBus orchestrator = bus(); NatsBus compute = bus()) {
            LiveNodes live = new LiveNodes(3);
            List<String> lost = new CopyOnWriteArrayList<>();
            live.onLost(lost::add);
            orchestrator.subscribe(Protocol.NODE_INFO, m -> {
                live.heard(m.from(), orchestrator.codec().payload(m, Messages.NodeInfo.class));
                return null;
            });
            orchestrator.flush(Duration.ofSeconds(2));
            Messages.NodeInfo info = new Messages.NodeInfo(List.of("wasm"), 2, 8, 0, 2000, 1L << 30,
                    Map.of("region", "eu"), List.of(), "", List.of(), 50);
            for (int i = 0; i < 5; i++) {
                compute.publish(Protocol.NODE_INFO, Protocol.T_NODE_INFO, info);
                Thread.sleep(50);
                live.expire();
            }
            assertThat(live.isLive(compute.nodeId())).isTrue();
            assertThat(live.get(compute.nodeId()).orElseThrow().info().labels()).containsEntry("region", "eu");
            Thread.sleep(250); // > 3 intervals of 50 ms without a heartbeat
            live.expire();
            assertThat(live.isLive(compute.nodeId())).isFalse();
            assertThat(lost).containsExactly(compute.nodeId());
        }
    }
}
