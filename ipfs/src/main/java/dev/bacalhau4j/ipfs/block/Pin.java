package dev.bacalhau4j.ipfs.block;

import dev.bacalhau4j.ipfs.Cid;
import java.util.Objects;

/**
 * A recursive pin: the root of a DAG that garbage collection keeps, with everything it links to,
 * and a label for people ({@code ""} when none). An immutable value.
 *
 * @param root the DAG's root
 * @param name a label for people, {@code ""} when none
 */
public record Pin(Cid root, String name) {
    /** Longest accepted name, in characters. */
    public static final int MAX_NAME_LENGTH = 256;

    /**
     * Checks the name.
     *
     * @param root the DAG's root
     * @param name a label for people, {@code ""} when none
     * @throws IllegalArgumentException when the name is longer than {@value #MAX_NAME_LENGTH} or has control
     *     characters
     */
    public Pin {
        Objects.requireNonNull(root, "root == null");
        Objects.requireNonNull(name, "name == null");
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("pin name of " + name.length() + " characters is longer than "
                    + MAX_NAME_LENGTH + " (pin of " + root + ")");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("pin name must not contain control characters (got \\u"
                        + String.format("%04x", (int) c) + " at index " + i + " in the name of " + root + ")");
            }
        }
    }
}
