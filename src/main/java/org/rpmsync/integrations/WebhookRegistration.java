package org.rpmsync.integrations;

/**
 * The result of "Register in Tenovi for me": the new secret (shown once, so the manual steps still work when
 * Tenovi refused), on failure Tenovi's HTTP status (0 when it never answered), and what was done to Tenovi's
 * webhooks at our URL: updated with the new secret, stale duplicates removed, missing ones created.
 */
public record WebhookRegistration(WebhookSecret secret, boolean registered, int tenoviStatus, int updated,
                                  int removed, int created) {
}
