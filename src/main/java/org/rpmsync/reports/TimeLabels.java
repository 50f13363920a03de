package org.rpmsync.reports;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as a clinic reads them: "Mon 2024-10-14 21:30 (UTC−05:00)", in the client's local time. */
final class TimeLabels {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);

    private TimeLabels() {
    }

    static String withOffset(ZonedDateTime time) {
        return LOCAL.format(time) + " (" + offset(time.getOffset()) + ")";
    }

    static String withOffset(Instant at, ZoneId zone) {
        return at == null ? "" : withOffset(at.atZone(zone));
    }

    /** "2024-10-14 21:30", for chart axes. */
    static String chartLabel(ZonedDateTime time) {
        return SHORT.format(time);
    }

    /** "UTC−05:00" with a true minus sign; "UTC+00:00" for UTC. */
    static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int minutes = Math.abs(seconds) / 60;
        return String.format(Locale.ROOT, "UTC%s%02d:%02d", seconds < 0 ? "\u2212" : "+", minutes / 60, minutes % 60);
    }
}
