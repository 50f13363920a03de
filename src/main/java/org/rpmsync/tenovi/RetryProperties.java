package org.rpmsync.tenovi;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rpmsync.tenovi.*}: how a page walk ({@link MeasurementPages}) retries (beside {@link TenoviProperties}).
 *
 * @param maxRetries    attempts after a 5xx, timeout or reset before a page walk gives up
 * @param retryBackoff  first wait after a 5xx or timeout; doubled each time, with jitter
 * @param max429Retries how many more times a page walk waits {@code max-429-wait} out before it gives up on 429s
 */
@ConfigurationProperties("rpmsync.tenovi")
record RetryProperties(
        @DefaultValue("3") int maxRetries,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("8") int max429Retries) {
}
