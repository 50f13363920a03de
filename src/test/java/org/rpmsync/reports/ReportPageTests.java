package org.rpmsync.reports;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.clients.Client;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RpmSyncTest
class ReportPageTests extends TestWorld {

    static final Instant RECEIVED = Instant.parse("2024-10-18T12:00:00Z");

    final Organization organization;
    final RequestPostProcessor practitioner;
    final Client client;

    ReportPageTests(@Autowired Fixtures fixtures, @Autowired ClinicData data) {
        organization = fixtures.organization();
        practitioner = fixtures.signedIn(fixtures.staff(organization, Role.PRACTITIONER));
        client = data.client(organization, "America/Chicago");
        data.record(organization, client, Instant.parse("2024-10-15T02:31:00Z"),
                ClinicData.opening("pill-1", Instant.parse("2024-10-15T02:30:00Z"), -300, 2, 2, false));
        data.record(organization, client, RECEIVED,
                ClinicData.opening("pill-1", Instant.parse("2024-10-14T13:05:00Z"), -300, 2, 1, false),
                ClinicData.opening("pill-1", Instant.parse("2024-10-16T13:00:00Z"), null, 4, 1, true));
        data.record(organization, client, Instant.parse("2024-10-14T13:01:00Z"),
                ClinicData.bloodPressure("bp-1", Instant.parse("2024-10-14T13:00:00Z"), 128, 82, "587"),
                ClinicData.single("bp-1", ReadingType.PULSE, "pulse", Instant.parse("2024-10-14T13:00:00Z"), "71",
                        "/min", "587", null),
                ClinicData.single("gl-1", ReadingType.GLUCOSE, "glucose", Instant.parse("2024-10-14T14:00:00Z"),
                        "104", "mg/dL", "", "before meal"));
    }

    String reports() {
        return "/clients/" + client.id() + "/reports";
    }

    @Test
    void showsMedicationDeviceDataInTheClientsLocalTimeWithBadges() throws Exception {
        String page = mvc.perform(get(reports()).with(practitioner))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Medication Device Data", "Monday PM", "Mon 2024-10-14 21:30 (UTC\u221205:00)",
                "Mon 2024-10-14 08:05 (UTC\u221205:00)", "synced late", "estimated time", "Wednesday AM");
        // Newest measured first: Wednesday (estimated) before Monday PM before Monday AM.
        assertThat(page.indexOf("Wednesday AM")).isLessThan(page.indexOf("Monday PM"));
        assertThat(page.indexOf("Monday PM</td>")).isLessThan(page.indexOf("Monday AM</td>"));
        assertThat(page).contains("128/82 mmHg", "Pulse 71 bpm", "104 mg/dL", "before meal", "data-series=");
    }

    @Test
    void searchNarrowsTheSections() throws Exception {
        mvc.perform(get(reports()).param("q", "glucose").with(practitioner))
                .andExpect(content().string(allOf(containsString("104 mg/dL"),
                        not(containsString("Medication Device Data")), not(containsString("128/82")))));
        mvc.perform(get(reports()).param("q", "blood pressure").with(practitioner))
                .andExpect(content().string(allOf(containsString("128/82"), not(containsString("104 mg/dL")))));
        mvc.perform(get(reports()).param("q", "medication").with(practitioner))
                .andExpect(content().string(allOf(containsString("Medication Device Data"),
                        not(containsString("128/82")))));
        mvc.perform(get(reports()).param("q", "Tenovi").with(practitioner))
                .andExpect(content().string(allOf(containsString("Medication Device Data"), containsString("128/82"),
                        containsString("104 mg/dL"))));
        mvc.perform(get(reports()).param("q", "x-ray").with(practitioner))
                .andExpect(content().string(containsString("No data source or type matches")));
    }

    @Test
    void rangesLimitTheRows() throws Exception {
        mvc.perform(get(reports()).param("range", "custom").param("from", "2024-10-16").param("to", "2024-10-16")
                        .with(practitioner))
                .andExpect(content().string(allOf(containsString("Wednesday AM"),
                        not(containsString("Monday PM</td>")))));
        mvc.perform(get(reports()).param("range", "7d").with(practitioner))
                .andExpect(content().string(containsString("No PillBox events in this range.")));
    }

    @Test
    void csvHasExactlyThePagesRowsAndIsAuditedAsAnExport() throws Exception {
        String page = mvc.perform(get(reports()).with(practitioner)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String csv = mvc.perform(get(reports() + "/medication.csv").with(practitioner))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", MedicationRow.HEADER));
        assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(pageRows(page));
        assertThat(lines).hasSize(4);
        assertThat(audit.forTarget("client", client.id().toString()))
                .extracting(AuditEntry::action, AuditEntry::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple("REPORT_EXPORTED", AuditEntry.Outcome.SUCCESS),
                        org.assertj.core.groups.Tuple.tuple("CLIENT_VIEWED", AuditEntry.Outcome.SUCCESS));
        assertThat(audit.forTarget("client", client.id().toString()))
                .filteredOn(e -> e.action().equals("CLIENT_VIEWED")).extracting(AuditEntry::detail)
                .contains("reports");
    }

    /** The page's medication table rows, as CSV lines. */
    static List<String> pageRows(String html) {
        String table = html.substring(html.indexOf("<tbody>", html.indexOf("medication-rows")));
        table = table.substring(0, table.indexOf("</tbody>"));
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(table);
        while (row.find()) {
            Matcher cell = Pattern.compile("<td>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
            List<String> cells = new ArrayList<>();
            while (cell.find()) {
                cells.add(cell.group(1).strip());
            }
            String badges = cells.get(4);
            rows.add(String.join(",", cells.get(0), cells.get(1), cells.get(2), cells.get(3),
                    badges.contains("synced late") ? "yes" : "no", badges.contains("estimated time") ? "yes" : "no"));
        }
        return rows;
    }

    @Test
    void anotherOrganizationsStaffGet404AndTheAttemptIsAudited(@Autowired Fixtures fixtures) throws Exception {
        Organization other = fixtures.organization();
        RequestPostProcessor outsider = fixtures.signedIn(fixtures.staff(other, Role.ORG_ADMIN));
        mvc.perform(get(reports()).with(outsider)).andExpect(status().isNotFound());
        mvc.perform(get(reports() + "/medication.csv").with(outsider)).andExpect(status().isNotFound());
        mvc.perform(get("/clients/" + client.id()).with(outsider)).andExpect(status().isNotFound());
        assertThat(audit.forTarget("client", client.id().toString()))
                .filteredOn(e -> e.outcome() == AuditEntry.Outcome.DENIED).hasSize(3)
                .allMatch(e -> e.organizationId().equals(other.id().value()));
    }
}
