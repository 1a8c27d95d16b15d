package dev.bacalhau4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionJobTest {

    @Test
    void shouldBuildAJavaScriptFunctionJobFromSource() {
        Job job = Job.function("console.log('hi')").args("a", "b").output("outputs", "/outputs").build();

        FunctionEngine f = (FunctionEngine) job.task().engine();
        assertThat(f.type()).isEqualTo("function");
        assertThat(f.language()).isEqualTo("javascript");
        assertThat(f.parameters()).containsExactly("a", "b");
        assertThat(f.scriptName()).isEqualTo("function.js");
        assertThat(f.source().source()).isEqualTo(InlineSource.ofText("console.log('hi')"));
    }

    @Test
    void shouldNameTheScriptAfterItsFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("wordcount.js"), "console.log(1)");

        FunctionEngine f = (FunctionEngine) Job.function(file).build().task().engine();

        assertThat(f.scriptName()).isEqualTo("wordcount.js");
        assertThat(f.source().target()).isEqualTo("/function/wordcount.js");
    }

    @Test
    void shouldNameAMissingScriptFile(@TempDir Path dir) {
        assertThatThrownBy(() -> Job.function(dir.resolve("nope.js")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JavaScript file not found").hasMessageContaining("nope.js");
    }

    @Test
    void shouldRoundTripInYamlAndJson() {
        Job job = Job.function("writeFile('/outputs/x', 'y')").args("--n", "3")
                .inputInline("hello", "/inputs/a.txt").output("outputs", "/outputs").build();
        FunctionEngine f = (FunctionEngine) job.task().engine();
        Job withEnv = job.toBuilder()
                .engine(new FunctionEngine("javascript", f.source(), List.of("x"), Map.of("K", "V"))).build();

        for (Job j : List.of(job, withEnv)) {
            String yaml = JobSpecs.toYaml(j);
            assertThat(yaml).contains("Type: function").contains("Language: javascript");
            assertThat(JobSpecs.readYaml(yaml)).isEqualTo(j);
            assertThat(JobSpecs.readJson(JobSpecs.toJson(j))).isEqualTo(j);
        }
    }

    @Test
    void shouldTakeTheSourceOutOfTheInputsWhenGivenAsTarget() {
        Job job = JobSpecs.readYaml("""
                Type: batch
                Tasks:
                  - Name: main
                    Engine:
                      Type: Function
                      Params:
                        Source: /code/main.js
                        Parameters: [x]
                    InputSources:
                      - Source: {Type: inline, Params: {URL: "console.log(1)"}}
                        Target: /code/main.js
                """);

        FunctionEngine f = (FunctionEngine) job.task().engine();
        assertThat(f.language()).isEqualTo("javascript");
        assertThat(f.scriptName()).isEqualTo("main.js");
        assertThat(((InlineSource) f.source().source()).url()).isEqualTo("console.log(1)");
        assertThat(job.task().inputSources()).isEmpty();
    }

    @Test
    void shouldRefuseOtherLanguagesSayingWhy() {
        assertThatThrownBy(() -> JobSpecs.readYaml("""
                Tasks:
                  - Name: main
                    Engine:
                      Type: function
                      Params:
                        Language: python
                        Source: {Source: {Type: inline, Params: {URL: "print(1)"}}}
                """))
                .isInstanceOf(InvalidJobException.class)
                .hasMessageContaining("Tasks[0].Engine.Params.Language")
                .hasMessageContaining("unsupported language \"python\"")
                .hasMessageContaining("no Python for WASI");
    }

    @Test
    void shouldRefuseANetworkForFunctions() {
        assertThatThrownBy(() -> Job.function("1").network(NetworkType.FULL).build())
                .isInstanceOf(InvalidJobException.class)
                .hasMessageContaining("Tasks[0].Network.Type");
    }
}
