package org.rpmsync.tenovi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.rpmsync.organization.OrganizationId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The secret Tenovi sends in the webhook's auth header: generated here, shown once, stored as SHA-256 only.
 * A rotation keeps the previous hash valid for {@link #GRACE}.
 */
@Component
class WebhookSecrets {

    static final java.time.Duration GRACE = java.time.Duration.ofHours(24);

    private final ConnectionStore store;
    private final String publicBaseUrl;

    WebhookSecrets(ConnectionStore store, @Value("${rpmsync.public-base-url:http://localhost:8080}") String baseUrl) {
        this.store = store;
        this.publicBaseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A new current secret for the organization (which must have a connection row). */
    WebhookSecret issue(UUID organization) {
        String value = WebhookSecret.generate();
        store.rotateSecret(organization, WebhookSecret.hash(value), Instant.now().plus(GRACE));
        ConnectionRow row = store.find(organization).orElseThrow();
        return new WebhookSecret(row.webhookAuthHeader(), value, url(row.webhookKey()));
    }

    String url(String webhookKey) {
        return publicBaseUrl + "/webhooks/tenovi/" + webhookKey;
    }

    Optional<OrganizationId> verify(String webhookKey, String presentedValue) {
        WebhookVerdict verdict = judge(webhookKey, header -> presentedValue);
        return verdict.accepted() ? verdict.owner() : Optional.empty();
    }

    /** One lookup: the key's owner, and whether the value of its configured header is the secret. */
    WebhookVerdict judge(String webhookKey, java.util.function.Function<String, String> header) {
        if (webhookKey == null || webhookKey.length() > 64) {
            return WebhookVerdict.unknown();
        }
        Optional<ConnectionRow> found = store.findByWebhookKey(webhookKey);
        if (found.isEmpty()) {
            return WebhookVerdict.unknown();
        }
        ConnectionRow row = found.get();
        Optional<OrganizationId> owner = Optional.of(OrganizationId.of(row.organizationId()));
        String presentedValue = header.apply(row.webhookAuthHeader());
        if (row.secretHash() == null || presentedValue == null) {
            return new WebhookVerdict(owner, false);
        }
        byte[] presented = bytes(WebhookSecret.hash(presentedValue.strip()));
        boolean current = MessageDigest.isEqual(presented, bytes(row.secretHash()));
        boolean previousValid = row.previousSecretHash() != null && row.previousSecretExpiresAt() != null
                && row.previousSecretExpiresAt().isAfter(Instant.now().truncatedTo(ChronoUnit.MICROS));
        boolean previous = MessageDigest.isEqual(presented,
                bytes(previousValid ? row.previousSecretHash() : row.secretHash() + "-expired"));
        return new WebhookVerdict(owner, current || previous);
    }

    private static byte[] bytes(String hex) {
        return hex.getBytes(StandardCharsets.US_ASCII);
    }
}
