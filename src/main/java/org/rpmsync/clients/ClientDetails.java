package org.rpmsync.clients;

/**
 * What a caller sets on a client, as given (strings, not yet checked). {@link ClientDirectory} strips and
 * validates it: names required, email and externalId optional, a blank time zone means the configured default.
 */
public record ClientDetails(String firstName, String lastName, String email, String externalId, String timeZone) {
}
