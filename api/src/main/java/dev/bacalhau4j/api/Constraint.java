package dev.bacalhau4j.api;

import java.util.List;
import java.util.Objects;

/**
 * A placement constraint on node labels, as Bacalhau writes it: {@code {Key, Operator, Values}}.
 *
 * @param key the node label
 * @param operator how the label is compared
 * @param values the values compared against (none for {@code exists} and {@code !})
 */
public record Constraint(String key, ConstraintOperator operator, List<String> values) {
    /**
     * Checks the components and copies the collections.
     *
     * @param key the node label
     * @param operator how the label is compared
     * @param values the values compared against (none for {@code exists} and {@code !})
     */
    public Constraint {
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(operator, "operator == null");
        values = List.copyOf(values);
    }
}
