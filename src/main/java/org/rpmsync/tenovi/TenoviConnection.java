package org.rpmsync.tenovi;

import java.time.Instant;
import org.rpmsync.organization.OrganizationId;

/**
 * An organization's Tenovi connection as people and integrators see it: never the key itself, only its hint.
 * {@code webhookUrl} and {@code webhookAuthHeader} are null until the organization linked once.
 */
public record TenoviConnection(OrganizationId organizationId, boolean enabled, TenoviStatus status,
                               String clientDomain, String apiKeyHint, Instant checkedAt, String lastError,
                               Instant lastWebhookAt, String webhookUrl, String webhookAuthHeader,
                               boolean webhookSecretSet) {

    public boolean linked() {
        return status == TenoviStatus.CONNECTED || status == TenoviStatus.CREDENTIALS_REJECTED
                || status == TenoviStatus.UNREACHABLE;
    }
}
