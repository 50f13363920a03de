package org.rpmsync.adherence;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDetails;
import org.rpmsync.clients.DeviceDetails;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.organization.SystemActor;
import org.rpmsync.reports.ClinicData;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The due-dose rule on stored data: monitoring comes from PillBox mappings and first openings, and every page and
 * the API count the same doses (the Overview's 7-day figure is the Reports page's "Last 7 days").
 */
@RpmSyncTest
class MonitoredAdherenceTests extends TestWorld {

    static final ZoneId UTC = ZoneId.of("UTC");
    static final Pattern PERCENT_TAKEN = Pattern.compile("class=\"percent-taken\">(\\d+)% of (\\d+)<");

    @Autowired
    ClinicData data;
    @Autowired
    WeeklyAdherence weekly;

    Organization organization;

    Client client() {
        organization = organization == null ? fixtures.organization() : organization;
        return clients.create(organization.id(), SystemActor.BOOTSTRAP,
                new ClientDetails("Ada", Fixtures.unique("Lovelace"), null, null, "UTC"));
    }

    void mapPillBox(Client client, String device, Instant savedAt) {
        assignments.assign(organization.id(), SystemActor.BOOTSTRAP, client.id(),
                new DeviceDetails("tenovi", device, "Tenovi Pillbox", "21", "Connected", null), false);
        jdbc.sql("update device_assignments set assigned_at = ? where device_id = ? and organization_id = ?")
                .params(Timestamp.from(savedAt), device, organization.id().value()).update();
    }

    static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).toInstant(ZoneOffset.UTC);
    }

    @Test
    void aPillBoxMappedBeforeItsFirstOpeningIsMonitoredFromTheMappingNotBefore() throws Exception {
        Client client = client();
        LocalDate today = LocalDate.now(UTC);
        mapPillBox(client, Fixtures.unique("pb"), at(today.minusDays(3), 12, 0));
        String token = fixtures.orgToken(organization);
        mvc.perform(get("/api/v1/users/{id}/adherence", client.id().value())
                        .param("from", today.minusDays(30).toString()).param("to", today.minusDays(1).toString())
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.monitoredSince").value(today.minusDays(3).toString()))
                .andExpect(jsonPath("$.monitoredUntil").doesNotExist())
                .andExpect(jsonPath("$.slots[0].date").value(today.minusDays(3).toString()))
                .andExpect(jsonPath("$.slots[0].status").value("not_monitored"))
                .andExpect(jsonPath("$.missed").value(5))
                .andExpect(jsonPath("$.due").value(5))
                .andExpect(jsonPath("$.percent").value(0));
        mvc.perform(get("/api/v1/users/{id}/adherence", client.id().value())
                        .param("from", today.minusDays(30).toString()).param("to", today.minusDays(10).toString())
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slots").isEmpty())
                .andExpect(jsonPath("$.due").value(0))
                .andExpect(jsonPath("$.percent").doesNotExist());
    }

    @Test
    void aMappedPillBoxWithoutOpeningsIsOnTheOverviewAndItsDoseIsMissedOnceTheWindowCloses() {
        Client client = client();
        mapPillBox(client, Fixtures.unique("pb"), Instant.now().minusSeconds(3 * 86_400));
        WeekScore score = weekly.lowest(organization.id(), 100, Instant.now()).lowest().stream()
                .filter(s -> s.clientId().equals(client.id().value())).findFirst().orElseThrow();
        assertThat(score.calculated()).isTrue();
        assertThat(score.due()).isGreaterThanOrEqualTo(5);
        assertThat(score.percentTaken()).isZero();
    }

    @Test
    void aRemovedPillBoxEndsMonitoring() {
        Client client = client();
        String device = Fixtures.unique("pb");
        mapPillBox(client, device, Instant.now().minusSeconds(5 * 86_400));
        assignments.end(organization.id(), SystemActor.BOOTSTRAP, client.id(), "tenovi", device);
        jdbc.sql("update device_assignments set ended_at = ? where device_id = ?")
                .params(Timestamp.from(at(LocalDate.now(UTC).minusDays(2), 23, 0)), device).update();
        LocalDate today = LocalDate.now(UTC);
        Scorecard card = weeklyTruth(client);
        assertThat(card.monitoredUntil()).isEqualTo(today.minusDays(2));
        assertThat(card.slots().get(card.slots().size() - 1).date()).isEqualTo(today.minusDays(2));
    }

    @Autowired
    Adherence adherence;

    Scorecard weeklyTruth(Client client) {
        return adherence.lastSevenDays(organization.id(),
                clients.find(organization.id(), client.id()).orElseThrow(), Instant.now());
    }

    @Test
    void theOverviewsSevenDayFigureIsTheReportsPagesLastSevenDaysForEveryClient() throws Exception {
        LocalDate today = LocalDate.now(UTC);
        List<Client> all = new ArrayList<>();
        Client newPillBox = client();
        all.add(newPillBox);
        Instant now = Instant.now();
        for (int d = 2; d >= 0; d--) {
            LocalDate date = today.minusDays(d);
            for (int period = 1; period <= 2; period++) {
                Instant opened = at(date, period == 1 ? 8 : 20, 1);
                if (opened.isBefore(now)) {
                    data.record(organization, newPillBox, opened, ClinicData.opening("pb-new-" + newPillBox.id(),
                            opened, 0, Opening.dayNumber(date), period, false));
                }
            }
        }
        Client veteran = client();
        all.add(veteran);
        for (int d = 20; d >= 1; d -= 3) {
            LocalDate date = today.minusDays(d);
            data.record(organization, veteran, at(date, 9, 0), ClinicData.opening("pb-old-" + veteran.id(),
                    at(date, 8, 30), 0, Opening.dayNumber(date), 1, false));
        }
        Client mappedOnly = client();
        all.add(mappedOnly);
        mapPillBox(mappedOnly, "pb-mapped-" + mappedOnly.id(), at(today.minusDays(4), 7, 0));
        Client bloodPressureOnly = client();
        all.add(bloodPressureOnly);
        data.record(organization, bloodPressureOnly, Instant.now(), ClinicData.single("bp-" + bloodPressureOnly.id(),
                ReadingType.PULSE, "pulse", at(today.minusDays(1), 9, 0), "72", "/min", "1", null));

        String practitioner = fixtures.staff(organization, Role.PRACTITIONER);
        var scores = weekly.lowest(organization.id(), 100, Instant.now()).lowest();
        for (Client c : all) {
            String html = mvc.perform(get("/clients/{id}/reports", c.id().value()).param("q", "medication")
                            .param("range", "7d").with(fixtures.signedIn(practitioner)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            var overview = scores.stream().filter(s -> s.clientId().equals(c.id().value())).findFirst();
            Matcher page = PERCENT_TAKEN.matcher(html);
            if (c == bloodPressureOnly) {
                assertThat(overview).isEmpty();
                assertThat(html).contains("No PillBox has been mapped to this client");
                continue;
            }
            assertThat(page.find()).as(c.lastName()).isTrue();
            assertThat(overview).as(c.lastName()).get().satisfies(s -> {
                assertThat(s.percentTaken()).isEqualTo(Integer.parseInt(page.group(1)));
                assertThat(s.due()).isEqualTo(Integer.parseInt(page.group(2)));
            });
        }
        assertThat(scores.stream().filter(s -> s.clientId().equals(newPillBox.id().value())).findFirst()
                .orElseThrow().percentTaken()).isEqualTo(100);
    }
}
