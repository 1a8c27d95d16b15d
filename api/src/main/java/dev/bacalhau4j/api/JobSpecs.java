package dev.bacalhau4j.api;

import dev.bacalhau4j.api.internal.spec.JobDecoder;
import dev.bacalhau4j.api.internal.spec.JobEncoder;
import dev.bacalhau4j.api.internal.spec.SpecFormat;
import dev.bacalhau4j.api.internal.spec.Validation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads and writes jobs as Bacalhau v1 job specs, in YAML or JSON, and validates them; stateless
 * and thread-safe.
 *
 * <p><b>Reading</b> accepts the specs Bacalhau accepts: field names match case-insensitively (as
 * Go's JSON decoding does, so {@code tasks:} works), engine, source, publisher and network type
 * names too ({@code Docker}, {@code WASM}); null values count as absent (inside lists and maps, as
 * empty strings, as Go reads them); {@code Type} must be {@code batch} or {@code ops}
 * ({@code service} and {@code daemon} are not supported, and, as in Bacalhau, the case matters) and
 * exactly one task is supported. {@code Priority} is accepted only as 0. Both WASM module forms load: {@code EntryModule} as an InputSource object,
 * or (current Bacalhau) as the {@code Target} of one of the task's {@code InputSources}, which then
 * becomes the module. The server-assigned fields {@code bacalhau job describe} writes ({@code ID},
 * {@code State}, {@code Version}, {@code Revision}, {@code CreateTime}, {@code ModifyTime}) are
 * ignored, and a whole describe document is read as its {@code Job}. Any other unknown field, an
 * unsupported type, a wrong value or a malformed document fails with an {@link InvalidJobException}
 * whose path names the field: {@code Tasks[0].InputSources[1].Source.Type: unsupported type 's3'
 * (supported: inline, ipfs, local, urlDownload)}. Absent fields take the defaults of the model
 * ({@code Namespace: default}, {@code Type: batch}, {@code Count: 1}, task {@code Name: main},
 * {@code Publisher: local}, {@code Entrypoint: _start}, {@code Network: None}, no verification, no
 * resources, no timeouts). Every read job is also {@linkplain #validate(Job) validated}.
 *
 * <p><b>Writing</b> prints the fields in the order of Bacalhau's own structs, leaves out defaults
 * and empty values (but always writes {@code Type}, the task {@code Name}, {@code Engine} and
 * {@code Publisher}), writes WASM modules as InputSource objects, and is stable: reading a written
 * spec gives an equal job, and writing that job again gives the same text, byte for byte.
 * Writing does not validate.
 */
public final class JobSpecs {
    private JobSpecs() {}

    /**
     * The job of a YAML spec.
     *
     * @param yaml the spec's text
     * @return the job, validated
     * @throws InvalidJobException when the spec is malformed (naming line and column) or invalid
     */
    public static Job readYaml(String yaml) {
        return read(SpecFormat.YAML, Objects.requireNonNull(yaml, "yaml == null"));
    }

    /**
     * The job of a JSON spec.
     *
     * @param json the spec's text
     * @return the job, validated
     * @throws InvalidJobException when the spec is malformed (naming line and column) or invalid
     */
    public static Job readJson(String json) {
        return read(SpecFormat.JSON, Objects.requireNonNull(json, "json == null"));
    }

    /**
     * The job of a spec file, read as UTF-8: YAML for {@code .yaml} and {@code .yml}, JSON for
     * {@code .json}, otherwise JSON when the text starts with '{' and YAML when not.
     *
     * @param file the spec file
     * @return the job, validated
     * @throws InvalidJobException when the spec is malformed or invalid, or the file is over 64 MiB
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Job read(Path file) {
        Objects.requireNonNull(file, "file == null");
        String text;
        try {
            long size = Files.size(file);
            if (size > SpecFormat.MAX_SPEC_CHARS) { // refused unread
                throw new InvalidJobException("", "the spec file " + file + " is " + size
                        + " bytes, over the limit of " + SpecFormat.MAX_SPEC_CHARS);
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read job spec " + file, e);
        }
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        SpecFormat format = name.endsWith(".yaml") || name.endsWith(".yml") ? SpecFormat.YAML
                : name.endsWith(".json") ? SpecFormat.JSON
                : SpecFormat.sniff(text);
        return read(format, text);
    }

    /**
     * {@code job} as a YAML spec, ending with a newline.
     *
     * @param job the job
     * @return its spec in YAML
     */
    public static String toYaml(Job job) {
        return SpecFormat.YAML.print(JobEncoder.encode(Objects.requireNonNull(job, "job == null")));
    }

    /**
     * {@code job} as a JSON spec (two-space indents), ending with a newline.
     *
     * @param job the job
     * @return its spec in JSON
     */
    public static String toJson(Job job) {
        return SpecFormat.JSON.print(JobEncoder.encode(Objects.requireNonNull(job, "job == null")));
    }

    /**
     * Checks what the record constructors cannot: exactly one task; {@code Count >= 1}; absolute,
     * distinct input targets and result paths; named, distinct result paths; non-empty source params
     * (CID, URL, SourcePath); http(s) download URLs and {@code sha256:<hex>} checksums; a docker
     * {@code Image}, an absolute {@code WorkingDirectory}; a WASM entry module and entrypoint and no
     * network for WASM (None or Default); whole, non-negative timeouts with
     * {@code ExecutionTimeout + QueueTimeout <= TotalTimeout} when a total is set; the value count of
     * each constraint operator ({@code exists}/{@code !} none, {@code in}/{@code notin} at least one,
     * the others exactly one, an integer for {@code gt}/{@code lt}); verification {@code none} with
     * zero counts or {@code deterministic} with {@code 1 <= Confidence <= Count}; a {@code local} or
     * {@code ipfs} publisher.
     *
     * @param job the job to check
     * @return {@code job}, for chaining
     * @throws InvalidJobException for the first problem found, naming its field path
     */
    public static Job validate(Job job) {
        Validation.validate(Objects.requireNonNull(job, "job == null"));
        return job;
    }

    private static Job read(SpecFormat format, String text) {
        Job job = JobDecoder.decode(format.parse(text));
        Validation.validate(job);
        return job;
    }
}
