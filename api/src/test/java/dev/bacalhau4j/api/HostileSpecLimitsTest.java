package dev.bacalhau4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Specs built to exhaust the reader: huge documents, deep nesting, huge strings and numbers.
 * Each is refused by {@link JobSpecs} with an {@link InvalidJobException} naming the field (or the
 * document), never a {@link StackOverflowError} or {@link OutOfMemoryError}, and with a message
 * short enough to show.
 */
class HostileSpecLimitsTest {

    private static final String HEAD = """
            Name: hostile
            Type: batch
            Tasks:
              - Name: main
                Engine:
                  Type: docker
                  Params:
                    Image: busybox
            """;

    private static InvalidJobException refusal(Runnable read) {
        Throwable[] caught = new Throwable[1];
        try {
            read.run();
        } catch (Throwable t) {
            caught[0] = t;
        }
        assertThat(caught[0]).isInstanceOf(InvalidJobException.class);
        InvalidJobException e = (InvalidJobException) caught[0];
        assertThat(e.getMessage()).as("the message stays short enough to show").hasSizeLessThan(1_000);
        return e;
    }

    @Test
    void shouldRefuseAHundredMegabyteYamlDocument() {
        String doc = HEAD + "Meta: {pad: '" + "x".repeat(100 << 20) + "'}\n";
        InvalidJobException e = refusal(() -> JobSpecs.readYaml(doc));
        assertThat(e.getMessage()).contains("over the limit");
    }

    @Test
    void shouldRefuseAHundredMegabyteJsonDocument() {
        String doc = "{\"Name\": \"hostile\", \"Meta\": {\"pad\": \"" + "x".repeat(100 << 20) + "\"}}";
        InvalidJobException e = refusal(() -> JobSpecs.readJson(doc));
        assertThat(e.getMessage()).contains("over the limit");
    }

    @Test
    void shouldRefuseAHundredThousandLevelsOfJsonNesting() {
        String doc = "{\"Name\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        InvalidJobException e = refusal(() -> JobSpecs.readJson(doc));
        assertThat(e.getMessage()).contains("nesting depth");
    }

    @Test
    void shouldRefuseAHundredThousandLevelsOfYamlNesting() {
        String flow = "Name: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        assertThat(refusal(() -> JobSpecs.readYaml(flow)).getMessage()).contains("nesting");
        // 100k levels of block indentation are 5 G characters; 3,000 levels pass any depth limit
        StringBuilder shallow = new StringBuilder("Meta:\n");
        for (int i = 0; i < 3_000; i++) shallow.append(" ".repeat(i + 1)).append("a:\n");
        assertThat(refusal(() -> JobSpecs.readYaml(shallow.toString())).getMessage()).contains("nesting");
    }

    @Test
    void shouldRefuseATenMegabyteNameNamingTheField() {
        String huge = "n".repeat(10 << 20);
        InvalidJobException yaml = refusal(() -> JobSpecs.readYaml(HEAD.replace("Name: hostile", "Name: " + huge)));
        assertThat(yaml.fieldPath()).isEqualTo("Name");
        assertThat(yaml.getMessage()).contains("line 1").contains("too long");
        String json = "{\"Name\": \"" + huge + "\", \"Tasks\": [{\"Name\": \"main\", \"Engine\": {\"Type\": \"docker\","
                + " \"Params\": {\"Image\": \"busybox\"}}}]}";
        InvalidJobException e = refusal(() -> JobSpecs.readJson(json));
        assertThat(e.fieldPath()).isEqualTo("Name");
        assertThat(e.getMessage()).contains("too long: 10485760 characters");
    }

    @Test
    void shouldRefuseAValueOverOneMebibyteNamingTheFieldButAcceptAnInlineModuleThatLong() {
        String big = "e".repeat((1 << 20) + 1);
        String env = "{\"Name\": \"n\", \"Tasks\": [{\"Name\": \"main\", \"Engine\": {\"Type\": \"docker\","
                + " \"Params\": {\"Image\": \"busybox\"}}, \"Env\": {\"E\": \"" + big + "\"}}]}";
        InvalidJobException e = refusal(() -> JobSpecs.readJson(env));
        assertThat(e.fieldPath()).isEqualTo("Tasks[0].Env.E");
        assertThat(e.getMessage()).contains("too long: 1048577 characters (at most 1048576)");
        String json = "{\"Name\": \"n\", \"Tasks\": [{\"Name\": \"main\", \"Engine\": {\"Type\": \"docker\","
                + " \"Params\": {\"Image\": \"busybox\"}}, \"InputSources\": [{\"Target\": \"/in\", \"Source\":"
                + " {\"Type\": \"inline\", \"Params\": {\"URL\": \"data:," + big + "\"}}}]}]}";
        assertThat(((InlineSource) JobSpecs.readJson(json).task().inputSources().get(0).source()).url()).hasSize("data:,".length() + big.length());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Count                         | 1e400                  | Count
            Count                         | 99999999999999999999   | Count
            Count                         | 1e100000000            | Count
            Tasks[0].Resources.CPU        | 1e400                  | Tasks[0].Resources.CPU
            Tasks[0].Resources.CPU        | 99999999999999999999   | Tasks[0].Resources.CPU
            Tasks[0].Resources.Memory     | 1e400                  | Tasks[0].Resources.Memory
            Tasks[0].Resources.Memory     | 1e100000000            | Tasks[0].Resources.Memory
            Tasks[0].Resources.Memory     | 99999999999999999999   | Tasks[0].Resources.Memory
            Tasks[0].Resources.Disk       | 99999999999999999999   | Tasks[0].Resources.Disk
            Tasks[0].Timeouts.ExecutionTimeout | 1e400             | Tasks[0].Timeouts.ExecutionTimeout
            Tasks[0].Timeouts.ExecutionTimeout | 99999999999999999999 | Tasks[0].Timeouts.ExecutionTimeout
            Tasks[0].Timeouts.TotalTimeout | 9223372036854775807   | Tasks[0].Timeouts
            """)
    void shouldRefuseHugeNumbersNamingTheField(String field, String value, String path) {
        String doc = switch (field) {
            case "Count" -> HEAD + "Count: " + value + "\n";
            default -> {
                String[] parts = field.split("\\.");
                String body = "    " + parts[1] + ":\n      " + parts[2] + ": " + value + "\n";
                if (field.endsWith("TotalTimeout")) {
                    body = "    Timeouts:\n      ExecutionTimeout: 9223372036854775807\n      TotalTimeout: " + value + "\n";
                }
                yield HEAD + body;
            }
        };
        InvalidJobException e = refusal(() -> JobSpecs.readYaml(doc));
        assertThat(e.fieldPath()).as(e.getMessage()).startsWith(path);
        InvalidJobException json = refusal(() -> JobSpecs.readJson(toJson(field, value)));
        assertThat(json.fieldPath()).as(json.getMessage()).startsWith(path);
    }

    private static String toJson(String field, String value) {
        String task = "\"Name\": \"main\", \"Engine\": {\"Type\": \"docker\", \"Params\": {\"Image\": \"busybox\"}}";
        if (field.equals("Count")) {
            return "{\"Name\": \"hostile\", \"Count\": " + value + ", \"Tasks\": [{" + task + "}]}";
        }
        String[] parts = field.split("\\.");
        String inner = field.endsWith("TotalTimeout")
                ? "\"ExecutionTimeout\": 9223372036854775807, \"TotalTimeout\": " + value
                : "\"" + parts[2] + "\": " + value;
        return "{\"Name\": \"hostile\", \"Tasks\": [{" + task + ", \"" + parts[1] + "\": {" + inner + "}}]}";
    }

    @Test
    void shouldShowControlCharactersInErrorsEscaped() {
        InvalidJobException e = refusal(() -> JobSpecs.readYaml(HEAD + "    Env: {\"A\\e[2J\\rB\\u0000\": x}\n"));
        assertThat(e.getMessage()).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u0000");
        assertThat(e.getMessage()).contains("\\u001b");
    }
}
