package dev.bacalhau4j.ipfs.block;

import dev.bacalhau4j.ipfs.Cid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Pins kept in one text file, replaced atomically on each change: a header line, then one line
 * per pin, {@code <cid>} or {@code <cid> TAB <name>} (names hold no control characters).
 */
final class PinFile implements PinStorage {
    static final String HEADER = "bacalhau4j-pins 1";

    private final Path file;
    private final boolean fsync;

    PinFile(Path file, boolean fsync) {
        this.file = file;
        this.fsync = fsync;
    }

    @Override
    public List<Pin> load() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException("pin file " + file + " line 1: expected \"" + HEADER + "\"");
        }
        List<Pin> pins = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            int tab = line.indexOf('\t');
            String cid = tab < 0 ? line : line.substring(0, tab);
            String name = tab < 0 ? "" : line.substring(tab + 1);
            try {
                pins.add(new Pin(Cid.parse(cid), name));
            } catch (IllegalArgumentException e) { // IpfsFormatException for the CID, or a bad name
                throw new IOException("pin file " + file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return pins;
    }

    @Override
    public void save(Collection<Pin> pins) throws IOException {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (Pin pin : pins) {
            out.append(pin.root());
            if (!pin.name().isEmpty()) {
                out.append('\t').append(pin.name());
            }
            out.append('\n');
        }
        AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8), fsync, AtomicFiles.CHANNEL_WRITER);
    }
}
