package org.rpmsync.simulator;

import java.time.Instant;

/** A reading as the simulated Tenovi server holds it; {@code created} is (simulated) server time of storage. */
record StoredMeasurement(long sequence, Reading reading, Instant created) {

    TenoviMeasurement toApi() {
        return reading.toApi(created);
    }
}
