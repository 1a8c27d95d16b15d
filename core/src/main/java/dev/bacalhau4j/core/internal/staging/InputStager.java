package dev.bacalhau4j.core.internal.staging;

import dev.bacalhau4j.api.InputSource;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Makes one kind of input source available as a path on this node. What a stager writes goes
 * under {@code area}, which the core removes after the execution; a stager that can serve the
 * data in place (local paths) returns that path and writes nothing.
 */
public interface InputStager {

    /** The source type this stager serves, as job specs name it. */
    String sourceType();

    /**
     * Stages {@code input} and returns the file or directory holding its data.
     *
     * @param where the field path of the input, for error messages ({@code Tasks[0].InputSources[1]})
     * @throws StagingException when the input is refused or unavailable, naming why
     */
    Path stage(InputSource input, String where, Path area) throws IOException;

    /**
     * Releases what this stager holds for the execution whose staging area is {@code area} (the
     * node calls it once the execution ended, before removing the area). Default: nothing.
     */
    default void release(Path area) {}
}
