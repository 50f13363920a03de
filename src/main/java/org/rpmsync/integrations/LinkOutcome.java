package org.rpmsync.integrations;

/** The connection after a successful link, and the webhook secret when this link generated the first one. */
public record LinkOutcome(TenoviConnection connection, WebhookSecret newWebhookSecret) {
}
