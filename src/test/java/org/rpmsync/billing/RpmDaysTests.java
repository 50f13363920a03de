package org.rpmsync.billing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDetails;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.organization.SystemActor;
import org.rpmsync.reports.ClinicData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * RPM months worked by hand for a client in New York: local days across both DST changes and month ends, a
 * duplicate, late data, data that does not count, care minutes; bad months; other organizations get 404.
 */
@RpmSyncTest
class RpmDaysTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ClinicData data;
    @Autowired
    JsonMapper json;
    @Autowired
    RpmRecount recount;
    @Autowired
    ClientDirectory clients;

    final Organization organization;
    final String token;
    final Fixtures fixtures;

    RpmDaysTests(@Autowired Fixtures fixtures) {
        this.fixtures = fixtures;
        organization = fixtures.organization();
        token = fixtures.orgToken(organization);
    }

    JsonNode get(String path) throws Exception {
        return json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                        .header("Authorization", "Bearer " + token)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    /** November 2026 in New York: EDT until Sunday Nov 1, 02:00, then EST (UTC−5). */
    Client november() throws Exception {
        Client client = data.client(organization, "America/New_York");
        Instant received = Instant.parse("2026-12-01T06:00:00Z");
        data.record(organization, client, received,
                // Sat Oct 31 23:30 EDT: October, though it is November 1 in UTC.
                ClinicData.bloodPressure("bp-ny", Instant.parse("2026-11-01T03:30:00Z"), 120, 80, "1"),
                // Sun Nov 1 00:30 EDT and 23:30 EST: one day (25 hours long).
                ClinicData.bloodPressure("bp-ny", Instant.parse("2026-11-01T04:30:00Z"), 121, 80, "2"),
                ClinicData.bloodPressure("bp-ny", Instant.parse("2026-11-02T04:30:00Z"), 122, 80, "3"),
                // Mon Nov 30 23:30 EST: the last day of November, though December 1 in UTC.
                ClinicData.bloodPressure("bp-ny", Instant.parse("2026-12-01T04:30:00Z"), 123, 80, "4"),
                // Only data that does not count: a PillBox opening on Nov 10, steps on Nov 11.
                ClinicData.opening("pb-ny", Instant.parse("2026-11-10T14:00:00Z"), -300, 3, 1, false),
                ClinicData.single("watch-ny", ReadingType.STEPS, "steps", Instant.parse("2026-11-11T17:00:00Z"),
                        "4200", "{steps}", "", null));
        // The same reading again (a retried webhook): nothing changes.
        data.record(organization, client, received.plusSeconds(60),
                ClinicData.bloodPressure("bp-ny", Instant.parse("2026-12-01T04:30:00Z"), 123, 80, "4"));
        // Late: measured Nov 15, received weeks later.
        data.record(organization, client, Instant.parse("2026-12-01T07:00:00Z"), ClinicData.single("scale-ny",
                ReadingType.WEIGHT, "weight", Instant.parse("2026-11-15T15:00:00Z"), "80.1", "kg", "", null));
        return client;
    }

    @Test
    void localDaysAcrossDstAndMonthEndsCountOnceAndOnlyPhysiologicDataCounts() throws Exception {
        Client client = november();
        JsonNode nov = get("/api/v1/users/" + client.id() + "/rpm-days?month=2026-11");
        assertThat(nov.get("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(json.convertValue(nov.get("dates"), String[].class))
                .containsExactly("2026-11-01", "2026-11-15", "2026-11-30");
        assertThat(nov.get("daysWithData").asInt()).isEqualTo(3);
        assertThat(nov.get("daysWithAnyData").asInt()).isEqualTo(5);
        assertThat(nov.get("band").asText()).isEqualTo("2-15");
        assertThat(nov.get("cptCode").asText()).isEqualTo("99445");
        JsonNode oct = get("/api/v1/users/" + client.id() + "/rpm-days?month=2026-10");
        assertThat(json.convertValue(oct.get("dates"), String[].class)).containsExactly("2026-10-31");
        assertThat(oct.get("band").asText()).isEqualTo("none");
        assertThat(oct.get("cptCode").isNull()).isTrue();
        assertThat(get("/api/v1/users/" + client.id() + "/rpm-days?month=2026-12").get("daysWithAnyData").asInt())
                .isZero();
    }

    @Test
    void springForwardDayIsOneLocalDay() throws Exception {
        Client client = data.client(organization, "America/New_York");
        // Sun Mar 8 2026: 01:30 EST and 23:30 EDT are the same local day; Mar 9 03:30 UTC is still Mar 8 there.
        data.record(organization, client, Instant.parse("2026-03-10T00:00:00Z"),
                ClinicData.single("ox-ny", ReadingType.SPO2, "spo2", Instant.parse("2026-03-08T06:30:00Z"), "97", "%",
                        "", null),
                ClinicData.single("ox-ny", ReadingType.SPO2, "spo2", Instant.parse("2026-03-09T03:30:00Z"), "96", "%",
                        "", null));
        JsonNode march = get("/api/v1/users/" + client.id() + "/rpm-days?month=2026-03");
        assertThat(json.convertValue(march.get("dates"), String[].class)).containsExactly("2026-03-08");
    }

    @Test
    void careMinutesOfTheMonthGiveTheirCodes() throws Exception {
        Client client = november();
        for (String body : new String[] {"{\"minutes\":25,\"note\":\"Reviewed\",\"date\":\"2026-11-20\"}",
                "{\"minutes\":20,\"date\":\"2026-11-30\"}", "{\"minutes\":30,\"date\":\"2026-10-31\"}"}) {
            mvc.perform(post("/api/v1/users/{id}/care-time", client.id()).header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
        }
        JsonNode nov = get("/api/v1/users/" + client.id() + "/rpm-days?month=2026-11");
        assertThat(nov.get("careMinutes").asInt()).isEqualTo(45);
        assertThat(json.convertValue(nov.get("careCptCodes"), String[].class)).containsExactly("99457", "99458");
        JsonNode list = get("/api/v1/rpm-days?month=2026-11&limit=1000");
        assertThat(list.get("items").valueStream().filter(i -> i.get("userId").asText().equals(client.id().toString()))
                .findFirst().orElseThrow().get("careMinutes").asInt()).isEqualTo(45);
    }

    @Test
    void aClientWhoMovesIsCountedAgainInTheNewZone() throws Exception {
        Client client = november();
        Client moved = clients.update(organization.id(), SystemActor.BOOTSTRAP, client.id(),
                new ClientDetails("Rosa", "Parks", null, null, "UTC")).orElseThrow();
        recount.recount(organization.id(), moved, true);
        // In UTC the Nov 30 23:30 EST reading is on December 1, and the Oct 31 one on November 1.
        assertThat(json.convertValue(get("/api/v1/users/" + client.id() + "/rpm-days?month=2026-11").get("dates"),
                String[].class)).containsExactly("2026-11-01", "2026-11-02", "2026-11-15");
        assertThat(get("/api/v1/users/" + client.id() + "/rpm-days?month=2026-12").get("daysWithData").asInt())
                .isEqualTo(1);
        recount.recount(organization.id(), moved, false);
        assertThat(get("/api/v1/users/" + client.id() + "/rpm-days?month=2026-11").get("daysWithData").asInt())
                .as("counting again changes nothing").isEqualTo(3);
    }

    @Test
    void aBadMonthIsRefusedWithItsCode() throws Exception {
        Client client = data.client(organization, "UTC");
        for (String month : new String[] {"2026-13", "november", "1999-12", "2026-1"}) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .get("/api/v1/users/{id}/rpm-days?month=" + month, client.id())
                            .header("Authorization", "Bearer " + token))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid_input"));
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .get("/api/v1/rpm-days?month=" + month).header("Authorization", "Bearer " + token))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid_input"));
        }
    }

    @Test
    void anotherOrganizationGets404AndDoesNotListTheClient() throws Exception {
        Client client = november();
        String other = fixtures.orgToken(fixtures.organization());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/v1/users/{id}/rpm-days?month=2026-11", client.id())
                        .header("Authorization", "Bearer " + other))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("not_found"));
        String list = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/v1/rpm-days?month=2026-11").header("Authorization", "Bearer " + other))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(client.id().toString());
        assertThat(get("/api/v1/rpm-days?month=2026-11").toString()).contains(client.id().toString());
    }

    @Test
    void theOrganizationPageListsTheMonthAndExportsIt() throws Exception {
        Client client = november();
        RequestPostProcessor nurse = fixtures.signedIn(fixtures.staff(organization, Role.PRACTITIONER));
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/organization/rpm-months?month=2026-11&sort=days&dir=desc").with(nurse))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("November 2026", "Parks, Rosa", "99445", "data-client=\"" + client.id() + "\"");
        String csv = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/organization/rpm-months.csv?month=2026-11").with(nurse))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("Last name,First name,Patient ID,Month,Time zone,Days with data")
                .contains("Parks,Rosa,,2026-11,America/New_York,3,2-15,99445,2026-11-01 2026-11-15 2026-11-30,5,0,");
        String bad = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/organization/rpm-months?month=2026-13").with(nurse))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("id=\"month-problem\"", "is no month");
        RequestPostProcessor elsewhere = fixtures.signedIn(fixtures.staff(fixtures.organization(), Role.PRACTITIONER));
        String empty = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/organization/rpm-months?month=2026-11").with(elsewhere))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(empty).contains("id=\"no-rpm-clients\"").doesNotContain(client.id().toString());
        String reports = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/clients/{id}/reports?rpmMonth=2026-11", client.id()).with(nurse))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(reports).contains("id=\"transmission-log\"", "Transmission log (5 days)", "Sun 2026-11-01",
                "00:30 Blood pressure", "Mon 2026-11-30", "23:30 Blood pressure", "scale-ny", "pb-ny");
    }


}
