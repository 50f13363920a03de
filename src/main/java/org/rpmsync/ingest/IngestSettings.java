package org.rpmsync.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxBodyBytes        largest webhook body accepted (413 beyond, enforced while reading)
 * @param deliveriesPerSecond per webhook key, so one noisy sender cannot starve the others (429 beyond)
 * @param workers             inbox worker threads per app instance (all but one help only while batches come back full)
 * @param batchSize           inbox rows claimed per transaction
 * @param pollInterval        how long an idle worker waits before it looks again (the deliveries this instance stores
 *                            wake it at once)
 * @param sweepInterval       how often a worker looks for all deliveries that are due, not only those this instance
 *                            just stored (which it claims by id): other instances', retries, any it could not keep in
 *                            mind (the look reads past the rows processed since the inbox was last vacuumed)
 * @param gather              how long a worker that found less than a full batch lets deliveries gather before it
 *                            claims again (received → readable grows by up to this much; batches grow under load)
 * @param maxAttempts         tries before a delivery is marked failed (shown on the health panel)
 * @param retention           processed raw bodies are erased after this long (the readings stay)
 * @param lagWarning          readiness turns OUT_OF_SERVICE when the oldest pending delivery is older than this
 */
@ConfigurationProperties("rpmsync.ingest")
record IngestSettings(Integer maxBodyBytes, Double deliveriesPerSecond, Integer workers, Integer batchSize,
                      Duration pollInterval, Duration sweepInterval, Duration gather, Integer maxAttempts, Duration retention, Duration lagWarning) {

    IngestSettings {
        maxBodyBytes = maxBodyBytes == null ? 1024 * 1024 : maxBodyBytes;
        deliveriesPerSecond = deliveriesPerSecond == null ? 5000.0 : deliveriesPerSecond;
        workers = workers == null ? 4 : workers;
        batchSize = batchSize == null ? 500 : batchSize;
        pollInterval = pollInterval == null ? Duration.ofMillis(250) : pollInterval;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        gather = gather == null ? Duration.ofMillis(100) : gather;
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        retention = retention == null ? Duration.ofDays(7) : retention;
        lagWarning = lagWarning == null ? Duration.ofMinutes(5) : lagWarning;
    }
}
