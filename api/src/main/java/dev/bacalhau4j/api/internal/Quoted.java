package dev.bacalhau4j.api.internal;

/** Shows a user's value inside an error message, so blanks and control characters stay visible. */
public final class Quoted {
    /** Longer values are cut, so a hostile 10 MB value cannot make a 10 MB message. */
    static final int MAX_SHOWN_CHARS = 200;

    private Quoted() {}

    /**
     * {@code s} in double quotes with quotes, backslashes, newlines and tabs escaped, any other
     * control character as {@code \}{@code uXXXX} (an escape sequence must not reach a terminal), and
     * cut after {@value #MAX_SHOWN_CHARS} characters with a note of the full length.
     */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        int shown = Math.min(s.length(), MAX_SHOWN_CHARS);
        for (int i = 0; i < shown; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        if (shown < s.length()) {
            out.append("... (").append(s.length()).append(" characters)");
        }
        return out.toString();
    }
}
