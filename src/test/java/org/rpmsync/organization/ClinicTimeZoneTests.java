package org.rpmsync.organization;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.audit.AuditEntry;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each organization has a clinic time zone (default RPMSYNC_DEFAULT_TIME_ZONE) that its pages show times in. */
@RpmSyncTest
class ClinicTimeZoneTests extends TestWorld {

    @Autowired
    ClinicTime clinicTime;

    @Test
    void anOrgAdminSetsTheClinicTimeZoneAndPagesShowTimesInIt() throws Exception {
        Organization clinic = fixtures.tenoviOrganization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        Instant noonUtc = Instant.parse("2026-01-15T12:00:00Z");
        assertThat(clinicTime.format(clinic.id(), noonUtc)).isEqualTo("2026-01-15 07:00:00 EST");
        mvc.perform(get("/settings/clinic").with(fixtures.signedIn(admin)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"America/New_York\"")));

        mvc.perform(post("/settings/clinic").with(fixtures.signedIn(admin)).with(csrf())
                        .param("timeZone", "America/Chicago"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Clinic time zone saved")));
        assertThat(clinicTime.format(clinic.id(), noonUtc)).isEqualTo("2026-01-15 06:00:00 CST");
        assertThat(audit.forTarget("organization", clinic.id().toString())).extracting(AuditEntry::action)
                .contains("CLINIC_TIME_ZONE_CHANGED");
        mvc.perform(get("/settings/integrations").with(fixtures.signedIn(admin)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(" UTC"))));
    }

    @Test
    void anUnknownTimeZoneIsRefusedBesideTheField() throws Exception {
        Organization clinic = fixtures.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        mvc.perform(post("/settings/clinic").with(fixtures.signedIn(admin)).with(csrf()).param("timeZone", "Mars/Olympus"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Choose a time zone from the list"),
                        containsString("aria-invalid=\"true\""))));
        assertThat(clinicTime.zone(clinic.id()).getId()).isEqualTo("America/New_York");
    }

    @Test
    void practitionersCannotChangeIt() throws Exception {
        Organization clinic = fixtures.organization();
        String nurse = fixtures.staff(clinic, Role.PRACTITIONER);
        mvc.perform(post("/settings/clinic").with(fixtures.signedIn(nurse)).with(csrf()).param("timeZone", "UTC"))
                .andExpect(status().isForbidden());
    }
}
