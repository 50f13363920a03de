package org.rpmsync.simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.rpmsync.simulator.Account;
import org.rpmsync.simulator.InvalidField;
import org.rpmsync.simulator.Reading;
import org.rpmsync.simulator.StoredMeasurement;

/** The awkward deliveries a receiver must survive, sent on demand through the control API. */
final class WebhookAnomalies {

    /** Tenovi's own placeholder id in test payloads (reference §3.1). */
    static final String UNKNOWN_DEVICE_ID = "12345678-abcd-1234-abcd-1234567890ab";
    private static final List<String> MALFORMED = List.of(
            "{\"metric\": \"blood_pressure\", \"value_1\": ",
            "{\"metric\": \"pulse\", \"value_1\": \"abc\", \"timestamp\": \"yesterday\"}",
            "[{\"unexpected\": true}]",
            "not json at all");

    enum Kind {
        /** Resends the latest stored measurements once more. */
        DUPLICATE,
        /** New readings sent newest first. */
        OUT_OF_ORDER,
        /** New readings taken {@code hours} ago, uploaded now. */
        LATE,
        /** Broken JSON and items missing fields. */
        MALFORMED,
        /** Valid items for a device the account does not have. */
        UNKNOWN_DEVICE
    }

    private final Simulation simulation;
    private final WebhookSender sender;

    WebhookAnomalies(Simulation simulation, WebhookSender sender) {
        this.simulation = simulation;
        this.sender = sender;
    }

    /** @return how many items were sent */
    int send(Account account, Kind kind, int count, int hours) {
        switch (kind) {
            case DUPLICATE -> {
                var latest = account.latestMeasurements(count).stream().map(StoredMeasurement::reading).toList();
                sender.readings(account, latest);
                return latest.size();
            }
            case OUT_OF_ORDER -> {
                var readings = series(account, count, 0);
                Collections.reverse(readings);
                simulation.uploadInOrder(account, readings);
                return readings.size();
            }
            case LATE -> {
                var readings = series(account, count, hours);
                simulation.uploadInOrder(account, readings);
                return readings.size();
            }
            case MALFORMED -> {
                for (int i = 0; i < count; i++) {
                    sender.raw(account, MALFORMED.get(i % MALFORMED.size()));
                }
                return count;
            }
            case UNKNOWN_DEVICE -> {
                var readings = series(account, count, 0).stream()
                        .map(r -> r.withDevice(UNKNOWN_DEVICE_ID, "")).toList();
                sender.readings(account, readings);
                return readings.size();
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
    }

    /** {@code count} readings one minute apart ending {@code hoursAgo} before now, shaped like a recent one. */
    private List<Reading> series(Account account, int count, int hoursAgo) {
        var template = account.latestMeasurements(1).stream().map(StoredMeasurement::reading).findFirst()
                .or(() -> account.devices().stream().findFirst()
                        .map(d -> Reading.of(d, "battery_percentage", 90, 0, simulation.now(), null)))
                .orElseThrow(() -> new InvalidField("client_domain", "The account has no devices."));
        var end = simulation.now().minusSeconds(hoursAgo * 3600L);
        var readings = new ArrayList<Reading>();
        for (int i = count; i >= 1; i--) {
            readings.add(template.withTimestamp(end.minusSeconds(60L * i)));
        }
        return readings;
    }
}
