package org.rpmsync.schema;

import java.util.List;

/** The database applied migrations that differ from this version's; the start stops before anything is written. */
class SchemaHistoryMismatch extends RuntimeException {

    private final List<String> differences;

    SchemaHistoryMismatch(List<String> differences) {
        super("The database's applied migrations differ from this version's (" + String.join("; ", differences) + ")");
        this.differences = List.copyOf(differences);
    }

    List<String> differences() {
        return differences;
    }
}
