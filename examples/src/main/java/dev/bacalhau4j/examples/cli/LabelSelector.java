package dev.bacalhau4j.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A label selector as Bacalhau's {@code job list --labels} takes it (Kubernetes' syntax): comma-separated
 * requirements that all must hold — {@code k=v} ({@code k==v}), {@code k!=v}, {@code k in (a,b)},
 * {@code k notin (a,b)}, {@code k} (has the label) and {@code !k} (has not).
 */
final class LabelSelector implements Predicate<Map<String, String>> {
    private static final String KEY = "[A-Za-z0-9][-A-Za-z0-9_./]*";
    private static final Pattern EQUALS = Pattern.compile("(" + KEY + ")\\s*(==|=|!=)\\s*([-A-Za-z0-9_./]*)");
    private static final Pattern SET = Pattern.compile("(" + KEY + ")\\s+(in|notin)\\s*\\(([^)]*)\\)");
    private static final Pattern EXISTS = Pattern.compile("(!?)\\s*(" + KEY + ")");

    private final List<Predicate<Map<String, String>>> requirements;

    private LabelSelector(List<Predicate<Map<String, String>>> requirements) {
        this.requirements = requirements;
    }

    /**
     * Parses {@code text}.
     *
     * @throws UsageException naming the requirement that does not parse
     */
    static LabelSelector parse(String text) {
        List<Predicate<Map<String, String>>> requirements = new ArrayList<>();
        for (String part : split(text)) {
            String r = part.strip();
            Matcher m;
            if ((m = SET.matcher(r)).matches()) {
                String key = m.group(1);
                Set<String> values = Set.of(splitValues(m.group(3), r));
                boolean in = m.group(2).equals("in");
                requirements.add(labels -> labels.containsKey(key) ? values.contains(labels.get(key)) == in : !in);
            } else if ((m = EQUALS.matcher(r)).matches()) {
                String key = m.group(1);
                String value = m.group(3);
                boolean equal = !m.group(2).equals("!=");
                requirements.add(labels -> value.equals(labels.get(key)) == equal);
            } else if ((m = EXISTS.matcher(r)).matches()) {
                String key = m.group(2);
                boolean present = m.group(1).isEmpty();
                requirements.add(labels -> labels.containsKey(key) == present);
            } else {
                throw new UsageException("--labels: cannot read '" + r + "' (use key=value, key!=value, key in (a,b),"
                        + " key notin (a,b), key or !key, separated by commas)");
            }
        }
        return new LabelSelector(requirements);
    }

    @Override
    public boolean test(Map<String, String> labels) {
        for (Predicate<Map<String, String>> r : requirements) {
            if (!r.test(labels)) return false;
        }
        return true;
    }

    /** The requirements of {@code text}: split at commas outside parentheses. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') depth++;
            if (c == ')') depth--;
            if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static String[] splitValues(String list, String requirement) {
        String[] values = list.split(",", -1);
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i].strip();
            if (values[i].isEmpty()) throw new UsageException("--labels: an empty value in '" + requirement + "'");
        }
        return values;
    }
}
