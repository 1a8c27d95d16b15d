package dev.bacalhau4j.api.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bacalhau4j.api.InvalidJobException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One JSON/YAML object of a spec being decoded, with its field path.
 *
 * <p>Field names match case-insensitively, as Go's {@code encoding/json} (and so Bacalhau) matches
 * them: {@code tasks:} and {@code Tasks:} are the same field. Every field the object may hold is
 * declared up front, so a misspelt field fails before any value is read. Null values count as absent.
 */
final class Fields {
    /**
     * The longest string any field may hold, except an inline source's URL (a whole module as a
     * data: URL, bounded by the document's own limit): a name or path of 1 MiB is already hostile.
     */
    static final int MAX_STRING_CHARS = 1 << 20;
    /** The longest field name or map key (Env, Labels, Meta): they end up in paths and messages. */
    static final int MAX_KEY_CHARS = 4096;

    private final JsonNode node;
    private final String path;
    private final Map<String, String> actualByLower = new LinkedHashMap<>();
    private final Map<String, String> knownByLower = new LinkedHashMap<>();

    private Fields(JsonNode node, String path, List<String> known) {
        this.node = node;
        this.path = path;
        known.forEach(k -> knownByLower.put(lower(k), k));
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.length() > MAX_KEY_CHARS) {
                throw new InvalidJobException(path, "a field name of " + name.length()
                        + " characters is too long (at most " + MAX_KEY_CHARS + ")");
            }
            String previous = actualByLower.putIfAbsent(lower(name), name);
            if (previous != null) {
                throw new InvalidJobException(child(name), "duplicate field (also given as " + previous + ")");
            }
            if (!knownByLower.containsKey(lower(name))) {
                throw new InvalidJobException(child(name), "unknown field (known: " + nearestFirst(name, known) + ")");
            }
        }
    }

    /** The object at {@code path}, which may hold only the {@code known} fields. */
    static Fields of(JsonNode node, String path, String... known) {
        if (node == null || !node.isObject()) {
            throw new InvalidJobException(path, "expected an object (got " + describe(node) + ")");
        }
        return new Fields(node, path, List.of(known));
    }

    String path() {
        return path;
    }

    /** The path of field {@code name} of this object. */
    String child(String name) {
        return path.isEmpty() ? segment(name) : path + "." + segment(name);
    }

    /**
     * A field name as a path segment: an empty name is written {@code ""}, so that an error about it
     * still names a field (with an empty path the message would name none).
     */
    static String segment(String name) {
        return name.isEmpty() ? "\"\"" : name;
    }

    /** True when the field is present and not null. */
    boolean has(String name) {
        return raw(name) != null;
    }

    /** The field's value, or null when absent or null. */
    JsonNode raw(String name) {
        String lower = lower(name);
        if (!knownByLower.containsKey(lower)) {
            throw new IllegalArgumentException("undeclared field " + name);
        }
        String actual = actualByLower.get(lower);
        JsonNode value = actual == null ? null : node.get(actual);
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    String string(String name, String absent) {
        JsonNode v = raw(name);
        return v == null ? absent : text(v, child(name));
    }

    /** Like {@link #string}, bounded only by the document's size: for inline data URLs. */
    String longString(String name, String absent) {
        JsonNode v = raw(name);
        return v == null ? absent : text(v, child(name), Integer.MAX_VALUE);
    }

    int integer(String name, int absent) {
        JsonNode v = raw(name);
        if (v == null) {
            return absent;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v.isIntegralNumber()) {
            throw new InvalidJobException(child(name), "out of range (got " + describe(v) + "; at most "
                    + Integer.MAX_VALUE + ")");
        }
        throw new InvalidJobException(child(name), "expected an integer (got " + describe(v) + ")");
    }

    long longInteger(String name, long absent) {
        JsonNode v = raw(name);
        if (v == null) {
            return absent;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isIntegralNumber()) {
            throw new InvalidJobException(child(name), "out of range (got " + describe(v) + "; at most "
                    + Long.MAX_VALUE + ")");
        }
        throw new InvalidJobException(child(name), "expected an integer (got " + describe(v) + ")");
    }

    /** A boolean; like Bacalhau's local source, also the strings {@code "true"} and {@code "false"}. */
    boolean bool(String name, boolean absent) {
        JsonNode v = raw(name);
        if (v == null) {
            return absent;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.textValue().equals("true") || v.textValue().equals("false"))) {
            return Boolean.parseBoolean(v.textValue());
        }
        throw new InvalidJobException(child(name), "expected true or false (got " + describe(v) + ")");
    }

    /** The field's list elements (empty when absent), each with its path {@code Name[i]}. */
    List<Element> list(String name) {
        JsonNode v = raw(name);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new InvalidJobException(child(name), "expected a list (got " + describe(v) + ")");
        }
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(new Element(v.get(i), child(name) + "[" + i + "]"));
        }
        return out;
    }

    List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        for (Element e : list(name)) {
            out.add(e.node().isNull() ? "" : text(e.node(), e.path())); // Go decodes null as ""
        }
        return out;
    }

    /** A map of strings; values may be any scalar, read as text. */
    Map<String, String> stringMap(String name) {
        JsonNode v = raw(name);
        if (v == null) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw new InvalidJobException(child(name), "expected an object of strings (got " + describe(v) + ")");
        }
        Map<String, String> out = new TreeMap<>();
        v.fields().forEachRemaining(e -> {
            if (e.getKey().length() > MAX_KEY_CHARS) {
                throw new InvalidJobException(child(name), "a key of " + e.getKey().length()
                        + " characters is too long (at most " + MAX_KEY_CHARS + ")");
            }
            String at = child(name) + "." + segment(e.getKey());
            out.put(e.getKey(), e.getValue().isNull() ? "" : text(e.getValue(), at)); // Go decodes null as ""
        });
        return out;
    }

    /** The nested object, or null when absent. */
    Fields object(String name, String... known) {
        JsonNode v = raw(name);
        return v == null ? null : of(v, child(name), known);
    }

    /** A list element and its path. */
    record Element(JsonNode node, String path) {}

    /**
     * Digits a number's plain text may have: as many as Jackson accepts in a number literal. An
     * exponent is short to write but not to print ({@code 1e1000000000} has a billion digits).
     */
    static final int MAX_NUMBER_DIGITS = 1000;

    /** Digits of {@code d} written without an exponent. */
    private static long plainDigits(BigDecimal d) {
        return d.scale() <= 0 ? (long) d.precision() - d.scale() : Math.max(d.precision(), (long) d.scale() + 1);
    }

    /** Text of a scalar; numbers and booleans are read as the text they were written as. */
    static String text(JsonNode v, String path) {
        return text(v, path, MAX_STRING_CHARS);
    }

    private static String text(JsonNode v, String path, int maxChars) {
        if (v.isTextual()) {
            if (v.textValue().length() > maxChars) {
                throw new InvalidJobException(path, "too long: " + v.textValue().length()
                        + " characters (at most " + maxChars + ")");
            }
            return v.textValue();
        }
        if (v.isBigDecimal()) {
            BigDecimal d = v.decimalValue();
            if (plainDigits(d) > MAX_NUMBER_DIGITS) {
                throw new InvalidJobException(path, "number too long to read as text (got " + d
                        + "; at most " + MAX_NUMBER_DIGITS + " digits)");
            }
            return d.toPlainString();
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        throw new InvalidJobException(path, "expected a string (got " + describe(v) + ")");
    }

    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isTextual()) {
            return quote(v.textValue());
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isBigDecimal()) {
            return plain(v.decimalValue());
        }
        String text = v.asText();
        return text.length() > 100 ? text.substring(0, 100) + "... (" + text.length() + " digits)" : text;
    }

    /**
     * A decimal as written in plain digits when that is short, else in scientific notation: the
     * plain form of {@code 1e100000000} is 100 million characters.
     */
    private static String plain(java.math.BigDecimal d) {
        int integerDigits = d.precision() - d.scale();
        return integerDigits > 100 || d.scale() > 100 ? d.toString() : d.toPlainString();
    }

    static String quote(String s) {
        return dev.bacalhau4j.api.internal.Quoted.quote(s);
    }

    /** The known names, the ones closest to {@code name} first (then in declared order). */
    static String nearestFirst(String name, List<String> known) {
        List<String> sorted = new ArrayList<>(known);
        sorted.sort(Comparator.comparingInt(k -> distance(lower(k), lower(name))));
        return String.join(", ", sorted);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
