package org.rpmsync.auditlog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDetails;
import org.rpmsync.organization.NewStaff;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.organization.StaffAccounts;
import org.rpmsync.organization.SystemActor;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RpmSyncTest
class AuditLogPagesTests extends TestWorld {

    @Autowired
    StaffAccounts staff;

    @Test
    void showsWhoViewedAClientByNameAndInPlainWordsFilteredToThatClient() throws Exception {
        Organization clinic = fixtures.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        String nurse = addStaff(clinic, "Nora Viewer");
        Client viewed = client(clinic, "Ada");
        Client other = client(clinic, "Grace");
        mvc.perform(get("/clients/" + viewed.id()).with(fixtures.signedIn(nurse))).andExpect(status().isOk());
        mvc.perform(get("/clients/" + other.id()).with(fixtures.signedIn(admin))).andExpect(status().isOk());

        mvc.perform(get("/settings/audit").param("client", viewed.id().toString()).with(fixtures.signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Access history of")))
                .andExpect(content().string(containsString("<td title=\"" + nurse + "\">Nora Viewer</td>")))
                .andExpect(content().string(containsString(">Viewed client record</td>")))
                .andExpect(content().string(containsString(">" + viewed.displayName() + "</a>")))
                .andExpect(content().string(not(containsString(">" + other.displayName() + "</a>"))));
    }

    @Test
    void filtersByStaffMemberActionAndDateRange() throws Exception {
        Organization clinic = fixtures.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        String nurse = addStaff(clinic, "Nina Filter");
        Client c = client(clinic, "Filtered");
        Instant lastYear = Instant.now().minus(400, ChronoUnit.DAYS);
        audit.record(new AuditEntry(lastYear, clinic.id().value(), nurse, "CLIENT_VIEWED", "client", c.id().toString(),
                AuditEntry.Outcome.SUCCESS, "old view"));
        mvc.perform(get("/clients/" + c.id()).with(fixtures.signedIn(nurse)));

        mvc.perform(get("/settings/audit").param("actor", nurse).param("action", "CLIENT_VIEWED")
                        .with(fixtures.signedIn(admin)))
                .andExpect(content().string(containsString("old view")))
                .andExpect(content().string(not(containsString("title=\"STAFF_ADDED\""))));
        String thisMonth = java.time.LocalDate.now(java.time.ZoneOffset.UTC).withDayOfMonth(1).toString();
        mvc.perform(get("/settings/audit").param("actor", nurse).param("from", thisMonth)
                        .with(fixtures.signedIn(admin)))
                .andExpect(content().string(containsString(">Viewed client record</td>")))
                .andExpect(content().string(not(containsString("old view"))));
        mvc.perform(get("/settings/audit").param("from", "last week").with(fixtures.signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("from: enter a date as YYYY-MM-DD")));
    }

    @Test
    void pagesFiftyEntriesAtATimeNewestFirst() throws Exception {
        Organization clinic = fixtures.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS);
        audit.recordAll(IntStream.range(0, 60).mapToObj(i -> new AuditEntry(start.plusSeconds(i), clinic.id().value(),
                "system:test", "OVERVIEW_VIEWED", "organization", clinic.id().toString(), AuditEntry.Outcome.SUCCESS,
                "entry " + i + ";")).toList());
        mvc.perform(get("/settings/audit").param("action", "OVERVIEW_VIEWED").with(fixtures.signedIn(admin)))
                .andExpect(content().string(containsString("entry 59;")))
                .andExpect(content().string(containsString("entry 10;")))
                .andExpect(content().string(not(containsString("entry 9;"))))
                .andExpect(content().string(containsString("page=1\">Older")));
        mvc.perform(get("/settings/audit").param("action", "OVERVIEW_VIEWED").param("page", "1")
                        .with(fixtures.signedIn(admin)))
                .andExpect(content().string(containsString("entry 9;")))
                .andExpect(content().string(containsString("entry 0;")))
                .andExpect(content().string(not(containsString("entry 10;"))))
                .andExpect(content().string(not(containsString("Older"))));
    }

    @Test
    void exportsTheFilteredRowsAsCsvWithFormulasDefusedAndAuditsTheExport() throws Exception {
        Organization clinic = fixtures.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        String hostile = addStaff(clinic, "=HYPERLINK(\"x\")");
        Client c = client(clinic, "Exported");
        mvc.perform(get("/clients/" + c.id()).with(fixtures.signedIn(hostile)));
        String csv = mvc.perform(get("/settings/audit.csv").param("client", c.id().toString())
                        .with(fixtures.signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn().getResponse().getContentAsString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("When,Who,Account,Action,Action code,Target,Target id,Outcome,Detail");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains("\"'=HYPERLINK(\"\"x\"\")\"", "Viewed client record", "CLIENT_VIEWED",
                c.displayName(), c.id().toString(), "Done");
        assertThat(audit.forTarget("organization", clinic.id().toString())).extracting(AuditEntry::action)
                .contains("AUDIT_EXPORTED");
        mvc.perform(get("/settings/audit.csv").param("to", "tomorrow").with(fixtures.signedIn(admin)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void accessHistoryIsOneClickFromTheClientProfileForOrgAdmins() throws Exception {
        Organization clinic = fixtures.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        String nurse = fixtures.staff(clinic, Role.PRACTITIONER);
        Client c = client(clinic, "Profiled");
        mvc.perform(get("/clients/" + c.id()).with(fixtures.signedIn(admin)))
                .andExpect(content().string(containsString("href=\"/settings/audit?client=" + c.id() + "\">Access history")));
        mvc.perform(get("/clients/" + c.id()).with(fixtures.signedIn(nurse)))
                .andExpect(content().string(not(containsString("Access history"))));
        mvc.perform(get("/settings/audit").with(fixtures.signedIn(nurse))).andExpect(status().isForbidden());
    }

    private String addStaff(Organization clinic, String name) {
        String email = Fixtures.unique("staff") + "@example.test";
        staff.add(SystemActor.BOOTSTRAP, clinic.id(), new NewStaff(email, name, Role.PRACTITIONER, Fixtures.PASSWORD));
        return email;
    }

    private Client client(Organization clinic, String first) {
        return clients.create(clinic.id(), SystemActor.BOOTSTRAP, new ClientDetails(first, Fixtures.unique("Test"), null, null, "UTC"));
    }
}
