package org.rpmsync.integrations;

import java.time.Instant;

/**
 * Webhook deliveries refused on the organization's URL (missing or wrong secret) in the last 24 hours, and when the
 * latest one arrived ({@code null} when there was none).
 */
public record RefusedDeliveries(long count24h, Instant lastAt) {

    static final RefusedDeliveries NONE = new RefusedDeliveries(0, null);

    public boolean any() {
        return count24h > 0;
    }

    /** What happened and what to do, for the tile and the API's {@code lastError}; null when nothing was refused. */
    public String message() {
        if (!any()) {
            return null;
        }
        return "RPM Sync refused " + count24h + (count24h == 1 ? " webhook delivery" : " webhook deliveries")
                + " from Tenovi in the last 24 hours because it carried a "
                + "missing or outdated webhook secret, so those readings did not arrive. Choose \"Register in Tenovi "
                + "for me\" under Organization Settings > Integrations (or paste a new secret into Tenovi's webhooks), "
                + "then use Refresh User Data on affected clients; the 6-hourly reconciliation also fetches them.";
    }
}
