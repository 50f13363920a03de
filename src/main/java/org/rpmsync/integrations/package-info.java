/**
 * Integrations: each organization's link to its Tenovi account — the encrypted API key, the webhook URL and secret
 * (shown once, stored hashed) and keeping our webhooks registered in Tenovi ({@code WebhookRegistrar}: ours updated
 * with the new secret, stale ones removed, missing ones created), the health tile, refused deliveries, and the
 * Integrations page and API. Calls to Tenovi (key check, webhooks) go through the tenovi module's
 * {@code TenoviAccount}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenovi", "organization", "audit", "web"})
package org.rpmsync.integrations;
