package org.rpmsync.simulation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import org.rpmsync.simulator.Behaviour;
import org.rpmsync.simulator.Device;

/** One local day of one device, with the day's own random numbers (so a day reads the same however it is sliced). */
record Day(Device device, Behaviour behaviour, LocalDate date, ZoneOffset zone, SplittableRandom random) {

    /** Local wall-clock time of this day, shifted by {@code jitterMinutes}. */
    Instant at(int hour, int minute, int jitterMinutes) {
        return date.atTime(hour, minute).toInstant(zone).plusSeconds(jitterMinutes * 60L);
    }

    /** Whether the patient does the expected thing this time (takes the dose, uses the device). */
    boolean takes() {
        return random.nextDouble() < behaviour.takeChance;
    }

    int between(int lowInclusive, int highExclusive) {
        return random.nextInt(lowInclusive, highExclusive);
    }

    double between(double low, double high) {
        return random.nextDouble(low, high);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }
}
