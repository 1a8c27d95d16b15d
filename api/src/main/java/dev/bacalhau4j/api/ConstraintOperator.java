package dev.bacalhau4j.api;

/** Bacalhau's label selector operators. */
public enum ConstraintOperator {
    EQUALS("="),
    NOT_EQUALS("!="),
    IN("in"),
    NOT_IN("notin"),
    EXISTS("exists"),
    DOES_NOT_EXIST("!"),
    GREATER_THAN("gt"),
    LESS_THAN("lt");

    private final String wireName;

    ConstraintOperator(String wireName) {
        this.wireName = wireName;
    }

    /** The operator as job specs write it. */
    public String wireName() {
        return wireName;
    }
}
