package dev.bacalhau4j.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Renders {@code docs/cli.md}: the {@code --help} text of every {@code bacalhau4j} command, as
 * picocli prints it (no colours), so the reference cannot drift from the tool. {@code
 * CliReferenceTest} fails when the checked-in file differs from what this renders.
 *
 * <pre>java -cp examples/target/bacalhau4j.jar dev.bacalhau4j.examples.cli.CliReference docs/cli.md</pre>
 */
public final class CliReference {
    /** How to bring {@code docs/cli.md} up to date, quoted in the drift test's failure. */
    public static final String REGENERATE = "java -cp examples/target/bacalhau4j.jar "
            + CliReference.class.getName() + " docs/cli.md (after mvn -q -pl examples -am package -DskipTests), or "
            + "mvn -pl examples verify -Dtest=CliReferenceTest -D" + CliReference.REGENERATE_PROPERTY + "=true";

    /** Set to {@code true} to have the drift test rewrite {@code docs/cli.md} instead of checking it. */
    public static final String REGENERATE_PROPERTY = "bacalhau4j.regenerateCliDoc";

    private CliReference() {}

    /**
     * Writes the reference to the file named by {@code args[0]}, {@code docs/cli.md} by default.
     *
     * @param args {@code [FILE]}
     * @throws IOException when the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "docs/cli.md");
        Files.writeString(file, markdown(), StandardCharsets.UTF_8);
        System.out.println("wrote " + file.toAbsolutePath());
    }

    /**
     * The whole of {@code docs/cli.md}.
     *
     * @return the Markdown text, with {@code \n} line ends
     */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# `bacalhau4j` command-line reference\n\n")
                .append("The `--help` text of every command, as the tool prints it. Generated from the picocli\n")
                .append("commands by `").append(CliReference.class.getName()).append("`; do not edit by hand.\n")
                .append("`CliReferenceTest` fails when this file drifts from the tool. To regenerate it:\n\n")
                .append("```sh\n")
                .append("mvn -q -pl examples -am package -DskipTests\n")
                .append("java -cp examples/target/bacalhau4j.jar ").append(CliReference.class.getName()).append(" docs/cli.md\n")
                .append("```\n\n")
                .append("Run it from a checkout as `examples/bin/bacalhau4j COMMAND...` (see the README).\n\n");
        for (CommandLine command : commands()) {
            md.append("- [`").append(name(command)).append("`](#").append(anchor(command)).append(")\n");
        }
        for (CommandLine command : commands()) {
            md.append('\n').append(section(command));
        }
        return md.toString();
    }

    /**
     * Every command of the tool, depth first, the top command first; picocli's {@code help} left out.
     *
     * @return the commands
     */
    public static List<CommandLine> commands() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        return all;
    }

    /**
     * The section of {@code command}: a heading and its usage text, verbatim.
     *
     * @param command one of {@link #commands()}
     * @return the Markdown section
     */
    public static String section(CommandLine command) {
        String usage = command.getUsageMessage(Ansi.OFF).replace("\r\n", "\n").stripTrailing();
        return "## " + name(command) + "\n\n```text\n" + usage + "\n```\n";
    }

    /**
     * The command's full name, such as {@code bacalhau4j ipfs car}.
     *
     * @param command a command
     * @return its qualified name
     */
    public static String name(CommandLine command) {
        return command.getCommandSpec().qualifiedName(" ");
    }

    private static String anchor(CommandLine command) {
        return name(command).replace(' ', '-');
    }

    private static void collect(CommandLine command, List<CommandLine> all) {
        all.add(command);
        for (CommandLine sub : command.getSubcommands().values().stream().distinct().toList()) {
            if (!(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                collect(sub, all);
            }
        }
    }
}
