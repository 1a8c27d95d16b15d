package dev.bacalhau4j.ipfs.importer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/** A named child of a directory being built, with its name's UTF-8 bytes (the order links are sorted in). */
record DirectoryEntry(String name, byte[] nameBytes, ImportedEntry entry) {
    /** Sorts as Kubo and the JS importer do: by the names' UTF-8 bytes, unsigned. */
    static final Comparator<DirectoryEntry> BY_NAME_BYTES = (a, b) -> Arrays.compareUnsigned(a.nameBytes, b.nameBytes);

    /** Checks the name and makes the entry; {@code where} says what the name belongs to, for the message. */
    static DirectoryEntry of(String name, ImportedEntry entry, Object where) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("directory entry name must not be empty (in " + where + ")");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("directory entry name must not be \"" + name + "\" (in " + where + ")");
        }
        if (name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("directory entry name \"" + name + "\" contains '/' (in " + where
                    + "); nest a directory instead");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("directory entry name \"" + name.replace("\0", "\\0")
                    + "\" contains a NUL character (in " + where + ")");
        }
        if (entry == null) {
            throw new IllegalArgumentException("directory entry \"" + name + "\" has no imported entry (in " + where + ")");
        }
        return new DirectoryEntry(name, name.getBytes(StandardCharsets.UTF_8), entry);
    }
}
