package org.rpmsync.measurements;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * A stored reading as other modules see it (read only). {@code value1}/{@code value2} are the normalized values
 * (systolic/diastolic, compartment day/period, …), {@code unit} is UCUM, {@code label} the compartment or the meal
 * context.
 */
public record Reading(UUID id, UUID clientId, String source, String deviceId, String metric, ReadingType type,
                      Instant measuredAt, Integer utcOffsetMinutes, String measurementIndex, String rawValue1,
                      String rawValue2, BigDecimal value1, BigDecimal value2, String unit, String label,
                      boolean estimatedTimestamp, boolean late, Instant receivedAt) {

    /** The first and last day a reading can have been measured on (ingest refuses anything else). */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    /** Whether {@code date} lies in the years that can hold readings. */
    public static boolean measurable(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /** What the readings of one measurement share (a blood pressure and its pulse): device, time, measurement_index. */
    public String measurementKey() {
        return deviceId + "|" + measuredAt + "|" + measurementIndex;
    }

    /**
     * When it was measured in the client's local time: shifted by the reading's own offset when the device sent
     * one (a PillBox says where it was), else in {@code fallback} (the client's zone).
     */
    public ZonedDateTime localTime(ZoneId fallback) {
        if (utcOffsetMinutes != null) {
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(utcOffsetMinutes * 60);
            return ZonedDateTime.ofInstant(measuredAt, offset);
        }
        return ZonedDateTime.ofInstant(measuredAt, fallback);
    }

    /** The local wall-clock time, as {@link #localTime(ZoneId)}. */
    public LocalDateTime localDateTime(ZoneId fallback) {
        return localTime(fallback).toLocalDateTime();
    }
}
