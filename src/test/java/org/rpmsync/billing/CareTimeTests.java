package org.rpmsync.billing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.clients.Client;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.reports.ClinicData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Care time corrected or deleted by who logged it, within the month only, audited; refused input saves nothing. */
@RpmSyncTest
class CareTimeTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ClinicData data;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    final Fixtures fixtures;
    final Organization organization;
    final String token;
    final Client client;

    CareTimeTests(@Autowired Fixtures fixtures, @Autowired ClinicData data) {
        this.fixtures = fixtures;
        organization = fixtures.organization();
        token = fixtures.orgToken(organization);
        client = data.client(organization, "America/Chicago");
    }

    String log(String bearer, String body) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/users/{id}/care-time", client.id())
                        .header("Authorization", "Bearer " + bearer).contentType(MediaType.APPLICATION_JSON)
                        .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("id").asText();
    }

    JsonNode entries(String month) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/users/{id}/care-time" + month, client.id())
                        .header("Authorization", "Bearer " + token)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).get("items");
    }

    org.springframework.test.web.servlet.ResultActions change(String bearer, String id, String body) throws Exception {
        return mvc.perform(put("/api/v1/users/{id}/care-time/{entry}", client.id(), id)
                .header("Authorization", "Bearer " + bearer).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void whoLoggedAnEntryCorrectsOrDeletesItThisMonthAndNobodyElseDoes() throws Exception {
        String id = log(token, "{\"minutes\":15,\"note\":\"Reviewed readings\"}");
        change(token, id, "{\"minutes\":241}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid_input"));
        change(token, id, "{\"minutes\":-1}").andExpect(status().isUnprocessableContent());
        assertThat(entries("").get(0).get("minutes").asInt()).as("nothing half-saved").isEqualTo(15);
        change(token, id, "{\"minutes\":25,\"note\":\"Reviewed readings, called\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.minutes").value(25)).andExpect(jsonPath("$.note").value("Reviewed readings, called"));
        change(fixtures.orgToken(organization), id, "{\"minutes\":5}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("not_your_entry"));
        change(fixtures.orgToken(fixtures.organization()), id, "{\"minutes\":5}").andExpect(status().isNotFound());
        assertThat(entries("").get(0).get("minutes").asInt()).isEqualTo(25);

        mvc.perform(delete("/api/v1/users/{id}/care-time/{entry}", client.id(), id)
                .header("Authorization", "Bearer " + token)).andExpect(status().isNoContent());
        assertThat(entries("")).isEmpty();
        assertThat(jdbc.sql("select action from audit_events where target_id = ? order by id")
                .param(client.id().toString()).query(String.class).list())
                .contains("CARE_TIME_LOGGED", "CARE_TIME_CHANGED", "CARE_TIME_DELETED");
    }

    @Test
    void anEntryOfAPastMonthStaysAsItWas() throws Exception {
        LocalDate lastMonth = LocalDate.now(ZoneId.of("America/Chicago")).withDayOfMonth(1).minusDays(1);
        String id = log(token, "{\"minutes\":20,\"date\":\"" + lastMonth + "\"}");
        change(token, id, "{\"minutes\":10}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("month_closed"));
        mvc.perform(delete("/api/v1/users/{id}/care-time/{entry}", client.id(), id)
                .header("Authorization", "Bearer " + token)).andExpect(status().isConflict());
        assertThat(entries("?month=" + lastMonth.toString().substring(0, 7)).get(0).get("minutes").asInt())
                .isEqualTo(20);
    }

    @Test
    void theReportsCareCardLogsCorrectsAndShowsAcknowledgedAlerts() throws Exception {
        String nurse = fixtures.staff(organization, Role.PRACTITIONER);
        RequestPostProcessor signedIn = fixtures.signedIn(nurse);
        mvc.perform(post("/clients/{id}/care-time", client.id()).with(signedIn).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("minutes", "300").param("note", "Long call"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("careProblem", "Not saved: minutes must be a whole number from 0 to 240."));
        assertThat(entries("")).isEmpty();
        mvc.perform(post("/clients/{id}/care-time", client.id()).with(signedIn).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("minutes", "12").param("note", "Long call"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("careMessage"));
        Instant at = Instant.now().minus(Duration.ofHours(1));
        data.record(organization, client, at, ClinicData.bloodPressure("bp-care", at, 185, 95, "1"));
        String alert = json.readTree(mvc.perform(get("/api/v1/alerts?userId=" + client.id())
                .header("Authorization", "Bearer " + token)).andReturn().getResponse().getContentAsString())
                .get("items").get(0).get("id").asText();
        mvc.perform(post("/api/v1/alerts/{id}/acknowledge", alert).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"Rechecked 150/90\",\"minutes\":8}"))
                .andExpect(status().isOk());
        String page = mvc.perform(get("/clients/{id}/reports", client.id()).with(signedIn)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Critical alert acknowledged: High blood pressure", "185/95 mmHg",
                "Rechecked 150/90", "12 min care time", "Long call", "class=\"toolbar care-edit\"",
                "20 care minutes", "99457");
        String other = mvc.perform(get("/clients/{id}/reports", client.id())
                        .with(fixtures.signedIn(fixtures.staff(organization, Role.PRACTITIONER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(other).as("another nurse's entries are not editable").doesNotContain("class=\"toolbar care-edit\"");
    }
}
