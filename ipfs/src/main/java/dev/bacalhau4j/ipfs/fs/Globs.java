package dev.bacalhau4j.ipfs.fs;

import java.util.regex.PatternSyntaxException;

/** Glob patterns as {@code FileSystem.getPathMatcher} documents them, translated to regular expressions. */
final class Globs {
    private Globs() {}

    static String toRegex(String glob) {
        StringBuilder out = new StringBuilder("^");
        boolean inGroup = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (++i == glob.length()) {
                        throw new PatternSyntaxException("no character to escape", glob, i - 1);
                    }
                    out.append(Character.isLetterOrDigit(glob.charAt(i)) ? "" : "\\").append(glob.charAt(i));
                }
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        out.append(".*");
                        i++;
                    } else {
                        out.append("[^/]*");
                    }
                }
                case '?' -> out.append("[^/]");
                case '{' -> {
                    if (inGroup) {
                        throw new PatternSyntaxException("nested groups are not supported", glob, i);
                    }
                    out.append("(?:(?:");
                    inGroup = true;
                }
                case '}' -> {
                    if (inGroup) {
                        out.append("))");
                        inGroup = false;
                    } else {
                        out.append("\\}");
                    }
                }
                case ',' -> out.append(inGroup ? ")|(?:" : ",");
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) {
                        throw new PatternSyntaxException("missing ']'", glob, i);
                    }
                    String set = glob.substring(i + 1, end);
                    if (set.startsWith("!")) {
                        set = "^" + set.substring(1);
                    } else if (set.startsWith("^")) {
                        set = "\\" + set;
                    }
                    out.append("[[^/]&&[").append(set.replace("[", "\\[").replace("&&", "&\\&")).append("]]");
                    i = end;
                }
                default -> {
                    if ("^$.|+()".indexOf(c) >= 0) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        if (inGroup) {
            throw new PatternSyntaxException("missing '}'", glob, glob.length() - 1);
        }
        return out.append('$').toString();
    }
}
