package org.rpmsync.organization;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Formats instants for an organization's pages, with the zone's abbreviation (e.g. "2026-03-01 09:30 UTC"). */
public record OrganizationTimes(ZoneId zone) {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    /** To the minute; an empty string for null. */
    public String format(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(zone));
    }

    /** To the second, for the audit log; an empty string for null. */
    public String precise(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant.atZone(zone));
    }
}
