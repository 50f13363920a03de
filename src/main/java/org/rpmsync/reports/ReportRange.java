package org.rpmsync.reports;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.rpmsync.measurements.Reading;

/**
 * A report's date range in the client's local dates, inclusive; {@code from}/{@code to} null = All Data.
 * {@code key} is what the form sent: all (default), today, 7d, 30d, 90d or custom. Every range is bounded: dates
 * are clamped to the years that can hold data (ingest refuses readings measured outside 1900–2199), and what was
 * changed or could not be read is said in {@code notice} (null when nothing was), never silently dropped.
 */
record ReportRange(String key, LocalDate from, LocalDate to, String notice) {

    /** The longest span an adherence scorecard covers (its newest days). */
    static final int MAX_SCORED_DAYS = 366;

    static ReportRange of(String key, String from, String to, LocalDate today) {
        String k = key == null || key.isBlank() ? "all" : key;
        return switch (k) {
            case "today" -> new ReportRange(k, today, today, null);
            case "7d" -> new ReportRange(k, today.minusDays(6), today, null);
            case "30d" -> new ReportRange(k, today.minusDays(29), today, null);
            case "90d" -> new ReportRange(k, today.minusDays(89), today, null);
            case "custom" -> custom(from, to);
            default -> new ReportRange("all", null, null, null);
        };
    }

    private static ReportRange custom(String fromText, String toText) {
        List<String> notes = new ArrayList<>();
        LocalDate from = date("From", fromText, notes);
        LocalDate to = date("To", toText, notes);
        if (from != null && to != null && from.isAfter(to)) {
            LocalDate swap = from;
            from = to;
            to = swap;
            notes.add("From was after To, so the two were swapped.");
        }
        return new ReportRange("custom", from, to, notes.isEmpty() ? null : String.join(" ", notes));
    }

    private static LocalDate date(String label, String text, List<String> notes) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date = parse(text);
        if (date == null) {
            notes.add(label + " “" + shown(text) + "” is not a date (yyyy-mm-dd), so it was left out.");
            return null;
        }
        if (!Reading.measurable(date)) {
            LocalDate clamped = date.isBefore(Reading.EARLIEST) ? Reading.EARLIEST : Reading.LATEST;
            notes.add(label + " " + date + " is outside the years that can hold readings (1900 to 2199), so "
                    + clamped + " was used.");
            return clamped;
        }
        return date;
    }

    /** A local date (yyyy-mm-dd), or null when the text is not one. */
    static LocalDate parse(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String shown(String text) {
        String t = text.strip();
        return t.length() > 20 ? t.substring(0, 20) + "…" : t;
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

    /** The first day an adherence scorecard from {@code first} to {@code last} covers: at most its newest days. */
    static LocalDate scoredFrom(LocalDate first, LocalDate last) {
        LocalDate earliest = last.minusDays(MAX_SCORED_DAYS - 1);
        return first.isBefore(earliest) ? earliest : first;
    }

    /** The notice of this range plus, when the scorecard had to be shortened, why. */
    String notice(LocalDate scoredFrom, LocalDate requestedFrom) {
        if (scoredFrom == null || requestedFrom == null || !scoredFrom.isAfter(requestedFrom)) {
            return notice;
        }
        String scored = "Adherence is scored for the last " + MAX_SCORED_DAYS + " days of the range (from "
                + scoredFrom + "; " + ChronoUnit.DAYS.between(requestedFrom, scoredFrom) + " earlier days are left out).";
        return notice == null ? scored : notice + " " + scored;
    }
}
