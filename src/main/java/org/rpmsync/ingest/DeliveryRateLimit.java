package org.rpmsync.ingest;

import org.rpmsync.cluster.RateLimit;
import org.rpmsync.cluster.SharedLimits;
import org.springframework.stereotype.Component;

/**
 * A token bucket per webhook key, across every instance ({@link SharedLimits}): one noisy sender gets 429 while the
 * others go on.
 */
@Component
class DeliveryRateLimit {

    private final SharedLimits limits;
    private final RateLimit perKey;

    DeliveryRateLimit(SharedLimits limits, IngestSettings settings) {
        this.limits = limits;
        this.perKey = new RateLimit("webhook-key", settings.deliveriesPerSecond(), settings.deliveriesPerSecond());
    }

    boolean allow(String webhookKey) {
        return limits.take(perKey, webhookKey);
    }
}
