package org.rpmsync.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.clients.Client;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.reports.ClinicData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Needs attention page: critical first, filters, inline acknowledgement with a readable refusal. */
@RpmSyncTest
class WorklistTests extends TestWorld {

    @Autowired
    ClinicData data;

    final Organization organization;
    final RequestPostProcessor nurse;

    WorklistTests(@Autowired Fixtures fixtures) {
        organization = fixtures.organization();
        nurse = fixtures.signedIn(fixtures.staff(organization, Role.PRACTITIONER));
    }

    String page(String path) throws Exception {
        return mvc.perform(get(path).with(nurse)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void criticalAlertsComeFirstAndFiltersNarrowTheList() throws Exception {
        Client a = data.client(organization, "UTC");
        Client b = data.client(organization, "UTC");
        Instant at = Instant.now().minus(Duration.ofHours(2));
        data.record(organization, a, at, ClinicData.bloodPressure("bp-a", at, 185, 100, "1"));
        data.record(organization, b, at.plusSeconds(60), ClinicData.single("ox-b", org.rpmsync.measurements.ReadingType.SPO2,
                "spo2", at.plusSeconds(60), "91", "%", "", null));
        String all = page("/organization/attention");
        assertThat(all.indexOf("185/100 mmHg")).isPositive().isLessThan(all.indexOf("91 %"));
        assertThat(page("/organization/attention?severity=warning")).contains("91 %").doesNotContain("185/100");
        assertThat(page("/organization/attention?client=" + a.id())).contains("185/100").doesNotContain("91 %");
        assertThat(page("/clients/" + a.id())).contains("id=\"open-alerts\"", "185/100 mmHg");
    }

    @Test
    void anAcknowledgementWithBadMinutesIsRefusedBesideTheFormAndNothingIsSaved() throws Exception {
        Client c = data.client(organization, "UTC");
        Instant at = Instant.now().minus(Duration.ofHours(1));
        data.record(organization, c, at, ClinicData.single("gl-c", org.rpmsync.measurements.ReadingType.GLUCOSE,
                "glucose", at, "45", "mg/dL", "", null));
        String html = page("/organization/attention");
        String id = html.replaceAll("(?s).*id=\"alert-([0-9a-f-]{36})\".*", "$1");
        String refused = mvc.perform(post("/organization/attention/{id}/acknowledge", id).with(nurse).with(csrf())
                        .header("HX-Request", "true").param("note", "x").param("minutes", "300"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("minutes must be a whole number from 0 to 240").doesNotContain("<html");
        assertThat(page("/organization/attention")).contains("45 mg/dL");
        String done = mvc.perform(post("/organization/attention/{id}/acknowledge", id).with(nurse).with(csrf())
                        .header("HX-Request", "true").param("note", "Juice given").param("minutes", "5"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(done).contains("Acknowledged by", "5 min", "Juice given");
        assertThat(page("/organization/attention")).contains("Nothing needs attention");
    }
}
