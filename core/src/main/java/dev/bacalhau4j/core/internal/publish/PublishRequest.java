package dev.bacalhau4j.core.internal.publish;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One execution's results, as Bacalhau lays them out: each result path's directory under its
 * name, plus {@code stdout}, {@code stderr} and {@code exitCode} files.
 *
 * @param jobId the job
 * @param executionId the execution
 * @param outputs result name to the directory the program wrote, in spec order
 * @param stdout captured standard output
 * @param stderr captured standard error
 * @param exitCode the program's exit code
 */
public record PublishRequest(
        String jobId, String executionId, Map<String, Path> outputs, byte[] stdout, byte[] stderr, int exitCode) {
    public PublishRequest {
        outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        stdout = stdout.clone();
        stderr = stderr.clone();
    }
}
