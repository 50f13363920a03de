package org.rpmsync.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.clients.Client;
import org.rpmsync.organization.Organization;
import org.rpmsync.reports.ClinicData;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * missed_doses and no_data on schedule, in the client's local days: at their edges, once per condition however
 * often they are evaluated, and once when two instances evaluate at the same moment.
 */
@RpmSyncTest
class ScheduledRulesTests {

    @Autowired
    ClinicData data;
    @Autowired
    ScheduledRules rules;
    @Autowired
    Alerts alerts;

    final Organization organization;

    ScheduledRulesTests(@Autowired Fixtures fixtures) {
        organization = fixtures.organization();
    }

    List<Alert> open(Client client, AlertRule rule) {
        return alerts.list(organization.id(), "all", client.id().value(), null, null, null, 50).stream()
                .filter(a -> a.rule() == rule).toList();
    }

    /** Midnight UTC of the day {@code days} after today (the clients here are in UTC). */
    static Instant startOfDay(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Test
    void noDataRaisesAfterThreeFullLocalDaysOnceHoweverOftenEvaluated() {
        Client client = data.client(organization, "UTC");
        Instant at = Instant.now().minus(Duration.ofMinutes(5));
        data.record(organization, client, at, ClinicData.bloodPressure("bp-quiet", at, 120, 80, "1"));
        // Today had data; tomorrow, the day after and the third day are quiet: raised from the fourth midnight.
        rules.evaluate(organization.id(), startOfDay(4).minusSeconds(1));
        assertThat(open(client, AlertRule.NO_DATA)).isEmpty();
        rules.evaluate(organization.id(), startOfDay(4));
        rules.evaluate(organization.id(), startOfDay(4).plusSeconds(900));
        assertThat(open(client, AlertRule.NO_DATA)).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Severity.WARNING);
            assertThat(a.count()).isEqualTo(1);
            assertThat(a.measurementId()).isNull();
            assertThat(a.value()).contains("No data from", "…iet", "since");
        });
    }

    @Test
    void twoInstancesEvaluatingAtOnceRaiseOneAlert() throws Exception {
        Client client = data.client(organization, "UTC");
        Instant at = Instant.now().minus(Duration.ofMinutes(5));
        data.record(organization, client, at, ClinicData.single("ox-quiet",
                org.rpmsync.measurements.ReadingType.SPO2, "spo2", at, "97", "%", "", null));
        Instant later = startOfDay(5);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> run = () -> rules.evaluate(organization.id(), later);
            List<Future<Integer>> both = pool.invokeAll(List.of(run, run));
            int raised = 0;
            for (Future<Integer> f : both) {
                raised += f.get();
            }
            assertThat(raised).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(open(client, AlertRule.NO_DATA)).singleElement().satisfies(a -> assertThat(a.count()).isEqualTo(1));
    }

    /**
     * A zone where it is between 22:00 and 23:59 now, so that the PillBox is mapped after the day's last window
     * (PM due 20:00, 120 minutes) whatever the time the test runs: its doses start tomorrow, local.
     */
    static ZoneId lateEvening() {
        int hours = Math.floorMod(22 - java.time.LocalTime.now(ZoneOffset.UTC).getHour() + 12, 24) - 12;
        return ZoneId.of(hours == 0 ? "Etc/UTC" : hours > 0 ? "Etc/GMT-" + hours : "Etc/GMT+" + -hours);
    }

    static Instant startOfDay(ZoneId zone, int days) {
        return LocalDate.now(zone).plusDays(days).atStartOfDay(zone).toInstant();
    }

    @Test
    void missedDosesWarnAtTwoInARowAndTurnCriticalAtFour() {
        ZoneId zone = lateEvening();
        Client client = data.client(organization, zone.getId());
        data.device(organization, client, "pb-missed", "Tenovi Pillbox");
        // Doses are due at 08:00 and 20:00 local with a 120-minute window; tomorrow's two are missed by 23:00.
        rules.evaluate(organization.id(), startOfDay(zone, 1).plus(Duration.ofHours(11)));
        assertThat(open(client, AlertRule.MISSED_DOSES)).as("one missed dose is no run yet").isEmpty();
        Instant tomorrowNight = startOfDay(zone, 1).plus(Duration.ofHours(23));
        rules.evaluate(organization.id(), tomorrowNight);
        rules.evaluate(organization.id(), tomorrowNight.plusSeconds(600));
        assertThat(open(client, AlertRule.MISSED_DOSES)).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Severity.WARNING);
            assertThat(a.count()).isEqualTo(1);
            assertThat(a.value()).startsWith("2 doses missed in a row");
        });
        Instant twoNightsLater = tomorrowNight.plus(Duration.ofDays(1));
        rules.evaluate(organization.id(), twoNightsLater);
        rules.evaluate(organization.id(), twoNightsLater.plusSeconds(600));
        assertThat(open(client, AlertRule.MISSED_DOSES)).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.count()).isEqualTo(2);
        });
    }
}
