package org.rpmsync.simulator;

/** A request field Tenovi would reject with 400 and {@code {"<field>": ["<message>"]}}. */
public final class InvalidField extends RuntimeException {

    final String field;

    public InvalidField(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }
}
