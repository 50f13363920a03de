package org.rpmsync.simulation;

import java.time.Instant;

import org.rpmsync.simulator.Reading;

/** A generated reading and the (simulated) time the gateway uploads it to Tenovi. */
record ScheduledReading(Reading reading, Instant uploadAt) {
}
