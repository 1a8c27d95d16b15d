package dev.bacalhau4j.core;

import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.JobResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A piece of what an execution printed, as {@link JobHandle#onLog} delivers it.
 *
 * @param executionId the execution that printed it
 * @param stream which of its streams
 * @param bytes what it printed (the runtime's bytes, not necessarily whole lines or characters)
 */
public record LogChunk(String executionId, Stream stream, byte[] bytes) {
    /** An execution's output streams. */
    public enum Stream {
        /** Standard output. */
        STDOUT,
        /** Standard error. */
        STDERR
    }

    /**
     * Checks the components and copies the bytes.
     *
     * @param executionId the execution that printed it
     * @param stream which of its streams
     * @param bytes what it printed
     */
    public LogChunk {
        Objects.requireNonNull(executionId, "executionId == null");
        Objects.requireNonNull(stream, "stream == null");
        bytes = bytes.clone();
    }

    /**
     * The bytes.
     *
     * @return a copy of what was printed
     */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The bytes as UTF-8 text; a character split between two chunks shows as replacement characters.
     *
     * @return the chunk decoded as UTF-8
     */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * What an ended job's executions printed, as chunks: for each execution in order, its stdout then
     * its stderr (empty streams left out). What a handle that cannot stream delivers at the end.
     *
     * @param result the job's result
     * @return the chunks
     */
    public static List<LogChunk> allOf(JobResult result) {
        List<LogChunk> chunks = new ArrayList<>();
        for (ExecutionResult e : result.executions()) {
            if (e.stdoutBytes().length > 0) chunks.add(new LogChunk(e.executionId(), Stream.STDOUT, e.stdoutBytes()));
            if (e.stderrBytes().length > 0) chunks.add(new LogChunk(e.executionId(), Stream.STDERR, e.stderrBytes()));
        }
        return chunks;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogChunk c && c.executionId.equals(executionId) && c.stream == stream
                && java.util.Arrays.equals(c.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(executionId, stream, java.util.Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "LogChunk[" + executionId + " " + stream + " " + bytes.length + " bytes]";
    }
}
