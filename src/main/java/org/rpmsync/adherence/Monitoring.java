package org.rpmsync.adherence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When a client is monitored with a PillBox: the union of its PillBox periods. A period runs from the earlier of
 * the moment the PillBox was mapped to the client and its first opening attributed to the client, until the
 * mapping ended (null while current). Doses are due only while the client is monitored; outside, they are
 * <i>not monitored</i>, never missed.
 */
public record Monitoring(List<MonitoredPeriod> periods) {

    public static final Monitoring NONE = new Monitoring(List.of());

    public Monitoring {
        periods = periods.stream().sorted(Comparator.comparing(MonitoredPeriod::from)).toList();
    }

    /** One PillBox held by the client, from {@code from} until {@code until} (null while it still holds it). */
    public record MonitoredPeriod(Instant from, Instant until) {

        public MonitoredPeriod {
            if (until != null && until.isBefore(from)) {
                until = from;
            }
        }

        boolean overlaps(Instant start, Instant end) {
            return end.isAfter(from) && (until == null || start.isBefore(until));
        }
    }

    public boolean isEmpty() {
        return periods.isEmpty();
    }

    /** When monitoring first began. */
    public Optional<Instant> since() {
        return periods.stream().map(MonitoredPeriod::from).min(Comparator.naturalOrder());
    }

    /** When the last period ended; empty while a PillBox is still mapped (or never was). */
    public Optional<Instant> ended() {
        if (periods.isEmpty() || periods.stream().anyMatch(p -> p.until() == null)) {
            return Optional.empty();
        }
        return periods.stream().map(MonitoredPeriod::until).max(Comparator.naturalOrder());
    }

    /**
     * Whether a dose whose window runs from {@code windowStart} to {@code windowEnd} (the client's local time) was
     * due: some part of its window lies within a monitored period.
     */
    public boolean covers(LocalDateTime windowStart, LocalDateTime windowEnd, ZoneId zone) {
        Instant start = windowStart.atZone(zone).toInstant();
        Instant end = windowEnd.atZone(zone).toInstant();
        return periods.stream().anyMatch(p -> p.overlaps(start, end));
    }

    /** The local dates a scorecard of {@code from}–{@code to} covers: none before monitoring or after it ended. */
    Optional<LocalDate[]> clamp(LocalDate from, LocalDate to, LocalDate today, ZoneId zone) {
        if (isEmpty()) {
            return Optional.empty();
        }
        LocalDate first = LocalDate.ofInstant(since().orElseThrow(), zone);
        LocalDate last = ended().map(at -> LocalDate.ofInstant(at, zone)).orElse(today);
        LocalDate start = from.isBefore(first) ? first : from;
        LocalDate end = to.isAfter(last) ? last : to;
        if (end.isAfter(today)) {
            end = today;
        }
        return start.isAfter(end) ? Optional.empty() : Optional.of(new LocalDate[] {start, end});
    }
}
