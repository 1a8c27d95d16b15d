package dev.bacalhau4j.api;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Copies maps into immutable, key-sorted form so specs print and hash the same way every time. */
final class Maps {
    private Maps() {}

    static Map<String, String> sortedCopy(Map<String, String> map, String what) {
        Objects.requireNonNull(map, what + " == null");
        TreeMap<String, String> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(
                Objects.requireNonNull(k, what + " key == null"),
                Objects.requireNonNull(v, what + "[" + k + "] == null")));
        return Collections.unmodifiableMap(copy);
    }
}
