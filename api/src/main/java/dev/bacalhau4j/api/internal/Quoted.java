package dev.bacalhau4j.api.internal;

/** Shows a user's value inside an error message, so blanks and control characters stay visible. */
public final class Quoted {
    private Quoted() {}

    /** {@code s} in double quotes with quotes, backslashes, newlines and tabs escaped. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
