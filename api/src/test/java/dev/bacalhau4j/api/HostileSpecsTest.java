package dev.bacalhau4j.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile or broken job specs: each is refused by {@link JobSpecs} with an error that names the
 * field, before anything could reach a runtime.
 */
class HostileSpecsTest {

    private static String spec(String taskBody) {
        return """
                Name: hostile
                Type: batch
                Tasks:
                  - Name: main
                    Engine:
                      Type: docker
                      Params:
                        Image: busybox
                """ + taskBody.indent(4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            privileged mode       | Privileged: true                            | Tasks[0].Engine.Params.Privileged
            devices               | Devices: [/dev/kmsg]                        | Tasks[0].Engine.Params.Devices
            host path binds       | Binds: ['/:/host']                          | Tasks[0].Engine.Params.Binds
            host path mounts      | Mounts: [{Source: /, Target: /host}]        | Tasks[0].Engine.Params.Mounts
            host network mode     | NetworkMode: host                           | Tasks[0].Engine.Params.NetworkMode
            added capabilities    | CapAdd: [SYS_ADMIN]                         | Tasks[0].Engine.Params.CapAdd
            """)
    void shouldRefuseDockerParamsThatWouldWeakenTheSandbox(String what, String param, String field) {
        String doc = spec("").replace("Image: busybox\n", "Image: busybox\n        " + param + "\n");
        assertThatThrownBy(() -> JobSpecs.readYaml(doc))
                .as(what)
                .isInstanceOf(InvalidJobException.class)
                .hasMessageContaining("unknown field")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((InvalidJobException) e).fieldPath())
                        .as(what + ": " + e.getMessage()).isEqualTo(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            job name with newline    | Name: hostile   | Name: "a\\nb"                          | Name
            job name with escape     | Name: hostile   | Name: "a\\e]0;pwned\\ab"              | Name
            namespace with tab       | Type: batch     | {Type: batch, Namespace: "ns\\tx"}     | Namespace
            label key with newline   | Type: batch     | {Type: batch, Labels: {"a\\nb": x}}    | Labels
            label value with DEL     | Type: batch     | {Type: batch, Labels: {a: "x\\x7fy"}}  | Labels.
            meta key with NUL        | Type: batch     | {Type: batch, Meta: {"a\\0b": x}}      | Meta
            task name with newline   | - Name: main    | - Name: "main\\nFAKE LOG LINE"         | Tasks[0].Name
            """)
    void shouldRefuseControlCharactersInNamesNamingTheField(String what, String from, String to, String field) {
        String value = to.startsWith("{") ? to.substring(1, to.length() - 1).replace(", ", "\n") : to;
        String doc = spec("").replace(from + "\n", value + "\n");
        assertThatThrownBy(() -> JobSpecs.readYaml(doc))
                .as(what)
                .isInstanceOf(InvalidJobException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((InvalidJobException) e).fieldPath())
                        .as(what + ": " + e.getMessage()).startsWith(field))
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage())
                        .as("control characters are shown escaped").doesNotContain("\n").doesNotContain("\u001b")
                        .doesNotContain("\u0000").doesNotContain("\u007f").doesNotContain("\t").doesNotContain("\u0007"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            input target climbing out     | InputSources: [{Source: {Type: inline, Params: {URL: 'data:,x'}}, Target: /inputs/../etc}] | Tasks[0].InputSources[0].Target
            input target dot segment      | InputSources: [{Source: {Type: inline, Params: {URL: 'data:,x'}}, Target: /inputs/./a}]   | Tasks[0].InputSources[0].Target
            input target relative         | InputSources: [{Source: {Type: inline, Params: {URL: 'data:,x'}}, Target: inputs}]        | Tasks[0].InputSources[0].Target
            input target root             | InputSources: [{Source: {Type: inline, Params: {URL: 'data:,x'}}, Target: /}]             | Tasks[0].InputSources[0].Target
            input target /proc            | InputSources: [{Source: {Type: inline, Params: {URL: 'data:,x'}}, Target: /proc/self}]    | Tasks[0].InputSources[0].Target
            input target double slash     | InputSources: [{Source: {Type: inline, Params: {URL: 'data:,x'}}, Target: /inputs//a}]    | Tasks[0].InputSources[0].Target
            result path climbing out      | ResultPaths: [{Name: out, Path: /outputs/../../host}]                                       | Tasks[0].ResultPaths[0].Path
            result path /sys              | ResultPaths: [{Name: out, Path: /sys/fs}]                                                   | Tasks[0].ResultPaths[0].Path
            result name with newline      | ResultPaths: [{Name: "a\\nb", Path: /outputs}]                                             | Tasks[0].ResultPaths[0].Name
            result name traversal         | ResultPaths: [{Name: "../x", Path: /outputs}]                                               | Tasks[0].ResultPaths[0].Name
            file url                      | InputSources: [{Source: {Type: urlDownload, Params: {URL: 'file:///etc/passwd'}}, Target: /in}] | Tasks[0].InputSources[0].Source.Params.URL
            gopher url                    | InputSources: [{Source: {Type: urlDownload, Params: {URL: 'gopher://x/'}}, Target: /in}]      | Tasks[0].InputSources[0].Source.Params.URL
            local source relative         | InputSources: [{Source: {Type: localDirectory, Params: {SourcePath: ../../etc}}, Target: /in}] | Tasks[0].InputSources[0].Source.Params.SourcePath
            huge memory                   | Resources: {Memory: 99999999999999999999Gb}                                                 | Tasks[0].Resources.Memory
            negative cpu                  | Resources: {CPU: '-1'}                                                                      | Tasks[0].Resources.CPU
            env name with newline         | Env: {"A\\nB": x}                                                                           | Tasks[0].Env
            env name with escape          | Env: {"A\\e[2JB": x}                                                                        | Tasks[0].Env
            alias with carriage return    | InputSources: [{Source: {Type: inline, Params: {URL: 'data:,x'}}, Alias: "a\\rb", Target: /in}] | Tasks[0].InputSources[0].Alias
            target with NUL               | InputSources: [{Source: {Type: inline, Params: {URL: 'data:,x'}}, Target: "/in\\0x"}]        | Tasks[0].InputSources[0].Target
            """)
    void shouldRefuseWithTheFieldPath(String what, String body, String field) {
        assertThatThrownBy(() -> JobSpecs.readYaml(spec(body)))
                .as(what)
                .isInstanceOf(InvalidJobException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((InvalidJobException) e).fieldPath())
                        .as(what + ": " + e.getMessage()).startsWith(field));
    }
}
