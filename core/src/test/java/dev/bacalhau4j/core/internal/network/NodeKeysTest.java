package dev.bacalhau4j.core.internal.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NodeKeys signs with Bouncy Castle: its signatures must be the JDK's standard Ed25519, both ways. */
class NodeKeysTest {
    @TempDir
    Path tmp;

    private final byte[] data = "an envelope's signed bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldMakeSignaturesTheJdkVerifies() throws Exception {
        NodeKeys keys = NodeKeys.loadOrCreate(tmp);
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(keys.publicKey());
        jdk.update(data);
        assertThat(jdk.verify(keys.sign(data))).isTrue();
    }

    @Test
    void shouldVerifySignaturesTheJdkMadeAndRefuseOthers() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(pair.getPrivate());
        jdk.update(data);
        byte[] signature = jdk.sign();
        byte[] key = NodeKeys.rawPublicKey(pair.getPublic().getEncoded());

        assertThat(NodeKeys.verify(key, signature, data)).isTrue();
        byte[] other = data.clone();
        other[0] ^= 1;
        assertThat(NodeKeys.verify(key, signature, other)).isFalse();
        assertThat(NodeKeys.verify(key, java.util.Arrays.copyOf(signature, 63), data)).isFalse();
        assertThat(NodeKeys.verify(NodeKeys.rawPublicKey(NodeKeys.generate().publicKey().getEncoded()), signature, data))
                .isFalse();
    }

    @Test
    void shouldRefuseAKeyThatIsNotAnX509Ed25519Key() throws Exception {
        byte[] rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded();
        assertThatThrownBy(() -> NodeKeys.rawPublicKey(rsa)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an X.509-encoded Ed25519 public key");
    }
}
