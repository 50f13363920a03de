package org.rpmsync.adherence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientId;
import org.rpmsync.measurements.MeasurementQueries;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingFilter;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.organization.OrganizationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedules, missed-dose reasons and scorecards. Scorecards are computed from the stored openings on every call,
 * never cached, so openings that reach us late (a PillBox back in range) rescore their days automatically (the
 * overview's seven-day scores are kept, see {@link WeeklyAdherence}).
 * Local times come from each opening's own UTC offset when the PillBox sent one, else the client's time zone.
 * Callers audit; this facade does not show anything by itself.
 */
@Service
public class Adherence {

    private static final Set<ReadingType> OPENED = Set.of(ReadingType.MEDICATION_COMPARTMENT_OPENED);
    /** The earliest date a report asks about when it has no start (All Data): monitoring clamps it. */
    public static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);
    private final ScheduleStore store;
    private final MeasurementQueries measurements;
    private final WeekScoreStore weekScores;
    private final MonitoringPeriods monitoring;

    Adherence(ScheduleStore store, MeasurementQueries measurements, WeekScoreStore weekScores,
              MonitoringPeriods monitoring) {
        this.store = store;
        this.measurements = measurements;
        this.weekScores = weekScores;
        this.monitoring = monitoring;
    }

    public Schedule schedule(OrganizationId organization, ClientId client) {
        return store.find(organization.value(), client.value()).orElse(Schedule.DEFAULT);
    }

    @Transactional
    public void saveSchedule(OrganizationId organization, ClientId client, Schedule schedule, String by) {
        store.save(organization.value(), client.value(), schedule, by, Instant.now());
        weekScores.invalidate(organization.value(), new TreeSet<>(Set.of(client.value())), false);
    }

    /** Records why a dose was missed (replacing an earlier reason for the same slot). */
    public void explainMissed(OrganizationId organization, ClientId client, LocalDate date, Period period,
                              String reason, String by) {
        store.saveReason(organization.value(), client.value(), date, period, reason.strip(), by, Instant.now());
    }

    /**
     * The client's slots from {@code from} to {@code to} (local dates, inclusive; only the days the client was
     * monitored with a PillBox are scored, up to today), with practitioners' reasons.
     */
    public Scorecard scorecard(OrganizationId organization, Client client, LocalDate from, LocalDate to,
                               Instant now) {
        ZoneId zone = client.timeZone();
        Monitoring monitored = monitoring.of(organization, client.id());
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        Schedule schedule = schedule(organization, client.id());
        Optional<LocalDate[]> days = monitored.clamp(from, to, local.toLocalDate(), zone);
        if (days.isEmpty()) {
            return Scoring.score(schedule, List.of(), from, to, local, monitored, zone);
        }
        ReadingFilter filter = new ReadingFilter(OPENED, days.get()[0].minusDays(2).atStartOfDay(zone).toInstant(),
                days.get()[1].plusDays(2).atStartOfDay(zone).toInstant());
        List<Reading> readings = measurements.readings(organization, client.id().value(), filter, 0,
                Integer.MAX_VALUE);
        Scorecard card = Scoring.score(schedule, openings(readings, zone), from, to, local, monitored, zone);
        return card.withReasons(store.reasons(organization.value(), client.id().value()));
    }

    /**
     * The client's last seven local days, today included: the Overview's and the Dashboard's figure, and the
     * Reports page's "Last 7 days". Days before the client was monitored with a PillBox are not scored.
     */
    public Scorecard lastSevenDays(OrganizationId organization, Client client, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, client.timeZone());
        return scorecard(organization, client, today.minusDays(6), today, now);
    }

    /** The compartment openings among {@code readings}, in local time (offset first, else {@code zone}). */
    public static List<Opening> openings(List<Reading> readings, ZoneId zone) {
        List<Opening> openings = new ArrayList<>();
        for (Reading r : readings) {
            if (r.type() == ReadingType.MEDICATION_COMPARTMENT_OPENED && r.value1() != null && r.value2() != null
                    && r.value1().intValue() >= 1 && r.value1().intValue() <= 7) {
                openings.add(new Opening(r.id(), r.measuredAt(), r.localDateTime(zone), r.value1().intValue(),
                        Period.of(r.value2().intValue()), r.estimatedTimestamp()));
            }
        }
        return openings;
    }
}
