package dev.bacalhau4j.core.internal.staging.local;

import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.LocalSource;
import dev.bacalhau4j.core.internal.staging.InputStager;
import dev.bacalhau4j.core.internal.staging.StagingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Serves host paths in place, only under the node's allow-listed directories. The check is
 * made on the real path (symlinks resolved), so neither {@code ..} nor a symlink can reach
 * outside the allow-list. Symlinks inside an allowed directory that point out of the mount are
 * refused by the runtimes when followed.
 */
public final class LocalStager implements InputStager {
    private final List<Path> allowed;

    /** @param allowed directories under which local inputs may be read; may be empty */
    public LocalStager(List<Path> allowed) {
        List<Path> real = new ArrayList<>();
        for (Path dir : allowed) {
            try {
                real.add(dir.toRealPath());
            } catch (IOException e) {
                throw new IllegalArgumentException("allowed local path " + dir + " does not exist", e);
            }
        }
        this.allowed = List.copyOf(real);
    }

    @Override
    public String sourceType() {
        return LocalSource.TYPE;
    }

    /**
     * Why this node would refuse a {@code local} input of {@code job} (the first one, naming its field),
     * empty when it would serve them all; checked when the job is submitted or bid for.
     *
     * @param job the job
     * @return the reason, naming the field, or empty
     */
    public String refusal(Job job) {
        List<InputSource> inputs = job.task().inputSources();
        for (int i = 0; i < inputs.size(); i++) {
            if (!(inputs.get(i).source() instanceof LocalSource)) continue;
            try {
                stage(inputs.get(i), "Tasks[0].InputSources[" + i + "]", null);
            } catch (StagingException e) {
                return e.getMessage();
            } catch (IOException e) {
                return ""; // an I/O failure is staging's to report, with its cause
            }
        }
        return "";
    }

    @Override
    public Path stage(InputSource input, String where, Path area) throws IOException {
        LocalSource source = (LocalSource) input.source();
        String field = where + ".Source.Params.SourcePath";
        String raw = source.sourcePath();
        if (source.readWrite()) {
            throw new StagingException(where + ".Source.Params.ReadWrite: inputs are always mounted"
                    + " read-only; write results to a result path instead");
        }
        Path path = Path.of(raw);
        if (!path.isAbsolute()) {
            throw new StagingException(field + ": must be an absolute path (got \"" + raw + "\")");
        }
        for (Path segment : path) {
            if (segment.toString().equals("..")) {
                throw new StagingException(field + ": '..' is not allowed in local paths (got \"" + raw + "\")");
            }
        }
        if (allowed.isEmpty()) {
            throw new StagingException(field + ": local inputs are disabled on this node (no allowed"
                    + " local paths; allow a directory with allowLocalPath(...) or --allow-local-path)");
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new StagingException(field + ": no such file or directory (got \"" + raw + "\")");
        }
        if (allowed.stream().noneMatch(real::startsWith)) {
            String detail = real.equals(path.normalize()) ? "" : " (resolves to " + real + ")";
            throw new StagingException(field + ": " + raw + detail + " is not under an allowed local path"
                    + " (allowed: " + allowed.stream().map(Path::toString).collect(Collectors.joining(", ")) + ")");
        }
        if (!Files.isReadable(real)) {
            throw new StagingException(field + ": " + raw + " is not readable by this node");
        }
        return real;
    }
}
