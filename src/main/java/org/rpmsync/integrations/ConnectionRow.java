package org.rpmsync.integrations;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code tenovi_connections}. Only secrets in sealed or hashed form. */
record ConnectionRow(UUID organizationId, TenoviStatus status, String clientDomain, SealedSecret apiKey,
                     String apiKeyHint, Instant checkedAt, String lastError, Instant lastWebhookAt, String webhookKey,
                     String webhookAuthHeader, String secretHash, String previousSecretHash,
                     Instant previousSecretExpiresAt) {

    boolean linked() {
        return apiKey != null && clientDomain != null;
    }
}
