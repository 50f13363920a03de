package org.rpmsync.alerts;

import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import tools.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.DeviceDetails;
import org.rpmsync.measurements.MeasurementRecorder;
import org.rpmsync.measurements.Origin;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.SystemActor;
import org.rpmsync.reports.ClinicData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Alerts raised in the write path: once per reading, one open alert per client and rule that later readings join,
 * late readings marked late, unmatched readings raising when they find their client; acknowledging with minutes.
 */
@RpmSyncTest
class AlertsTests extends TestWorld {

    @Autowired
    ClinicData data;
    @Autowired
    MeasurementRecorder recorder;
    @Autowired
    JsonMapper json;

    final Organization organization;
    final String token;
    final Client client;

    AlertsTests(@Autowired Fixtures fixtures, @Autowired ClinicData data) {
        organization = fixtures.organization();
        token = fixtures.orgToken(organization);
        client = data.client(organization, "America/New_York");
    }

    JsonNode alerts(String query) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/alerts" + query).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("items");
    }

    @Test
    void aCrisisReadingRaisesOneCriticalAlertThatLaterReadingsJoinOnce() throws Exception {
        Instant at = Instant.now().minus(Duration.ofHours(3));
        var crisis = ClinicData.bloodPressure("bp-1", at, 182, 104, "1");
        data.record(organization, client, at.plusSeconds(60), crisis);
        data.record(organization, client, at.plusSeconds(90), crisis);
        JsonNode open = alerts("?userId=" + client.id());
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("rule").asText()).isEqualTo("blood_pressure_high");
        assertThat(open.get(0).get("severity").asText()).isEqualTo("critical");
        assertThat(open.get(0).get("value").asText()).isEqualTo("182/104 mmHg");
        assertThat(open.get(0).get("count").asInt()).isEqualTo(1);
        assertThat(open.get(0).get("late").asBoolean()).isFalse();

        data.record(organization, client, at.plusSeconds(3_600), ClinicData.bloodPressure("bp-1",
                at.plusSeconds(3_500), 165, 95, "2"), ClinicData.bloodPressure("bp-1", at.plusSeconds(3_550), 120, 80,
                "3"));
        JsonNode joined = alerts("?userId=" + client.id());
        assertThat(joined).hasSize(1);
        assertThat(joined.get(0).get("count").asInt()).isEqualTo(2);
        assertThat(joined.get(0).get("severity").asText()).isEqualTo("critical");
        assertThat(joined.get(0).get("value").asText()).isEqualTo("165/95 mmHg");
    }

    @Test
    void aLateReadingRaisesMarkedLateAndAnUnmatchedOneRaisesWhenItFindsItsClient() throws Exception {
        Instant measured = Instant.now().minus(Duration.ofDays(2));
        recorder.record(organization.id(), List.of(ClinicData.single("gl-9", ReadingType.GLUCOSE, "glucose", measured,
                "50", "mg/dL", "", null)), Instant.now(), Origin.WEBHOOK);
        assertThat(alerts("?userId=" + client.id())).isEmpty();
        assignments.assign(organization.id(), SystemActor.BOOTSTRAP, client.id(),
                new DeviceDetails("tenovi", "gl-9", "Tenovi BGM", "12", null, null), false);
        JsonNode open = alerts("?userId=" + client.id());
        assertThat(open).singleElement().satisfies(a -> {
            assertThat(a.get("rule").asText()).isEqualTo("glucose_low");
            assertThat(a.get("severity").asText()).isEqualTo("critical");
            assertThat(a.get("late").asBoolean()).isTrue();
        });
    }

    @Test
    void acknowledgingWithMinutesClosesTheAlertAndTheNextBreachOpensANewOne() throws Exception {
        Instant at = Instant.now().minus(Duration.ofHours(1));
        data.record(organization, client, at, ClinicData.single("ox-1", ReadingType.SPO2, "spo2", at, "90", "%", "",
                null));
        String id = alerts("?userId=" + client.id()).get(0).get("id").asText();
        mvc.perform(post("/api/v1/alerts/{id}/acknowledge", id).header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"Called, feels fine\",\"minutes\":241}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("invalid_input"));
        assertThat(alerts("?userId=" + client.id())).hasSize(1);
        mvc.perform(post("/api/v1/alerts/{id}/acknowledge", id).header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"Called, feels fine\",\"minutes\":12}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("acknowledged"))
                .andExpect(jsonPath("$.minutes").value(12)).andExpect(jsonPath("$.note").value("Called, feels fine"));
        mvc.perform(post("/api/v1/alerts/{id}/acknowledge", id).header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("already_acknowledged"));
        assertThat(alerts("?userId=" + client.id())).isEmpty();
        assertThat(alerts("?status=acknowledged&userId=" + client.id())).hasSize(1);

        data.record(organization, client, at.plusSeconds(600), ClinicData.single("ox-1", ReadingType.SPO2, "spo2",
                at.plusSeconds(600), "86", "%", "", null));
        assertThat(alerts("?status=all&userId=" + client.id())).hasSize(2);
        assertThat(alerts("?severity=critical&userId=" + client.id())).hasSize(1);
    }

    @Test
    void anotherOrganizationNeitherSeesNorAcknowledgesTheAlert() throws Exception {
        Instant at = Instant.now().minus(Duration.ofHours(1));
        data.record(organization, client, at, ClinicData.bloodPressure("bp-x", at, 200, 100, "9"));
        String id = alerts("?userId=" + client.id()).get(0).get("id").asText();
        String other = fixtures.orgToken(fixtures.organization());
        mvc.perform(post("/api/v1/alerts/{id}/acknowledge", id).header("Authorization", "Bearer " + other)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("not_found"));
        mvc.perform(get("/api/v1/alerts").header("Authorization", "Bearer " + other))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(get("/api/v1/users/{id}/alert-rules", client.id().value()).header("Authorization", "Bearer " + other))
                .andExpect(status().isNotFound());
    }

    @Test
    void aClientsOwnRulesOverrideTheOrganizationsAndSillyRulesAreRefusedWhole() throws Exception {
        String rules = mvc.perform(get("/api/v1/users/{id}/alert-rules", client.id().value())
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.glucose_low.warning").value(70))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(put("/api/v1/users/{id}/alert-rules", client.id().value()).header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(rules.replace("\"warningSystolic\":160", "\"warningSystolic\":500")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("invalid_input"));
        mvc.perform(put("/api/v1/users/{id}/alert-rules", client.id().value()).header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(rules.replace("\"warning\":70", "\"warning\":80")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.glucose_low.warning").value(80));
        mvc.perform(get("/api/v1/alert-rules").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.glucose_low.warning").value(70))
                .andExpect(jsonPath("$.blood_pressure_high.warningSystolic").value(160));
        Instant at = Instant.now().minus(Duration.ofHours(1));
        data.record(organization, client, at, ClinicData.single("gl-2", ReadingType.GLUCOSE, "glucose", at, "75",
                "mg/dL", "", null));
        assertThat(alerts("?userId=" + client.id())).singleElement()
                .satisfies(a -> assertThat(a.get("rule").asText()).isEqualTo("glucose_low"));
    }

    @Test
    void careTimeIsLoggedOnTheClientsLocalDay() throws Exception {
        mvc.perform(post("/api/v1/users/{id}/care-time", client.id().value()).header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"minutes\":-1,\"note\":\"x\"}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/users/{id}/care-time", client.id().value()).header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"minutes\":15,\"note\":\"Medication review\",\"date\":\"2026-11-30\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.date").value("2026-11-30"))
                .andExpect(jsonPath("$.minutes").value(15));
    }
}
