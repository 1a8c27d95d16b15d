package dev.bacalhau4j.core.internal.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A node's Ed25519 identity: its key pair and the node id derived from the public key
 * ({@code n-} + base32 of the first 16 bytes of SHA-256 over the X.509-encoded public key), so
 * anyone holding a public key can check the id it claims. Keys are kept and exchanged in the JDK's
 * encodings; signing and verifying use Bouncy Castle's RFC 8032 Ed25519 on the raw key bytes, which
 * makes the same signatures about seven times faster than the JDK's (0.06 vs 0.5 ms to sign, 0.09 vs
 * 0.6 ms to verify, here) — every control-plane message pays both. Immutable and thread-safe.
 */
public final class NodeKeys {
    static final String ALGORITHM = "Ed25519";
    private static final String FILE = "node-key";
    /** What precedes the 32 key bytes in the X.509 (SubjectPublicKeyInfo) encoding of an Ed25519 key. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final byte[] seed;
    private final byte[] rawPublicKey;
    private final String publicKeyBase64;
    private final String nodeId;

    private NodeKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.seed = ((EdECPrivateKey) privateKey).getBytes()
                .orElseThrow(() -> new IllegalArgumentException("the Ed25519 private key holds no key bytes"));
        this.rawPublicKey = rawPublicKey(publicKey.getEncoded());
        this.publicKeyBase64 = Base64.getEncoder().encodeToString(publicKey.getEncoded());
        this.nodeId = idOf(publicKey.getEncoded());
        byte[] derived = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, derived, 0);
        if (!Arrays.equals(derived, rawPublicKey)) throw new IllegalArgumentException("the public key is not the private key's");
    }

    /** A new identity kept nowhere (in-memory nodes, clients). */
    public static NodeKeys generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new NodeKeys(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks Ed25519", e);
        }
    }

    /**
     * The identity kept in {@code <directory>/node-key} (private key PKCS#8, public key X.509,
     * base64, owner-only permissions), created on first use.
     */
    public static NodeKeys loadOrCreate(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            NodeKeys fresh = generate();
            String text = "private " + Base64.getEncoder().encodeToString(fresh.privateKey.getEncoded()) + "\n"
                    + "public " + fresh.publicKeyBase64 + "\n";
            Path tmp = Files.createTempFile(directory, FILE, ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // best effort on file systems without POSIX permissions
                }
                Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
                Files.move(tmp, file); // fails if another process created it first: then use theirs
            } catch (FileAlreadyExistsException raced) {
                // another process won
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return read(file);
    }

    private static NodeKeys read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String priv = null;
        String pub = null;
        for (String line : lines) {
            if (line.startsWith("private ")) priv = line.substring(8).trim();
            if (line.startsWith("public ")) pub = line.substring(7).trim();
        }
        if (priv == null || pub == null) {
            throw new IOException(file + ": not a node key file (expected 'private <base64>' and 'public <base64>' lines)");
        }
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            return new NodeKeys(factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(priv))),
                    factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pub))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + ": unreadable Ed25519 key: " + e.getMessage(), e);
        }
    }

    /** The node id that the X.509-encoded public key {@code encoded} stands for. */
    public static String idOf(byte[] encoded) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(encoded);
            return "n-" + Base32.encode(digest, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks SHA-256", e);
        }
    }

    /**
     * The 32 key bytes of an X.509-encoded Ed25519 public key.
     *
     * @throws IllegalArgumentException when {@code x509} is not one
     */
    static byte[] rawPublicKey(byte[] x509) {
        if (x509.length != X509_PREFIX.length + Ed25519.PUBLIC_KEY_SIZE
                || !Arrays.equals(x509, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an X.509-encoded Ed25519 public key (" + x509.length + " bytes)");
        }
        return Arrays.copyOfRange(x509, X509_PREFIX.length, x509.length);
    }

    /** Whether {@code signature} is the Ed25519 signature of {@code data} by the raw public key {@code rawPublicKey}. */
    static boolean verify(byte[] rawPublicKey, byte[] signature, byte[] data) {
        return signature.length == Ed25519.SIGNATURE_SIZE
                && Ed25519.verify(signature, 0, rawPublicKey, 0, data, 0, data.length);
    }

    public String nodeId() {
        return nodeId;
    }

    public String publicKeyBase64() {
        return publicKeyBase64;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** An Ed25519 signature of {@code data} with this node's private key. */
    public byte[] sign(byte[] data) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, data, 0, data.length, signature, 0);
        return signature;
    }
}
