package dev.bacalhau4j.api;

import static dev.bacalhau4j.api.JobSpecsReadTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JobSpecsRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {"docker-lowercase.yaml", "docker-output.json", "wasm-target-form.yaml",
        "wasm-legacy-form.yaml", "describe-output.yaml", "full.yaml"})
    void shouldRoundTripSpecFilesLosslessly(String file) {
        String text = resource(file);
        Job job = file.endsWith(".json") ? JobSpecs.readJson(text) : JobSpecs.readYaml(text);

        String yaml = JobSpecs.toYaml(job);
        String json = JobSpecs.toJson(job);

        assertThat(JobSpecs.readYaml(yaml)).isEqualTo(job);
        assertThat(JobSpecs.readJson(json)).isEqualTo(job);
        assertThat(JobSpecs.toYaml(JobSpecs.readYaml(yaml))).isEqualTo(yaml);
        assertThat(JobSpecs.toJson(JobSpecs.readJson(json))).isEqualTo(json);
        assertThat(JobSpecs.toJson(JobSpecs.readYaml(yaml))).isEqualTo(json);
    }

    @Test
    void shouldKeepAwkwardStringsExactly() {
        List<String> awkward = List.of("-c", "echo 15 > /out: x # y", "*", "&a", "!x", "[x]", "{y}", "@", "`b`",
                "'q'", "\"d\"", " leading", "trailing ", "~", "null", "Null", "yes", "no", "on", "off", "y", "n",
                "true", "False", "0x1F", "1e3", "0o7", "017", ".inf", "-.inf", ".NaN", "", "a\nb", "a\n", "\ttab",
                "π ≈ 3.14", "emoji 🎉", "12:30", "2024-01-01", "1_000", "- item", "? key", "key: value", "#hash",
                "%percent", "|pipe", ">fold", "a\\b", "\u0007bell", "0.50", "+1", "-1", "1.", ".5");
        Job job = Job.docker("alpine").args(awkward.toArray(String[]::new))
                .env("SPACE", " ")
                .label("version", "1.0")
                .meta("empty", "")
                .build();

        String yaml = JobSpecs.toYaml(job);

        assertThat(JobSpecs.readYaml(yaml)).isEqualTo(job);
        assertThat(JobSpecs.toYaml(JobSpecs.readYaml(yaml))).isEqualTo(yaml);
        assertThat(JobSpecs.readJson(JobSpecs.toJson(job))).isEqualTo(job);
    }

    @Test
    void shouldWriteShortSpecsInBacalhauFieldOrder() {
        Job job = Job.docker("alpine:3.20")
                .name("hello")
                .args("echo", "hi")
                .output("outputs", "/outputs")
                .memory("64Mb")
                .timeout(Duration.ofSeconds(30))
                .build();

        assertThat(JobSpecs.toYaml(job)).isEqualTo("""
                Name: hello
                Type: batch
                Tasks:
                  - Name: main
                    Engine:
                      Type: docker
                      Params:
                        Image: alpine:3.20
                        Parameters:
                          - echo
                          - hi
                    Publisher:
                      Type: ipfs
                    ResultPaths:
                      - Name: outputs
                        Path: /outputs
                    Resources:
                      Memory: 64Mb
                    Timeouts:
                      ExecutionTimeout: 30
                """);
        assertThat(JobSpecs.toJson(job)).isEqualTo("""
                {
                  "Name": "hello",
                  "Type": "batch",
                  "Tasks": [
                    {
                      "Name": "main",
                      "Engine": {
                        "Type": "docker",
                        "Params": {
                          "Image": "alpine:3.20",
                          "Parameters": [
                            "echo",
                            "hi"
                          ]
                        }
                      },
                      "Publisher": {
                        "Type": "ipfs"
                      },
                      "ResultPaths": [
                        {
                          "Name": "outputs",
                          "Path": "/outputs"
                        }
                      ],
                      "Resources": {
                        "Memory": "64Mb"
                      },
                      "Timeouts": {
                        "ExecutionTimeout": 30
                      }
                    }
                  ]
                }
                """);
    }

    @Test
    void shouldWriteEveryNonDefaultField() {
        Job job = JobSpecs.readYaml(resource("full.yaml"));

        String yaml = JobSpecs.toYaml(job);

        assertThat(yaml).startsWith("Name: everything\nNamespace: research\nType: batch\nCount: 3\nConstraints:\n");
        assertThat(yaml).contains("GPU: \"1\"", "Verification:\n      Type: deterministic\n      Count: 3\n      Confidence: 2\n");
        assertThat(yaml).doesNotContain("Network", "Entrypoint: _start");
    }

    @Test
    void shouldWriteWasmModulesAsInputSourceObjects() {
        Job job = JobSpecs.readYaml(resource("wasm-target-form.yaml"));

        assertThat(JobSpecs.toYaml(job)).contains("""
                      Params:
                        EntryModule:
                          Source:
                            Type: inline
                            Params:
                              URL: "data:application/wasm;base64,AGFzbQEAAAA="
                          Target: /hello.wasm
                """);
    }

    @Test
    void shouldNotLoseVerificationPublisherParamsOrLocalReadWrite() {
        Job job = Job.docker("alpine")
                .publisher(new PublisherSpec("ipfs", Map.of("Pin", "true")))
                .input(new LocalSource("/srv/x", true), "/x")
                .verify(5, 3)
                .network(NetworkType.FULL)
                .build();

        assertThat(JobSpecs.readYaml(JobSpecs.toYaml(job))).isEqualTo(job);
        assertThat(JobSpecs.readJson(JobSpecs.toJson(job))).isEqualTo(job);
    }
}
