package org.rpmsync.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the webhook endpoint takes deliveries under load.
 *
 * @param maxInFlight deliveries being received at once in this instance; the next one is answered 503 with
 *                    Retry-After at once, before anything is read or stored
 * @param commitBatch most deliveries written by one group commit (one multi-row INSERT, one commit)
 * @param committers  threads writing group commits; each holds one pool connection while it writes
 * @param commitWait  longest a request waits for its group commit; then 503 (a 2xx only ever after the commit)
 */
@ConfigurationProperties("rpmsync.ingest.receive")
record ReceiveSettings(Integer maxInFlight, Integer commitBatch, Integer committers, Duration commitWait) {

    ReceiveSettings {
        maxInFlight = maxInFlight == null ? 64 : maxInFlight;
        commitBatch = commitBatch == null ? 64 : commitBatch;
        committers = committers == null ? 2 : committers;
        commitWait = commitWait == null ? Duration.ofMillis(1000) : commitWait;
    }
}
