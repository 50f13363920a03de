package org.rpmsync.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** A token bucket per webhook key in this instance: one noisy sender gets 429 while the others go on. */
@Component
class DeliveryRateLimit {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double perSecond;

    DeliveryRateLimit(IngestSettings settings) {
        this.perSecond = settings.deliveriesPerSecond();
    }

    boolean allow(String webhookKey) {
        if (buckets.size() > 100_000) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(webhookKey, k -> new Bucket(perSecond)).take(perSecond, System.nanoTime());
    }

    private static final class Bucket {
        private double tokens;
        private long updated = System.nanoTime();

        Bucket(double tokens) {
            this.tokens = tokens;
        }

        synchronized boolean take(double perSecond, long now) {
            tokens = Math.min(perSecond, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }
    }
}
