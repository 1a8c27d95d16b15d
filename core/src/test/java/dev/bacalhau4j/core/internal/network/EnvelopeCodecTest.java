package dev.bacalhau4j.core.internal.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvelopeCodecTest {
    @TempDir
    Path tmp;

    private final NodeKeys alice = NodeKeys.generate();
    private final EnvelopeCodec sender = new EnvelopeCodec(alice, Clock.systemUTC());
    private final EnvelopeCodec receiver = new EnvelopeCodec(NodeKeys.generate(), Clock.systemUTC());
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldOpenWhatWasSealed() throws Exception {
        Envelope e = receiver.open(sender.seal("test", new Messages.Hello("x")));
        assertThat(e.from()).isEqualTo(alice.nodeId());
        assertThat(receiver.payload(e, Messages.Hello.class).orchestratorId()).isEqualTo("x");
    }

    @Test
    void shouldDropATamperedPayload() throws Exception {
        ObjectNode e = (ObjectNode) json.readTree(sender.seal("test", new Messages.Hello("x")));
        e.put("payload", "{\"orchestratorId\":\"y\"}");
        assertThatThrownBy(() -> receiver.open(json.writeValueAsBytes(e))).isInstanceOf(RejectedMessageException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void shouldDropAnUnsignedMessage() throws Exception {
        ObjectNode e = (ObjectNode) json.readTree(sender.seal("test", new Messages.Hello("x")));
        e.put("signature", "");
        assertThatThrownBy(() -> receiver.open(json.writeValueAsBytes(e))).hasMessageContaining("unsigned");
        e.remove("signature");
        assertThatThrownBy(() -> receiver.open(json.writeValueAsBytes(e))).isInstanceOf(RejectedMessageException.class);
    }

    @Test
    void shouldDropASenderIdThatTheKeyDoesNotBack() throws Exception {
        NodeKeys mallory = NodeKeys.generate();
        ObjectNode e = (ObjectNode) json.readTree(new EnvelopeCodec(mallory, Clock.systemUTC())
                .seal("test", new Messages.Hello("x")));
        e.put("from", alice.nodeId()); // claims to be alice, signed by mallory
        assertThatThrownBy(() -> receiver.open(json.writeValueAsBytes(e))).hasMessageContaining("does not derive");
    }

    @Test
    void shouldDropAReplayAndAStaleMessage() throws Exception {
        byte[] wire = sender.seal("test", new Messages.Hello("x"));
        receiver.open(wire);
        assertThatThrownBy(() -> receiver.open(wire)).hasMessageContaining("already received");
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        byte[] old = new EnvelopeCodec(alice, past).seal("test", new Messages.Hello("x"));
        assertThatThrownBy(() -> receiver.open(old)).hasMessageContaining("away from this node's clock");
        assertThatThrownBy(() -> receiver.open("not json".getBytes())).hasMessageContaining("not a signed envelope");
    }

    @Test
    void shouldRememberABoundedNumberOfSendersAndStillDropTheReplayOfAForgottenOne() throws Exception {
        byte[] first = sender.seal("test", new Messages.Hello("x"));
        receiver.open(first);
        for (int i = 0; i < EnvelopeCodec.MAX_SENDERS + 50; i++) {
            receiver.open(new EnvelopeCodec(NodeKeys.generate(), Clock.systemUTC()).seal("test", new Messages.Hello("x")));
        }
        assertThat(receiver.rememberedSenders()).isEqualTo(EnvelopeCodec.MAX_SENDERS);
        assertThatThrownBy(() -> receiver.open(first)).as("alice was forgotten, her old message is not accepted")
                .hasMessageContaining("older than what this node still remembers");
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(1)); // her next message, a later time
        assertThat(receiver.open(new EnvelopeCodec(alice, later).seal("test", new Messages.Hello("y"))).from())
                .isEqualTo(alice.nodeId());
    }

    @Test
    void shouldKeepTheIdentityAcrossReloadsAndDeriveTheIdFromTheKey() throws Exception {
        NodeKeys first = NodeKeys.loadOrCreate(tmp);
        NodeKeys again = NodeKeys.loadOrCreate(tmp);
        assertThat(again.nodeId()).isEqualTo(first.nodeId()).startsWith("n-").hasSize(2 + 26);
        assertThat(NodeKeys.idOf(first.publicKey().getEncoded())).isEqualTo(first.nodeId());
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("node-key")))).isEqualTo("rw-------");
    }
}
