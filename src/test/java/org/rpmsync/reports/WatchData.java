package org.rpmsync.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.rpmsync.clients.Client;
import org.rpmsync.measurements.NewReading;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.organization.Organization;

/**
 * A client (UTC) with a Tenovi Watch and the readings nobody showed before issue 12 §3: hourly steps (3000 yesterday,
 * 1500 the day before), sleep (7.5 h and 6.25 h), hourly heart rate, battery, plus a peak-flow meter, a thermometer
 * and an unknown metric. Yesterday is the client's local yesterday.
 */
final class WatchData {

    static final String WATCH = "watch-0a1f2b";
    static final String WATCH_LABEL = "Tenovi Watch · …f2b";
    static final String OLD_SCALE = "scale-old-77";

    private WatchData() {
    }

    static Client watchClient(Organization organization, ClinicData data) {
        Client client = data.client(organization, "UTC");
        data.device(organization, client, WATCH, "Tenovi Watch");
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        LocalDate before = yesterday.minusDays(1);
        List<NewReading> readings = new ArrayList<>();
        int[] steps = {500, 700, 800, 1000};
        for (int i = 0; i < steps.length; i++) {
            readings.add(ClinicData.single(WATCH, ReadingType.STEPS, "steps", at(yesterday, 8 + i), "" + steps[i],
                    "{steps}", "", null));
        }
        readings.add(ClinicData.single(WATCH, ReadingType.STEPS, "steps", at(before, 9), "1200", "{steps}", "", null));
        readings.add(ClinicData.single(WATCH, ReadingType.STEPS, "steps", at(before, 10), "300", "{steps}", "", null));
        readings.add(ClinicData.single(WATCH, ReadingType.SLEEP, "sleep", at(yesterday, 7), "7.5", "h", "", null));
        readings.add(ClinicData.single(WATCH, ReadingType.SLEEP, "sleep", at(before, 7), "6.25", "h", "", null));
        readings.add(ClinicData.pair(WATCH, ReadingType.HEART_RATE, "heart_rate_statistics", at(yesterday, 9), "72",
                "110", "/min"));
        readings.add(ClinicData.pair(WATCH, ReadingType.HEART_RATE, "heart_rate_statistics", at(yesterday, 10), "75",
                "98", "/min"));
        readings.add(ClinicData.single(WATCH, ReadingType.BATTERY, "battery_percentage", at(yesterday, 12), "80", "%",
                "", null));
        readings.add(ClinicData.single("pf-1", ReadingType.PEAK_FLOW, "peak_expiratory_flow", at(yesterday, 13), "420",
                "L/min", "", null));
        readings.add(ClinicData.single("th-1", ReadingType.TEMPERATURE, "temperature", at(yesterday, 14), "98.6",
                "[degF]", "", null));
        readings.add(ClinicData.pair("odd-1", ReadingType.OTHER, "fev1_weird", at(yesterday, 15), "3.1", "x", null));
        readings.add(ClinicData.single(OLD_SCALE, ReadingType.WEIGHT, "weight", at(yesterday.minusDays(60), 8),
                "181", "[lb_av]", "", null));
        data.record(organization, client, Instant.now(), readings.toArray(NewReading[]::new));
        return client;
    }

    static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }
}
