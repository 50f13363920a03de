package org.rpmsync.simulator;

import java.time.Instant;

/** A generated reading and the (simulated) time the gateway uploads it to Tenovi. */
record ScheduledReading(Reading reading, Instant uploadAt) {
}
