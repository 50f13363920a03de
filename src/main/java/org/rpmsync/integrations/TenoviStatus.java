package org.rpmsync.integrations;

import org.rpmsync.tenovi.ConnectionCheck;

/** The health of an organization's Tenovi connection, as shown on the tile and in the API ({@link #wire()}). */
public enum TenoviStatus {
    NOT_ENABLED, NOT_LINKED, CONNECTED, CREDENTIALS_REJECTED, UNREACHABLE;

    public String wire() {
        return name().toLowerCase();
    }

    static TenoviStatus ofWire(String value) {
        return valueOf(value.toUpperCase());
    }

    static TenoviStatus of(ConnectionCheck check) {
        return switch (check.result()) {
            case CONNECTED -> CONNECTED;
            case REJECTED, UNKNOWN_CLIENT_DOMAIN -> CREDENTIALS_REJECTED;
            case UNREACHABLE, REDIRECTED -> UNREACHABLE;
        };
    }
}
