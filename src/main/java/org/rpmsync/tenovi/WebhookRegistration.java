package org.rpmsync.tenovi;

/**
 * The result of "Register in Tenovi for me": the new secret (shown once, so the manual steps still work when
 * Tenovi refused) and, on failure, Tenovi's HTTP status (0 when it never answered).
 */
public record WebhookRegistration(WebhookSecret secret, boolean registered, int tenoviStatus) {
}
