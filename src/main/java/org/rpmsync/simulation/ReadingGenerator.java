package org.rpmsync.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.rpmsync.simulator.Behaviour;
import org.rpmsync.simulator.Device;
import org.rpmsync.simulator.DeviceKind;
import org.rpmsync.simulator.Patient;
import org.rpmsync.simulator.Reading;

/**
 * Deterministic readings: a device's readings on a local day depend only on the seed, the device id and the date.
 * Pillboxes are opened near 08:00 and 20:00 local according to the patient's {@link Behaviour}.
 */
final class ReadingGenerator {

    /** No generated reading is uploaded later than this after it was taken. */
    static final Duration MAX_UPLOAD_DELAY = Duration.ofHours(48);
    static final int OFFLINE_FROM_HOUR = 7;
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

    private final long seed;

    ReadingGenerator(long seed) {
        this.seed = seed;
    }

    /** Readings taken in {@code [from, to)}, in time order, each with the time its gateway uploads it. */
    List<ScheduledReading> readings(Patient patient, Device device, Instant from, Instant to) {
        var zone = ZoneOffset.ofHours(device.timezoneOffset());
        var out = new ArrayList<ScheduledReading>();
        var last = to.atOffset(zone).toLocalDate();
        for (var date = from.atOffset(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            var day = new Day(device, patient.behaviour(), date, zone, new SplittableRandom(dayKey(device, date)));
            var taken = device.kind() == DeviceKind.PILLBOX ? pillbox(day) : Vitals.of(day);
            for (var reading : taken) {
                if (!reading.timestamp().isBefore(from) && reading.timestamp().isBefore(to)) {
                    out.add(new ScheduledReading(reading, uploadAt(patient, device, reading.timestamp(), zone)));
                }
            }
        }
        out.sort(Comparator.comparing((ScheduledReading s) -> s.reading().timestamp())
                .thenComparing(s -> s.reading().metric()));
        return out;
    }

    private long dayKey(Device device, LocalDate date) {
        return seed ^ device.id().getMostSignificantBits() ^ device.id().getLeastSignificantBits() * 31
                ^ date.toEpochDay() * 0x9E3779B97F4A7C15L;
    }

    private static List<Reading> pillbox(Day day) {
        var out = new ArrayList<Reading>();
        int today = day.date().getDayOfWeek().getValue() % 7 + 1;
        for (int period = 1; period <= 2; period++) {
            boolean opens = day.takes();
            int jitter = day.between(-25, 45);
            boolean wrong = day.chance(day.behaviour().wrongCompartmentChance);
            int otherDay = (today - 1 + day.between(1, 7)) % 7 + 1;
            if (opens) {
                int compartmentDay = wrong ? otherDay : today;
                var compartment = DAYS[compartmentDay - 1] + (period == 1 ? " AM" : " PM");
                out.add(Reading.of(day.device(), "pillbox_opened", compartmentDay, period,
                        day.at(period == 1 ? 8 : 20, 0, jitter), Map.of("compartment", compartment)));
            }
        }
        double battery = 100 - Math.floorMod(day.date().toEpochDay(), 60);
        out.add(Reading.of(day.device(), "battery_percentage", battery, 0, day.at(12, 0, 0), null));
        return out;
    }

    /** Uploads follow within a minute, the watch uploads once a day, an OFFLINE patient's gateway flushes later. */
    static Instant uploadAt(Patient patient, Device device, Instant timestamp, ZoneOffset zone) {
        var upload = timestamp.plusSeconds(5 + Math.floorMod(timestamp.getEpochSecond() * 7919, 55));
        if (device.kind() == DeviceKind.WATCH) {
            var dailyUpload = timestamp.atOffset(zone).toLocalDate().atTime(23, 55).toInstant(zone);
            upload = upload.isAfter(dailyUpload) ? upload : dailyUpload;
        }
        if (patient.behaviour() == Behaviour.OFFLINE && patient.offlineHours() > 0) {
            var date = upload.atOffset(zone).toLocalDate();
            for (var d = date.minusDays(1); !d.isAfter(date); d = d.plusDays(1)) {
                var start = d.atTime(OFFLINE_FROM_HOUR, 0).toInstant(zone);
                var end = start.plus(Duration.ofHours(patient.offlineHours()));
                if (!upload.isBefore(start) && upload.isBefore(end)) {
                    upload = end.plusSeconds(5);
                }
            }
        }
        return upload;
    }
}
