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
            """)
    void shouldRefuseWithTheFieldPath(String what, String body, String field) {
        assertThatThrownBy(() -> JobSpecs.readYaml(spec(body)))
                .as(what)
                .isInstanceOf(InvalidJobException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((InvalidJobException) e).fieldPath())
                        .as(what + ": " + e.getMessage()).startsWith(field));
    }
}
