package org.rpmsync.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rpmsync.simulator.Reading;

/** One day of vital-sign readings per device kind (values plausible, not clinical). */
final class Vitals {

    private Vitals() {
    }

    static List<Reading> of(Day day) {
        return switch (day.device().kind()) {
            case BPM -> bpm(day);
            case GLUCOMETER -> glucometer(day);
            case SCALE -> scale(day);
            case PULSE_OX -> pulseOx(day);
            case WATCH -> watch(day);
            case PILLBOX -> List.of();
        };
    }

    private static Map<String, Object> index(Day day, int reading) {
        return Map.of("measurement_index", (int) Math.floorMod(day.date().toEpochDay() * 2 + reading, 100_000) + 1);
    }

    private static List<Reading> bpm(Day day) {
        var out = new ArrayList<Reading>();
        boolean takes = day.takes();
        var at = day.at(7, 30, day.between(-20, 40));
        int systolic = 122 + day.between(-12, 26);
        int diastolic = 78 + day.between(-8, 14);
        int pulse = 72 + day.between(-10, 20);
        boolean irregular = day.chance(0.05);
        boolean estimated = day.chance(0.03);
        if (takes) {
            var device = day.device();
            var index = index(day, 0);
            out.add(Reading.of(device, "blood_pressure", systolic, diastolic, at, index));
            out.add(Reading.of(device, "pulse", pulse, 0, at, index));
            if (irregular) {
                out.add(Reading.of(device, "irregular_heartbeat", 1, 0, at, index));
            }
            out.add(Reading.of(device, "battery_percentage", 100 - Math.floorMod(day.date().toEpochDay(), 70), 0,
                    at, null));
            if (estimated) {
                out.replaceAll(Reading::estimated);
            }
        }
        return out;
    }

    private static List<Reading> glucometer(Day day) {
        var out = new ArrayList<Reading>();
        String[] contexts = {"fasting", "post-prandial"};
        int[] hours = {7, 13};
        for (int i = 0; i < 2; i++) {
            boolean takes = day.takes();
            var at = day.at(hours[i], 0, day.between(-20, 40));
            double glucose = i == 0 ? 95 + day.between(-15, 40) : 140 + day.between(-30, 80);
            boolean spike = day.chance(0.03);
            if (takes) {
                Map<String, Object> params = spike
                        ? Map.of("meal_context", contexts[i], "measurement_location", "finger",
                                "alert", "sensor_result_above_range")
                        : Map.of("meal_context", contexts[i], "measurement_location", "finger");
                out.add(Reading.of(day.device(), "glucose", spike ? 610 : glucose, 0, at, params));
            }
        }
        return out;
    }

    private static List<Reading> scale(Day day) {
        boolean takes = day.takes();
        var at = day.at(7, 15, day.between(-20, 40));
        double baseline = 150 + Math.floorMod(day.device().patientId().hashCode(), 60);
        double weight = baseline + day.between(-1.5, 1.5);
        return takes ? List.of(Reading.of(day.device(), "weight", weight, 0, at, null)) : List.of();
    }

    private static List<Reading> pulseOx(Day day) {
        boolean takes = day.takes();
        var at = day.at(9, 0, day.between(-20, 40));
        int spO2 = Math.min(100, 96 + day.between(-3, 4));
        int pulse = 74 + day.between(-10, 18);
        double perfusion = day.between(1.0, 8.0);
        if (!takes) {
            return List.of();
        }
        var index = index(day, 0);
        return List.of(Reading.of(day.device(), "spO2", spO2, 0, at, index),
                Reading.of(day.device(), "pulse", pulse, 0, at, index),
                Reading.of(day.device(), "perfusion_index", perfusion, 0, at, index));
    }

    private static List<Reading> watch(Day day) {
        var out = new ArrayList<Reading>();
        if (!day.takes()) {
            return out;
        }
        for (int hour = 0; hour < 24; hour++) {
            boolean awake = hour >= 7 && hour <= 22;
            int steps = awake ? day.between(150, 1500) : day.between(0, 60);
            int average = awake ? 70 + day.between(0, 25) : 55 + day.between(0, 10);
            int max = average + day.between(5, 40);
            int min = average - day.between(3, 12);
            var at = day.at(hour, 0, 0);
            out.add(Reading.of(day.device(), "steps", steps, 0, at, null));
            out.add(Reading.of(day.device(), "heart_rate_statistics", average, max, at,
                    Map.of("average_heart_rate", average, "max_heart_rate", max, "min_heart_rate", min)));
        }
        out.add(Reading.of(day.device(), "sleep", day.between(5.5, 8.5), 0, day.at(7, 0, 0), null));
        out.add(Reading.of(day.device(), "battery_percentage", 100 - Math.floorMod(day.date().toEpochDay(), 5) * 15,
                0, day.at(23, 0, 0), null));
        return out;
    }
}
