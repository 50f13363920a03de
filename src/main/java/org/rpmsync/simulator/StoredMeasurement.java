package org.rpmsync.simulator;

import java.time.Instant;

/** A reading as the simulated Tenovi server holds it; {@code created} is (simulated) server time of storage. */
public record StoredMeasurement(long sequence, Reading reading, Instant created) {

    public TenoviMeasurement toApi() {
        return reading.toApi(created);
    }
}
