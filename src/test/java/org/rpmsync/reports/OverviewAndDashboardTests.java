package org.rpmsync.reports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDetails;
import org.rpmsync.measurements.MeasurementRecorder;
import org.rpmsync.measurements.Origin;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.organization.SystemActor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RpmSyncTest
class OverviewAndDashboardTests extends TestWorld {

    @Autowired
    ClinicData data;
    @Autowired
    MeasurementRecorder recorder;

    final Fixtures fixtures;
    final Organization organization;
    final RequestPostProcessor practitioner;

    OverviewAndDashboardTests(@Autowired Fixtures fixtures) {
        this.fixtures = fixtures;
        organization = fixtures.organization();
        practitioner = fixtures.signedIn(fixtures.staff(organization, Role.PRACTITIONER));
    }

    Client named(String first, String last) {
        return clients.create(organization.id(), SystemActor.BOOTSTRAP,
                new ClientDetails(first, last, null, null, "UTC"));
    }

    String page(String path) throws Exception {
        return mvc.perform(get(path).with(practitioner)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Every dose of the last 7 UTC days taken at its due time. */
    void perfectWeek(Client client, String device) {
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        for (int i = 0; i < 7; i++) {
            LocalDate date = today.minusDays(i);
            int day = date.getDayOfWeek().getValue() % 7 + 1;
            Instant am = date.atTime(8, 0).toInstant(java.time.ZoneOffset.UTC);
            if (am.isBefore(Instant.now())) {
                data.record(organization, client, am.plusSeconds(30), ClinicData.opening(device, am, 0, day, 1, false));
            }
            Instant pm = date.atTime(20, 0).toInstant(java.time.ZoneOffset.UTC);
            if (pm.isBefore(Instant.now())) {
                data.record(organization, client, pm.plusSeconds(30), ClinicData.opening(device, pm, 0, day, 2, false));
            }
        }
    }

    @Test
    void overviewSortsByAdherenceAndListsQuietAndLateClients() throws Exception {
        Client good = named("Grace", "Goodwin");
        Client poor = named("Paul", "Poorman");
        Client quiet = named("Quinn", "Quiet");
        perfectWeek(good, "pill-good");
        Instant yesterday = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        data.record(organization, poor, Instant.now(), ClinicData.opening("pill-poor", yesterday, 0, 1, 1, false));
        Instant longAgo = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        data.record(organization, quiet, longAgo.plusSeconds(60), ClinicData.single("bp-q", ReadingType.WEIGHT,
                "weight", longAgo, "180", "[lb_av]", "", null));
        String html = page("/organization/overview");
        String adherence = html.substring(html.indexOf("id=\"by-adherence\""), html.indexOf("id=\"silent\""));
        assertThat(adherence.indexOf("Poorman, Paul")).isPositive().isLessThan(adherence.indexOf("Goodwin, Grace"));
        assertThat(adherence).doesNotContain("Quiet, Quinn").contains("100% on time");
        String silent = html.substring(html.indexOf("id=\"silent\""), html.indexOf("id=\"late\""));
        assertThat(silent).contains("Quiet, Quinn", "/clients/" + quiet.id()).doesNotContain("Goodwin");
        String late = html.substring(html.indexOf("id=\"late\""));
        assertThat(late).contains("Poorman, Paul", "1 readings synced late").doesNotContain("Goodwin");
        assertThat(page("/organization/overview?silentDays=30")).doesNotContain("Quiet, Quinn");
        assertThat(html).contains("Every reading belongs to a client.");
    }

    @Test
    void overviewCountsDataThatMatchesNoClient() throws Exception {
        Instant at = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        recorder.record(organization.id(), java.util.List.of(ClinicData.bloodPressure("bp-nobody", at, 120, 80, "1"),
                ClinicData.bloodPressure("bp-nobody", at.plusSeconds(60), 121, 81, "2")), at.plusSeconds(90),
                Origin.WEBHOOK);
        String unmatched = page("/organization/overview").replaceAll("\\s+", " ");
        assertThat(unmatched).contains("2 readings from 1 device match no client yet.",
                "An organization admin can map them").doesNotContain("/settings/unmatched\"");
        var admin = fixtures.signedIn(fixtures.staff(organization, Role.ORG_ADMIN));
        assertThat(mvc.perform(get("/organization/overview").with(admin)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("href=\"/settings/unmatched\"",
                "Review unmatched data");
        assertThat(page("/clients")).contains("/organization/overview");
    }

    @Test
    void dashboardShowsTheMedicationCardDevicesBatteryAndVitals() throws Exception {
        Client client = named("Rosa", "Parks");
        perfectWeek(client, "pill-1");
        Instant at = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        data.record(organization, client, at.plusSeconds(5),
                ClinicData.single("pill-1", ReadingType.BATTERY, "battery_percentage", at, "83", "%", "", null),
                ClinicData.bloodPressure("bp-1", at, 131, 84, "1"));
        String html = page("/clients/" + client.id());
        assertThat(html).contains("Medication Device Data", "Last openings", "pill-1", "83%", "bp-1",
                "131/84 mmHg", "100% on time", "Last sync");
        assertThat(audit.forTarget("client", client.id().toString())).extracting(AuditEntry::detail)
                .contains("dashboard");
    }

    @Test
    void practitionersEditTheScheduleAndExplainMissedDosesAudited() throws Exception {
        Client client = named("Ada", "Lovelace");
        data.record(organization, client, Instant.parse("2024-10-14T11:00:00Z"),
                ClinicData.opening("pill-2", Instant.parse("2024-10-14T10:45:00Z"), 0, 2, 1, false));
        String reports = "/clients/" + client.id() + "/reports";
        String before = page(reports + "?range=custom&from=2024-10-14&to=2024-10-14");
        assertThat(before).contains("title=\"2024-10-14 AM: Late\"");
        mvc.perform(post(reports + "/schedule").with(practitioner).with(csrf())
                .param("am", "09:00").param("pm", "21:00").param("window", "120"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(reports + "/reasons").with(practitioner).with(csrf())
                .param("date", "2024-10-14").param("period", "PM").param("reason", "Stayed at her daughter's"))
                .andExpect(status().is3xxRedirection());
        String after = page(reports + "?range=custom&from=2024-10-14&to=2024-10-14");
        assertThat(after).contains("title=\"2024-10-14 AM: Taken\"", "Stayed at her daughter&#39;s",
                "value=\"09:00\"");
        assertThat(after.replaceAll("\\s+", " ")).contains("<td class=\"percent-taken\">50% of 2</td> <td>100% of 1</td>");
        mvc.perform(post(reports + "/schedule").with(practitioner).with(csrf())
                .param("am", "22:00").param("pm", "21:00").param("window", "120"))
                .andExpect(status().is3xxRedirection());
        assertThat(audit.forTarget("client", client.id().toString())).extracting(AuditEntry::action)
                .containsOnlyOnce("ADHERENCE_SCHEDULE_CHANGED", "ADHERENCE_REASON_NOTED");
    }
}
