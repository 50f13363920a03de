package org.rpmsync.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A report's date range in the client's local dates, inclusive; {@code from}/{@code to} null = All Data.
 * {@code key} is what the form sent: all (default), today, 7d, 30d, 90d or custom.
 */
record ReportRange(String key, LocalDate from, LocalDate to) {

    static ReportRange of(String key, String from, String to, LocalDate today) {
        String k = key == null || key.isBlank() ? "all" : key;
        return switch (k) {
            case "today" -> new ReportRange(k, today, today);
            case "7d" -> new ReportRange(k, today.minusDays(6), today);
            case "30d" -> new ReportRange(k, today.minusDays(29), today);
            case "90d" -> new ReportRange(k, today.minusDays(89), today);
            case "custom" -> custom(date(from), date(to));
            default -> new ReportRange("all", null, null);
        };
    }

    private static ReportRange custom(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            return new ReportRange("custom", to, from);
        }
        return new ReportRange("custom", from, to);
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    Instant start(ZoneId zone) {
        return from == null ? null : from.atStartOfDay(zone).toInstant();
    }

    Instant end(ZoneId zone) {
        return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public boolean all() {
        return from == null && to == null;
    }
}
