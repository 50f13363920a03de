package org.rpmsync.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rpmsync.tenovi.*} settings of refresh, backfill and reconciliation jobs (the pacing and retries of the calls
 * themselves are the tenovi module's).
 *
 * @param syncWorker        whether this instance runs jobs and schedules reconciliation
 * @param reconcileInterval how often every connected organization is reconciled
 * @param overlap           how far before a cursor a fetch starts again ({@code created__gte})
 * @param pageSize          {@code page_size} of measurement pages (Tenovi's maximum is 1000)
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
        @DefaultValue("10m") Duration lease,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2") int workers) {

    SyncProperties {
        pageSize = Math.max(1, Math.min(1000, pageSize));
        workers = Math.max(1, workers);
    }
}
