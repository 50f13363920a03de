package org.rpmsync.dataapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.clients.Client;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.organization.Organization;
import org.rpmsync.reports.ClinicData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RpmSyncTest
class DataApiTests extends TestWorld {

    @Autowired
    ObjectMapper json;

    final Organization organization;
    final String token;
    final Client client;

    DataApiTests(@Autowired Fixtures fixtures, @Autowired ClinicData data) {
        organization = fixtures.organization();
        token = fixtures.orgToken(organization);
        client = data.client(organization, "America/Chicago");
        data.record(organization, client, Instant.parse("2024-10-15T02:31:00Z"),
                ClinicData.opening("pill-1", Instant.parse("2024-10-15T02:30:00Z"), -300, 2, 2, false));
        data.record(organization, client, Instant.parse("2024-10-14T13:01:00Z"),
                ClinicData.bloodPressure("bp-1", Instant.parse("2024-10-14T13:00:00Z"), 128, 82, "587"),
                ClinicData.single("bp-1", ReadingType.PULSE, "pulse", Instant.parse("2024-10-14T13:00:00Z"), "71",
                        "/min", "587", null),
                ClinicData.single("gl-1", ReadingType.GLUCOSE, "glucose", Instant.parse("2024-10-14T12:00:00Z"),
                        "104", "mg/dL", "", "before meal"),
                ClinicData.single("sc-1", ReadingType.WEIGHT, "weight", Instant.parse("2024-10-13T12:00:00Z"),
                        "181.4", "[lb_av]", "", null));
    }

    MockHttpServletRequestBuilder api(String path) {
        return get("/api/v1/users/" + client.id() + path).header("Authorization", "Bearer " + token);
    }

    JsonNode body(MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void listsMeasurementsNewestFirstWithTheTypesValues() throws Exception {
        JsonNode page = body(api("/measurements?source=tenovi"));
        JsonNode items = page.get("items");
        assertThat(items).hasSize(5);
        JsonNode opening = items.get(0);
        assertThat(opening.get("type").asText()).isEqualTo("medication_compartment_opened");
        assertThat(opening.get("compartment").asText()).isEqualTo("Monday PM");
        assertThat(opening.get("day").asText()).isEqualTo("MONDAY");
        assertThat(opening.get("period").asText()).isEqualTo("PM");
        assertThat(opening.get("measuredAt").asText()).isEqualTo("2024-10-15T02:30:00Z");
        assertThat(opening.get("localTime").asText()).isEqualTo("2024-10-14T21:30-05:00");
        assertThat(opening.get("hwiDeviceId").asText()).isEqualTo("pill-1");
        JsonNode bp = items.get(1).get("type").asText().equals("blood_pressure") ? items.get(1) : items.get(2);
        assertThat(bp.get("systolic").asInt()).isEqualTo(128);
        assertThat(bp.get("diastolic").asInt()).isEqualTo(82);
        assertThat(bp.get("pulse").asInt()).isEqualTo(71);
        assertThat(bp.get("localTime").asText()).isEqualTo("2024-10-14T08:00-05:00");
        JsonNode glucose = items.get(3);
        assertThat(glucose.get("value").asInt()).isEqualTo(104);
        assertThat(glucose.get("unit").asText()).isEqualTo("mg/dL");
        assertThat(glucose.get("mealContext").asText()).isEqualTo("before meal");
        assertThat(page.get("nextCursor").isNull()).isTrue();
        assertThat(body(api("/measurements?type=glucose")).get("items")).hasSize(1);
        assertThat(body(api("/measurements?source=other")).get("items")).isEmpty();
        // Chicago days: the 02:30Z opening is the 14th locally, the weight of the 13th is not.
        assertThat(body(api("/measurements?from=2024-10-14&to=2024-10-14")).get("items")).hasSize(4);
    }

    @Test
    void pagesWithAnOpaqueCursorWithoutGapsOrRepeats() throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = body(api("/measurements?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
            page.get("items").forEach(i -> ids.add(i.get("id").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
        List<String> all = new ArrayList<>();
        body(api("/measurements")).get("items").forEach(i -> all.add(i.get("id").asText()));
        assertThat(ids).containsExactlyElementsOf(all);
    }

    @Test
    void rejectsBadParametersWithClearCodes() throws Exception {
        mvc.perform(api("/measurements?type=x-ray")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid_input"));
        mvc.perform(api("/measurements?limit=0")).andExpect(status().isUnprocessableContent());
        mvc.perform(api("/measurements?cursor=garbage")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_cursor"));
        mvc.perform(api("/measurements?from=yesterday")).andExpect(status().isUnprocessableContent());
        mvc.perform(api("/adherence?from=2020-01-01&to=2024-01-01")).andExpect(status().isUnprocessableContent());
    }

    @Test
    void adherenceScoresTheRangeInTheClientsLocalDays() throws Exception {
        JsonNode body = body(api("/adherence?from=2024-10-14&to=2024-10-14"));
        assertThat(body.get("schedule").get("am").asText()).isEqualTo("08:00");
        assertThat(body.get("schedule").get("windowMinutes").asInt()).isEqualTo(120);
        // The PillBox's first opening, Monday 21:30 local, starts monitoring: Monday's AM dose was not monitored.
        assertThat(body.get("monitoredSince").asText()).isEqualTo("2024-10-14");
        assertThat(body.get("taken").asInt()).isEqualTo(1);
        assertThat(body.get("missed").asInt()).isZero();
        assertThat(body.get("notMonitored").asInt()).isEqualTo(1);
        assertThat(body.get("due").asInt()).isEqualTo(1);
        assertThat(body.get("percent").asInt()).isEqualTo(100);
        assertThat(body.get("slots")).hasSize(2);
        assertThat(body.get("slots").get(1).get("status").asText()).isEqualTo("taken");
        assertThat(body.get("slots").get(1).get("openedAt").asText()).isEqualTo("2024-10-15T02:30:00Z");
        assertThat(body.get("slots").get(0).get("status").asText()).isEqualTo("not_monitored");
    }

    @Test
    void aPillboxFlushingDaysOfOpeningsLateRescoresThoseDays(@Autowired ClinicData data) throws Exception {
        // Before the flush the PillBox seemed to start on the 14th: nothing was due on the 12th and 13th.
        JsonNode before = body(api("/adherence?from=2024-10-12&to=2024-10-13"));
        assertThat(before.get("due").asInt()).isZero();
        assertThat(before.get("slots")).isEmpty();
        // Back in range three days later: older than what is stored, flagged late, scored at their true times.
        Instant burst = Instant.parse("2024-10-16T15:00:00Z");
        data.record(organization, client, burst,
                ClinicData.opening("pill-1", Instant.parse("2024-10-12T13:10:00Z"), -300, 7, 1, false),
                ClinicData.opening("pill-1", Instant.parse("2024-10-13T01:05:00Z"), -300, 7, 2, false),
                ClinicData.opening("pill-1", Instant.parse("2024-10-13T13:20:00Z"), -300, 1, 1, false));
        JsonNode after = body(api("/adherence?from=2024-10-12&to=2024-10-13"));
        assertThat(after.get("monitoredSince").asText()).isEqualTo("2024-10-12");
        assertThat(after.get("taken").asInt()).isEqualTo(3);
        assertThat(after.get("missed").asInt()).isEqualTo(1);
        JsonNode items = body(api("/measurements?type=medication_compartment_opened&to=2024-10-13")).get("items");
        assertThat(items).hasSize(3).allMatch(i -> i.get("late").asBoolean());
    }

    @Test
    void anotherOrganizationsTokenGets404Everywhere(@Autowired Fixtures fixtures) throws Exception {
        String outsider = fixtures.orgToken(fixtures.organization());
        for (String path : List.of("/measurements", "/adherence", "/fhir")) {
            mvc.perform(get("/api/v1/users/" + client.id() + path).header("Authorization", "Bearer " + outsider))
                    .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("not_found"));
        }
        assertThat(audit.forTarget("client", client.id().toString()))
                .filteredOn(e -> e.outcome() == AuditEntry.Outcome.DENIED).hasSize(3);
    }
}
