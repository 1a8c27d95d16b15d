package dev.bacalhau4j.core.internal.staging.inline;

import dev.bacalhau4j.api.InlineSource;
import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.core.internal.staging.InputStager;
import dev.bacalhau4j.core.internal.staging.StagedNames;
import dev.bacalhau4j.core.internal.staging.StagingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the bytes an inline source carries to a file. */
public final class InlineStager implements InputStager {

    @Override
    public String sourceType() {
        return InlineSource.TYPE;
    }

    @Override
    public Path stage(InputSource input, String where, Path area) throws IOException {
        InlineSource source = (InlineSource) input.source();
        byte[] bytes;
        try {
            bytes = DataUrl.decode(source.url());
        } catch (IllegalArgumentException e) {
            throw new StagingException(where + ".Source.Params.URL: " + e.getMessage());
        }
        Path file = StagedNames.fileFor(input, "inline", area);
        Files.write(file, bytes);
        return file;
    }
}
