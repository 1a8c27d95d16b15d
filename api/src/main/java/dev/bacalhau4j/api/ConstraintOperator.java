package dev.bacalhau4j.api;

/** Bacalhau's label selector operators. */
public enum ConstraintOperator {
    /** The label equals the one value. */
    EQUALS("="),
    /** The label is missing or is not one of the values. */
    NOT_EQUALS("!="),
    /** The label equals one of the values. */
    IN("in"),
    /** The label is missing or equals none of the values. */
    NOT_IN("notin"),
    /** The node has the label, whatever its value. */
    EXISTS("exists"),
    /** The node does not have the label. */
    DOES_NOT_EXIST("!"),
    /** The label, as a number, is greater than the one value. */
    GREATER_THAN("gt"),
    /** The label, as a number, is less than the one value. */
    LESS_THAN("lt");

    private final String wireName;

    ConstraintOperator(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The operator as job specs write it.
     *
     * @return {@code =}, {@code !=}, {@code in}, {@code notin}, {@code exists}, {@code !}, {@code gt} or
     *     {@code lt}
     */
    public String wireName() {
        return wireName;
    }
}
