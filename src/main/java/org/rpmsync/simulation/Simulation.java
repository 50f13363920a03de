package org.rpmsync.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.rpmsync.simulator.Account;
import org.rpmsync.simulator.Fleet;
import org.rpmsync.simulator.Reading;
import org.rpmsync.simulator.SimClock;
import org.rpmsync.simulator.StoredMeasurement;

/**
 * Moves the fleet through simulated time: every tick stores the readings whose upload time has come (their
 * {@code created} is that upload time) and hands them to the webhook sender.
 */
final class Simulation {

    private final Fleet fleet;
    private final SimClock clock;
    private final ReadingGenerator generator;
    private final WebhookSender sender;
    private Instant last;

    Simulation(Fleet fleet, SimClock clock, ReadingGenerator generator, WebhookSender sender) {
        this.fleet = fleet;
        this.clock = clock;
        this.generator = generator;
        this.sender = sender;
        this.last = clock.now();
    }

    Instant now() {
        return clock.now();
    }

    /** Stores and sends every reading uploaded since the last tick. */
    synchronized List<StoredMeasurement> tick() {
        var now = clock.now();
        if (!now.isAfter(last)) {
            return List.of();
        }
        var stored = new ArrayList<StoredMeasurement>();
        for (var account : fleet.accounts()) {
            var due = new ArrayList<ScheduledReading>();
            for (var device : account.devices()) {
                var patient = account.patient(device.patientId());
                if (!device.connected() || patient.isEmpty()) {
                    continue;
                }
                for (var scheduled : generator.readings(patient.get(), device,
                        last.minus(ReadingGenerator.MAX_UPLOAD_DELAY), now)) {
                    if (!scheduled.uploadAt().isBefore(last) && scheduled.uploadAt().isBefore(now)
                            && !scheduled.reading().timestamp().isBefore(device.created())) {
                        due.add(scheduled);
                    }
                }
            }
            due.sort(Comparator.comparing(ScheduledReading::uploadAt)
                    .thenComparing(s -> s.reading().timestamp()));
            var readings = new ArrayList<Reading>();
            for (var scheduled : due) {
                stored.add(account.store(scheduled.reading(), scheduled.uploadAt()));
                readings.add(scheduled.reading());
            }
            sender.readings(account, readings);
        }
        last = now;
        return stored;
    }

    /** Jumps the simulated clock ahead and runs the generator over the skipped time. */
    synchronized List<StoredMeasurement> advance(Duration duration) {
        clock.advance(duration);
        return tick();
    }

    /** Stores a reading now (server time) and sends it, as if a device had just uploaded it. */
    synchronized StoredMeasurement upload(Account account, Reading reading) {
        var stored = account.store(reading, clock.now());
        sender.readings(account, List.of(reading));
        return stored;
    }

    /** Stores readings now but sends them in the given order (which may differ from time order). */
    synchronized List<StoredMeasurement> uploadInOrder(Account account, List<Reading> readings) {
        var stored = readings.stream().map(r -> account.store(r, clock.now())).toList();
        sender.readings(account, readings);
        return stored;
    }
}
