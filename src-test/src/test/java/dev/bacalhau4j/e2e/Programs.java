package dev.bacalhau4j.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The WASM programs shipped in examples (sources and build script in examples/src/main/wasm). */
final class Programs {
    private Programs() {}

    /** The bytes of {@code /wasm/<name>.wasm} from the examples jar. */
    static byte[] wasm(String name) {
        try (InputStream in = Programs.class.getResourceAsStream("/wasm/" + name + ".wasm")) {
            if (in == null) throw new IllegalStateException("no /wasm/" + name + ".wasm on the class path");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The examples' sample data, relative to this module's directory (surefire's working directory). */
    static Path exampleData(String name) {
        return Path.of("..", "examples", "data", name).toAbsolutePath().normalize();
    }
}
