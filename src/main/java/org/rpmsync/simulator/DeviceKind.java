package org.rpmsync.simulator;

import java.util.List;

/** The simulated device catalog (reference §4). */
public enum DeviceKind {
    PILLBOX("Tenovi Pillbox", "21", List.of(
            new Metric("pillbox_opened", "day", "period"), new Metric("pillbox_refill_initiated", null, null),
            new Metric("pillbox_refilled", "day", "period"), Metric.BATTERY)),
    BPM("Tenovi BPM - L", "10", List.of(
            new Metric("blood_pressure", "mmHg", "mmHg"), new Metric("pulse", "bpm", null),
            new Metric("irregular_heartbeat", null, null), Metric.BATTERY)),
    GLUCOMETER("Tenovi Glucometer", "12", List.of(new Metric("glucose", "mg/dL", null), Metric.BATTERY)),
    /** Tenovi does not document the scale's sensor code; "13" is the simulator's own choice. */
    SCALE("Tenovi Scale", "13", List.of(new Metric("weight", "lbs", null), Metric.BATTERY)),
    PULSE_OX("Nonin Pulse Ox", "24", List.of(
            new Metric("spO2", "%", null), new Metric("pulse", "bpm", null),
            new Metric("perfusion_index", "%", null), Metric.BATTERY)),
    WATCH("Tenovi Watch", "15", List.of(
            new Metric("steps", "steps", null), new Metric("heart_rate_statistics", "bpm", "bpm"),
            new Metric("sleep", "hours", null), Metric.BATTERY));

    public final String deviceName;
    public final String sensorCode;
    public final List<Metric> metrics;

    DeviceKind(String deviceName, String sensorCode, List<Metric> metrics) {
        this.deviceName = deviceName;
        this.sensorCode = sensorCode;
        this.metrics = metrics;
    }

    public record Metric(String name, String primaryUnits, String secondaryUnits) {
        static final Metric BATTERY = new Metric("battery_percentage", "%", null);
    }
}
