package dev.bacalhau4j.core.internal.staging;

import dev.bacalhau4j.api.InputSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The stagers a node has, by source type; a lookup for a type it lacks lists what it has. */
public final class Stagers {
    private final Map<String, InputStager> byType = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public Stagers(Collection<InputStager> stagers) {
        for (InputStager stager : stagers) {
            byType.put(stager.sourceType(), stager);
        }
    }

    /** The source types these stagers serve, sorted. */
    public List<String> types() {
        return List.copyOf(byType.keySet());
    }

    /** Lets every stager release what it holds for the execution staged under {@code area}. */
    public void release(Path area) {
        byType.values().forEach(stager -> stager.release(area));
    }

    /** Stages {@code input} with the stager for its source type. */
    public Path stage(InputSource input, String where, Path area) throws IOException {
        String type = input.source().type();
        InputStager stager = byType.get(type);
        if (stager == null) {
            throw new StagingException(where + ".Source.Type: this node cannot stage '" + type
                    + "' inputs (supported here: " + String.join(", ", byType.keySet()) + ")");
        }
        return stager.stage(input, where, area);
    }
}
