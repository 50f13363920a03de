package org.rpmsync.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;

/** The measurement endpoints' filters: {@code timestamp__gte/__lt}, {@code created__gte/__lt}, {@code metric__name}. */
record MeasurementQuery(Instant timestampGte, Instant timestampLt, Instant createdGte, Instant createdLt,
                        String metric) implements Predicate<StoredMeasurement> {

    static MeasurementQuery from(HttpServletRequest request) {
        return new MeasurementQuery(time(request, "timestamp__gte"), time(request, "timestamp__lt"),
                time(request, "created__gte"), time(request, "created__lt"), request.getParameter("metric__name"));
    }

    @Override
    public boolean test(StoredMeasurement m) {
        var timestamp = m.reading().timestamp();
        return (timestampGte == null || !timestamp.isBefore(timestampGte))
                && (timestampLt == null || timestamp.isBefore(timestampLt))
                && (createdGte == null || !m.created().isBefore(createdGte))
                && (createdLt == null || m.created().isBefore(createdLt))
                && (metric == null || metric.isBlank() || metric.equals(m.reading().metric()));
    }

    private static Instant time(HttpServletRequest request, String name) {
        var value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notLocal) {
                    try {
                        return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                    } catch (DateTimeParseException notDate) {
                        throw new InvalidField(name, "Enter a valid date/time.");
                    }
                }
            }
        }
    }
}
