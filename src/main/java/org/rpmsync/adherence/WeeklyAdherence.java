package org.rpmsync.adherence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.TreeSet;
import org.rpmsync.clients.Assignment;
import org.rpmsync.clients.DeviceAssigned;
import org.rpmsync.clients.DeviceAssignments;
import org.rpmsync.clients.DeviceUnassigned;
import org.rpmsync.measurements.MeasurementQueries;
import org.rpmsync.measurements.OpeningsAttributed;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingFilter;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.organization.OrganizationId;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Every PillBox client's adherence over the last seven local days (today included, see
 * {@link Adherence#lastSevenDays}), for the organization overview.
 * Scored by {@link Scoring} exactly as a report would, then kept: openings reaching a client (late ones too),
 * PillBoxes mapped or removed and schedule changes mark the score out of date in their own transaction, and each
 * score expires when time alone changes it (a dose window closing, the client's next local midnight). Out-of-date scores are recalculated in the background and, up to {@link #ON_READ}, when read.
 */
@Service
public class WeeklyAdherence {

    private static final Logger log = LoggerFactory.getLogger(WeeklyAdherence.class);
    static final int ON_READ = 200;
    static final int BATCH = 500;
    private static final Set<ReadingType> OPENED = Set.of(ReadingType.MEDICATION_COMPARTMENT_OPENED);

    private final WeekScoreStore scores;
    private final ScheduleStore schedules;
    private final MeasurementQueries measurements;
    private final MonitoringPeriods monitoring;
    private final DeviceAssignments assignments;

    WeeklyAdherence(WeekScoreStore scores, ScheduleStore schedules, MeasurementQueries measurements,
                    MonitoringPeriods monitoring, DeviceAssignments assignments) {
        this.scores = scores;
        this.schedules = schedules;
        this.measurements = measurements;
        this.monitoring = monitoring;
        this.assignments = assignments;
    }

    /** The organization's {@code limit} lowest scores, after recalculating out-of-date ones (at most {@link #ON_READ}). */
    public WeekScores lowest(OrganizationId organization, int limit, Instant now) {
        boolean more = recalculate(organization.value(), now, ON_READ) == ON_READ;
        WeekScores lowest = scores.lowest(organization.value(), limit);
        return more ? new WeekScores(lowest.lowest(), lowest.clients(),
                scores.countOutOfDate(organization.value(), now)) : lowest;
    }

    /** The background recalculation, on one instance at a time, at most once per interval across instances. */
    @Scheduled(initialDelayString = "${rpmsync.adherence.recalculate-every:10s}",
            fixedDelayString = "${rpmsync.adherence.recalculate-every:10s}")
    @SchedulerLock(name = "adherence.recalculate", lockAtLeastFor = "${rpmsync.adherence.recalculate-every:10s}",
            lockAtMostFor = "${rpmsync.adherence.recalculate-every:10s}")
    void recalculateOnSchedule() {
        recalculateAll();
    }

    /** Recalculates every out-of-date score of every organization, in batches. Returns how many. */
    public int recalculateAll() {
        Instant now = Instant.now();
        long started = System.nanoTime();
        int total = 0;
        for (int round = 0; round < 1_000; round++) {
            int done = recalculate(null, now, BATCH);
            total += done;
            if (done < BATCH) {
                break;
            }
        }
        if (total > 0) {
            log.info("Recalculated {} seven-day adherence scores in {} ms", total,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return total;
    }

    @EventListener
    void openingsAttributed(OpeningsAttributed event) {
        scores.invalidate(event.organization().value(), event.clients(), true);
    }

    /** A PillBox mapped starts monitoring (a score to keep); any mapping may change the monitored period. */
    @EventListener
    void deviceAssigned(DeviceAssigned event) {
        boolean pillBox = assignments.holder(event.organization(), event.source(), event.deviceId())
                .map(Assignment::pillBox).orElse(false);
        scores.invalidate(event.organization().value(), new TreeSet<>(Set.of(event.client().value())), pillBox);
    }

    @EventListener
    void deviceUnassigned(DeviceUnassigned event) {
        scores.invalidate(event.organization().value(), new TreeSet<>(Set.of(event.client().value())), false);
    }

    private int recalculate(UUID organization, Instant now, int limit) {
        List<WeekScoreStore.OutOfDate> outOfDate = scores.outOfDate(organization, now, limit);
        Map<UUID, List<WeekScoreStore.OutOfDate>> byOrganization = new LinkedHashMap<>();
        outOfDate.forEach(s -> byOrganization.computeIfAbsent(s.organization(), o -> new ArrayList<>()).add(s));
        byOrganization.forEach((org, clients) -> scores.save(calculate(org, clients, now)));
        return outOfDate.size();
    }

    private List<WeekScoreStore.Calculated> calculate(UUID organization, List<WeekScoreStore.OutOfDate> clients,
                                                      Instant now) {
        List<UUID> ids = clients.stream().map(WeekScoreStore.OutOfDate::client).toList();
        OrganizationId org = new OrganizationId(organization);
        Map<UUID, Schedule> byClient = schedules.forClients(organization, ids);
        Map<UUID, Monitoring> monitored = monitoring.of(org, ids);
        Map<UUID, List<Reading>> openings = new HashMap<>();
        ReadingFilter days = new ReadingFilter(OPENED, now.minus(Duration.ofDays(9)), now.plus(Duration.ofDays(2)));
        for (Reading r : measurements.readingsOf(org, ids, days)) {
            openings.computeIfAbsent(r.clientId(), c -> new ArrayList<>()).add(r);
        }
        List<WeekScoreStore.Calculated> calculated = new ArrayList<>(clients.size());
        for (WeekScoreStore.OutOfDate c : clients) {
            LocalDateTime local = LocalDateTime.ofInstant(now, c.zone());
            LocalDate today = local.toLocalDate();
            Scorecard card = Scoring.score(byClient.getOrDefault(c.client(), Schedule.DEFAULT),
                    Adherence.openings(openings.getOrDefault(c.client(), List.of()), c.zone()), today.minusDays(6),
                    today, local, monitored.getOrDefault(c.client(), Monitoring.NONE), c.zone());
            calculated.add(new WeekScoreStore.Calculated(c.client(), c.version(), c.zone(), card.nextChange(today),
                    card));
        }
        return calculated;
    }
}
