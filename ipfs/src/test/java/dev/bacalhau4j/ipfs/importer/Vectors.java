package dev.bacalhau4j.ipfs.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code vectors/unixfs-vectors.tsv}, written by {@code src/test/vectors/make-vectors.sh}
 * with the JS reference importer, and rebuilds its profiles and tree specs.
 */
final class Vectors {
    static final String RESOURCE = "/vectors/unixfs-vectors.tsv";

    private Vectors() {}

    /** The rows of one kind ({@code file}, {@code text}, {@code tree}, {@code murmur3}), fields after the kind. */
    static List<String[]> rows(String kind) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = Vectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields[0].equals(kind)) {
                    String[] rest = new String[fields.length - 1];
                    System.arraycopy(fields, 1, rest, 0, rest.length);
                    out.add(rest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A named profile, or a custom one written {@code cidv=0,raw=0,chunk=256,links=11,hamt=262144,est=links}. */
    static ImportProfile profile(String spec) {
        if (!spec.contains("=")) {
            return ImportProfile.named(spec);
        }
        Map<String, String> p = new HashMap<>();
        for (String kv : spec.split(",")) {
            String[] parts = kv.split("=", 2);
            p.put(parts[0], parts[1]);
        }
        return new ImportProfile(spec, Integer.parseInt(p.get("cidv")), p.get("raw").equals("1"),
                Integer.parseInt(p.get("chunk")), Integer.parseInt(p.get("links")), Long.parseLong(p.get("hamt")),
                p.get("est").equals("block") ? ImportProfile.HamtSizeEstimate.BLOCK_BYTES
                        : ImportProfile.HamtSizeEstimate.LINK_BYTES);
    }

    /** One path of a tree spec: a file (size and seed) or a directory (size -1). */
    record TreeItem(String path, int size, int seed) {
        boolean isDirectory() {
            return size < 0;
        }
    }

    /**
     * Expands a tree spec as make-vectors.mjs does: items split by '|'; {@code path=size@seed} is a
     * file, {@code path/} a directory, {@code many:N:W:prefix} N files prefix + index padded to W
     * digits, file i holding (i%7+1) bytes of seed i+1.
     */
    static List<TreeItem> expand(String spec) {
        List<TreeItem> out = new ArrayList<>();
        for (String item : spec.split("\\|")) {
            if (item.isEmpty()) {
                continue;
            }
            if (item.startsWith("many:")) {
                String[] parts = item.split(":", 4);
                int n = Integer.parseInt(parts[1]);
                String format = "%0" + parts[2] + "d";
                for (int i = 0; i < n; i++) {
                    out.add(new TreeItem(parts[3] + String.format(format, i), i % 7 + 1, i + 1));
                }
            } else if (item.endsWith("/")) {
                out.add(new TreeItem(item.substring(0, item.length() - 1), -1, 0));
            } else {
                int eq = item.lastIndexOf('=');
                String[] sizeSeed = item.substring(eq + 1).split("@");
                out.add(new TreeItem(item.substring(0, eq), Integer.parseInt(sizeSeed[0]), Integer.parseInt(sizeSeed[1])));
            }
        }
        return out;
    }
}
