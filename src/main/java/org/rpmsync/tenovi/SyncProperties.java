package org.rpmsync.tenovi;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rpmsync.tenovi.*} settings of refresh, backfill and reconciliation jobs (beside {@link TenoviProperties}).
 *
 * @param syncWorker        whether this instance runs jobs and schedules reconciliation
 * @param reconcileInterval how often every connected organization is reconciled
 * @param overlap           how far before a cursor a fetch starts again ({@code created__gte})
 * @param pageSize          {@code page_size} of measurement pages (Tenovi's maximum is 1000)
 * @param requestInterval   for every call {@link TenoviClient} makes with one API key, across all instances: how long
 *                          after the previous answer the next request may leave ({@link RequestPacer})
 * @param maxRetries        attempts after a 5xx, timeout or reset before the job fails (it resumes from its cursor)
 * @param retryBackoff      first wait after a 5xx or timeout; doubled each time, with jitter
 * @param max429Retries     calls that gave up on 429s ({@code max-429-wait}) a job tries again before it fails
 * @param lease             how long a claimed job is ours without a heartbeat
 * @param pollInterval      how often idle workers look for jobs
 * @param workers           jobs this instance runs at once (for different organizations)
 */
@ConfigurationProperties("rpmsync.tenovi")
record SyncProperties(
        @DefaultValue("true") boolean syncWorker,
        @DefaultValue("6h") Duration reconcileInterval,
        @DefaultValue("1h") Duration overlap,
        @DefaultValue("1000") int pageSize,
        @DefaultValue("1050ms") Duration requestInterval,
        @DefaultValue("3") int maxRetries,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("8") int max429Retries,
        @DefaultValue("10m") Duration lease,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2") int workers) {

    SyncProperties {
        pageSize = Math.max(1, Math.min(1000, pageSize));
        workers = Math.max(1, workers);
    }
}
