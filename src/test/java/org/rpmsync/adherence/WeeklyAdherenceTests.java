package org.rpmsync.adherence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDetails;
import org.rpmsync.clients.DeviceDetails;
import org.rpmsync.measurements.ClientActivities;
import org.rpmsync.measurements.MeasurementRecorder;
import org.rpmsync.measurements.Origin;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.organization.SystemActor;
import org.rpmsync.reports.ClinicData;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The overview's kept 7-day scores always agree with scoring the stored openings: late openings, schedule and time
 * zone changes and the end of a local day make a score out of date; reading or the background recalculates it.
 */
@RpmSyncTest
class WeeklyAdherenceTests extends TestWorld {

    static final ZoneId UTC = ZoneId.of("UTC");

    @Autowired
    WeeklyAdherence weekly;
    @Autowired
    WeekScoreStore store;
    @Autowired
    Adherence adherence;
    @Autowired
    ClinicData data;
    @Autowired
    ClientActivities activities;
    @Autowired
    MeasurementRecorder recorder;

    Organization organization;

    Client client(String zone) {
        organization = organization == null ? fixtures.organization() : organization;
        return clients.create(organization.id(), SystemActor.BOOTSTRAP,
                new ClientDetails("Rosa", Fixtures.unique("Parks"), null, null, zone));
    }

    WeekScore score(Client client) {
        return weekly.lowest(organization.id(), 1_000, Instant.now()).lowest().stream()
                .filter(s -> s.clientId().equals(client.id().value())).findFirst().orElseThrow();
    }

    /** What the client's dashboard says for the same days, scored from the stored openings on the spot. */
    Scorecard truth(Client client) {
        Client current = clients.find(organization.id(), client.id()).orElseThrow();
        return adherence.lastSevenDays(organization.id(), current, Instant.now());
    }

    static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).toInstant(ZoneOffset.UTC);
    }

    static int day(LocalDate date) {
        return Opening.dayNumber(date);
    }

    @Test
    void anOpeningThatArrivesLateRescoresTheWeek() {
        Client client = client("UTC");
        LocalDate yesterday = LocalDate.now(UTC).minusDays(1);
        data.record(organization, client, at(yesterday, 8, 1),
                ClinicData.opening("pill-a", at(yesterday, 8, 0), 0, day(yesterday), 1, false));
        WeekScore before = score(client);
        assertThat(before.calculated()).isTrue();
        assertThat(before.percentTaken()).isEqualTo(truth(client).percentTaken());

        data.record(organization, client, Instant.now(),
                ClinicData.opening("pill-a", at(yesterday, 20, 5), 0, day(yesterday), 2, false));
        WeekScore after = score(client);
        assertThat(after.taken()).isEqualTo(before.taken() + 1);
        assertThat(after.percentTaken()).isGreaterThan(before.percentTaken())
                .isEqualTo(truth(client).percentTaken());
        assertThat(after.percentOnTime()).isEqualTo(truth(client).percentOnTime());
    }

    @Test
    void daysBeforeTheFirstOpeningAreNotMissedDoses() {
        Client client = client("UTC");
        LocalDate today = LocalDate.now(UTC);
        LocalDate twoDaysAgo = today.minusDays(2);
        data.record(organization, client, at(twoDaysAgo, 8, 1),
                ClinicData.opening("pill-new", at(twoDaysAgo, 8, 0), 0, day(twoDaysAgo), 1, false));
        Scorecard week = truth(client);
        assertThat(week.monitoredSince()).isEqualTo(twoDaysAgo);
        assertThat(week.slots().get(0).date()).isEqualTo(twoDaysAgo);
        WeekScore score = score(client);
        assertThat(score.due()).isEqualTo(week.due()).isBetween(4, 6);
        assertThat(score.taken()).isEqualTo(1);
        assertThat(score.percentTaken()).isEqualTo(week.percentTaken());

        data.record(organization, client, Instant.now(), ClinicData.opening("pill-new",
                at(today.minusDays(9), 8, 0), 0, day(today.minusDays(9)), 1, false));
        assertThat(truth(client).monitoredSince()).isEqualTo(today.minusDays(9));
        assertThat(truth(client).slots().get(0).date()).isEqualTo(today.minusDays(6));
        assertThat(score(client).due()).isEqualTo(truth(client).due()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void aNewScheduleRescoresTheWeek() {
        Client client = client("UTC");
        LocalDate yesterday = LocalDate.now(UTC).minusDays(1);
        data.record(organization, client, at(yesterday, 11, 0),
                ClinicData.opening("pill-b", at(yesterday, 10, 45), 0, day(yesterday), 1, false));
        Integer late = score(client).percentOnTime();
        assertThat(late).isZero();

        adherence.saveSchedule(organization.id(), client.id(), new Schedule(LocalTime.of(10, 0),
                LocalTime.of(21, 0), 120), "test");
        assertThat(score(client).percentOnTime()).isPositive().isEqualTo(truth(client).percentOnTime());
    }

    @Test
    void aNewTimeZoneRescoresTheWeek() {
        Client client = client("UTC");
        LocalDate yesterday = LocalDate.now(UTC).minusDays(1);
        // 23:30 UTC: late for a PM dose due at 20:00 UTC, on time at 18:30 in New York (UTC-5 or -4).
        data.record(organization, client, at(yesterday, 23, 31),
                ClinicData.opening("pill-c", at(yesterday, 23, 30), null, day(yesterday), 2, false));
        assertThat(score(client).percentOnTime()).isZero();

        clients.update(organization.id(), SystemActor.BOOTSTRAP, client.id(),
                new ClientDetails(client.firstName(), client.lastName(), null, null, "America/New_York"));
        assertThat(score(client).percentOnTime()).isPositive().isEqualTo(truth(client).percentOnTime());
    }

    @Test
    void aScoreLastsUntilTheNextDoseWindowClosesOrTheClientsNextLocalMidnight() {
        Client client = client("Pacific/Auckland");
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        LocalDate today = LocalDate.now(auckland);
        data.record(organization, client, Instant.now(), ClinicData.opening("pill-d",
                today.atTime(8, 0).atZone(ZoneId.of("Pacific/Auckland")).toInstant(), null, day(today), 1, false));
        score(client);
        Instant validUntil = jdbc.sql("select valid_until from adherence_week_scores where client_id = ?")
                .param(client.id().value()).query(java.sql.Timestamp.class).single().toInstant();
        // The AM dose was taken; the PM dose (20:00 ± 2 h) is missed at 22:00 unless opened: the score changes then.
        Instant pmCloses = today.atTime(22, 0).atZone(auckland).toInstant();
        Instant midnight = today.plusDays(1).atStartOfDay(auckland).toInstant();
        assertThat(validUntil).isIn(pmCloses, midnight)
                .isEqualTo(java.time.LocalDateTime.now(auckland).isBefore(today.atTime(22, 0)) ? pmCloses : midnight);

        jdbc.sql("update adherence_week_scores set valid_until = ?, percent_taken = 7 where client_id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), client.id().value()).update();
        assertThat(store.countOutOfDate(organization.id().value(), Instant.now())).isEqualTo(1);
        assertThat(weekly.recalculateAll()).isPositive();
        assertThat(store.countOutOfDate(organization.id().value(), Instant.now())).isZero();
        assertThat(jdbc.sql("select percent_taken from adherence_week_scores where client_id = ?")
                .param(client.id().value()).query(Integer.class).single()).isEqualTo(truth(client).percentTaken());
    }

    @Test
    void aCalculationFromAnOlderVersionStaysOutOfDate() {
        Client client = client("UTC");
        LocalDate yesterday = LocalDate.now(UTC).minusDays(1);
        data.record(organization, client, Instant.now(),
                ClinicData.opening("pill-e", at(yesterday, 8, 0), 0, day(yesterday), 1, false));
        Instant now = Instant.now();
        List<WeekScoreStore.OutOfDate> read = store.outOfDate(organization.id().value(), now, 10);
        assertThat(read).hasSize(1);
        // New openings arrive while the (slow) calculation runs; it then stores what it computed.
        store.invalidate(organization.id().value(), new TreeSet<>(Set.of(client.id().value())), true);
        WeekScoreStore.OutOfDate old = read.get(0);
        store.save(List.of(new WeekScoreStore.Calculated(old.client(), old.version(), old.zone(),
                now.plusSeconds(3_600), truth(client))));
        assertThat(store.countOutOfDate(organization.id().value(), now)).isEqualTo(1);
    }

    @Test
    void unmatchedOpeningsCountOnceTheirDeviceIsMapped() {
        Client client = client("UTC");
        LocalDate yesterday = LocalDate.now(UTC).minusDays(1);
        recorder.record(organization.id(), List.of(ClinicData.opening("pill-f", at(yesterday, 8, 0), 0,
                day(yesterday), 1, false)), Instant.now(), Origin.WEBHOOK);
        assertThat(weekly.lowest(organization.id(), 100, Instant.now()).clients()).isZero();
        assertThat(activities.quietSince(organization.id(), Instant.now().plusSeconds(60), 10)).isEmpty();

        assignments.assign(organization.id(), SystemActor.BOOTSTRAP, client.id(),
                new DeviceDetails("tenovi", "pill-f", null, null, null, null), false);
        assertThat(score(client).taken()).isEqualTo(1);
        assertThat(activities.quietSince(organization.id(), Instant.now().plusSeconds(60), 10))
                .singleElement().satisfies(a -> {
                    assertThat(a.clientId()).isEqualTo(client.id().value());
                    assertThat(a.lastMedicationAt()).isEqualTo(at(yesterday, 8, 0));
                });
    }

    @Test
    void theOverviewSaysWhenScoresAreStillBeingRecalculated() throws Exception {
        int clientsWithPillBox = WeeklyAdherence.ON_READ + 3;
        LocalDate yesterday = LocalDate.now(UTC).minusDays(1);
        for (int i = 0; i < clientsWithPillBox; i++) {
            data.record(organization == null ? (organization = fixtures.organization()) : organization,
                    client("UTC"), Instant.now(),
                    ClinicData.opening("pill-g" + i, at(yesterday, 8, 0), 0, day(yesterday), 1, false));
        }
        String email = fixtures.staff(organization, Role.PRACTITIONER);
        String html = mvc.perform(get("/organization/overview").with(fixtures.signedIn(email)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("3 scores are being recalculated",
                "The 100 clients with the lowest adherence of " + clientsWithPillBox + " clients with a PillBox.");

        assertThat(weekly.recalculateAll()).isGreaterThanOrEqualTo(3);
        assertThat(weekly.lowest(organization.id(), 100, Instant.now()).updating()).isZero();
    }
}
