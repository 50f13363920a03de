package org.rpmsync.integrations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.rpmsync.organization.OrganizationId;
import org.rpmsync.web.PublicAddress;
import org.springframework.stereotype.Component;

/**
 * The secret Tenovi sends in the webhook's auth header: generated here, shown once, stored as SHA-256 only.
 * A rotation keeps the previous hash valid for {@link #GRACE}.
 */
@Component
class WebhookSecrets {

    static final java.time.Duration GRACE = java.time.Duration.ofHours(24);

    /** Webhook keys looked up in the last few seconds: saves a query per delivery under load. */
    private static final long CACHE_NANOS = java.time.Duration.ofSeconds(5).toNanos();
    private final java.util.Map<String, Cached> recent = new java.util.concurrent.ConcurrentHashMap<>();

    private final ConnectionStore store;
    private final PublicAddress here;

    WebhookSecrets(ConnectionStore store, PublicAddress here) {
        this.store = store;
        this.here = here;
    }

    /** A new current secret for the organization (which must have a connection row). */
    WebhookSecret issue(UUID organization) {
        String value = WebhookSecret.generate();
        store.rotateSecret(organization, WebhookSecret.hash(value), Instant.now().plus(GRACE));
        forget();
        ConnectionRow row = store.find(organization).orElseThrow();
        return new WebhookSecret(row.webhookAuthHeader(), value, url(row.webhookKey()));
    }

    String url(String webhookKey) {
        return here.of("/webhooks/tenovi/" + webhookKey);
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
        Optional<ConnectionRow> found = lookUp(webhookKey);
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

    /** Forgets cached webhook keys after a change in this instance; other instances see it within 5 s. */
    void forget() {
        recent.clear();
    }

    private Optional<ConnectionRow> lookUp(String webhookKey) {
        long now = System.nanoTime();
        Cached cached = recent.get(webhookKey);
        if (cached != null && now - cached.at() < CACHE_NANOS) {
            return cached.row();
        }
        Optional<ConnectionRow> row = store.findByWebhookKey(webhookKey);
        if (recent.size() > 10_000) {
            recent.clear();
        }
        recent.put(webhookKey, new Cached(row, now));
        return row;
    }

    private record Cached(Optional<ConnectionRow> row, long at) {
    }
}
