package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.api.ConstraintOperator;
import dev.bacalhau4j.api.JobBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code --constraints} the way Bacalhau does, as a Kubernetes-style label selector:
 * {@code k=v}, {@code k==v}, {@code k!=v}, {@code k in (a,b)}, {@code k notin (a,b)},
 * {@code k} (exists), {@code !k}, {@code k>5}, {@code k<5}, joined by commas outside parentheses.
 */
final class ConstraintOption {
    private static final Pattern SET = Pattern.compile("^\\s*([\\w./-]+)\\s+(in|notin)\\s*\\(([^)]*)\\)\\s*$");
    private static final Pattern BINARY = Pattern.compile("^\\s*([\\w./-]+)\\s*(==|!=|=|>|<)\\s*([\\w./:-]*)\\s*$");
    private static final Pattern NOT_EXISTS = Pattern.compile("^\\s*!\\s*([\\w./-]+)\\s*$");
    private static final Pattern EXISTS = Pattern.compile("^\\s*([\\w./-]+)\\s*$");

    private ConstraintOption() {}

    static void apply(String selector, JobBuilder job) {
        for (String term : split(selector)) {
            Matcher m;
            if ((m = SET.matcher(term)).matches()) {
                String[] values = m.group(3).split("\\s*,\\s*");
                job.constraint(m.group(1), m.group(2).equals("in") ? ConstraintOperator.IN : ConstraintOperator.NOT_IN,
                        java.util.Arrays.stream(values).map(String::strip).filter(v -> !v.isEmpty()).toArray(String[]::new));
            } else if ((m = BINARY.matcher(term)).matches()) {
                ConstraintOperator op = switch (m.group(2)) {
                    case "!=" -> ConstraintOperator.NOT_EQUALS;
                    case ">" -> ConstraintOperator.GREATER_THAN;
                    case "<" -> ConstraintOperator.LESS_THAN;
                    default -> ConstraintOperator.EQUALS;
                };
                job.constraint(m.group(1), op, m.group(3));
            } else if ((m = NOT_EXISTS.matcher(term)).matches()) {
                job.constraint(m.group(1), ConstraintOperator.DOES_NOT_EXIST);
            } else if ((m = EXISTS.matcher(term)).matches()) {
                job.constraint(m.group(1), ConstraintOperator.EXISTS);
            } else {
                throw new UsageException("--constraints: cannot read '" + term.strip()
                        + "' (use k=v, k!=v, 'k in (a,b)', 'k notin (a,b)', k, !k, k>N, k<N)");
            }
        }
    }

    private static List<String> split(String selector) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') depth++;
            if (c == ')') depth--;
            if (c == ',' && depth == 0) {
                terms.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(selector.substring(start));
        return terms.stream().filter(t -> !t.isBlank()).toList();
    }
}
