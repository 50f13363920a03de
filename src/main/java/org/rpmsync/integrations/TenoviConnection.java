package org.rpmsync.integrations;

import java.time.Instant;
import org.rpmsync.organization.OrganizationId;

/**
 * An organization's Tenovi connection as people and integrators see it: never the key itself, only its hint.
 * {@code webhookUrl} and {@code webhookAuthHeader} are null until the organization linked once; they stay after an
 * unlink, because the webhook URL and secret outlive it. {@code lastError} is the last failed check of the key.
 */
public record TenoviConnection(OrganizationId organizationId, boolean enabled, TenoviStatus status,
                               String clientDomain, String apiKeyHint, Instant checkedAt, String lastError,
                               Instant lastWebhookAt, String webhookUrl, String webhookAuthHeader,
                               boolean webhookSecretSet, RefusedDeliveries refusedDeliveries) {

    public boolean linked() {
        return status == TenoviStatus.CONNECTED || status == TenoviStatus.CREDENTIALS_REJECTED
                || status == TenoviStatus.UNREACHABLE;
    }

    /** Deliveries were refused on our URL in the last 24 h: the tile is amber even while the key is fine. */
    public boolean deliveriesRefused() {
        return refusedDeliveries.any();
    }

    /**
     * The error people and integrators see: the failed key check, else the refused deliveries; null only when
     * neither. Never "none" while Tenovi's deliveries are being refused.
     */
    public String currentError() {
        return lastError != null ? lastError : refusedDeliveries.message();
    }
}
