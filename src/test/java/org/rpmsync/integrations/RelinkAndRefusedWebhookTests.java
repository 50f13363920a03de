package org.rpmsync.integrations;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.tenovi.FakeTenovi;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 12 §2: a re-link never breaks Tenovi's webhooks, and refused deliveries are never hidden. */
@RpmSyncTest
class RelinkAndRefusedWebhookTests extends TestWorld {

    static final String API_KEY = "tk_live_relink_0123456789";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeEach
    void reset() {
        FakeTenovi.instance().reset();
    }

    JsonNode link(String token) throws Exception {
        String answer = mvc.perform(put("/api/v1/integrations/tenovi").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clientDomain\":\"relinkclinic\",\"apiKey\":\"" + API_KEY + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(answer);
    }

    String path(String url) {
        return url.substring(url.indexOf("/webhooks/"));
    }

    @Test
    void unlinkAndRelinkKeepTheOldSecretWorkingForTenovisWebhooks() throws Exception {
        String token = fixtures.orgToken(fixtures.tenoviOrganization());
        JsonNode first = link(token);
        String url = first.path("webhook").path("url").asString();
        String secret = first.path("webhook").path("authKey").asString();
        assertThat(secret).isNotBlank();

        mvc.perform(delete("/api/v1/integrations/tenovi").header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/integrations/tenovi").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.status").value("not_linked"))
                .andExpect(jsonPath("$.webhook.url").value(url));
        JsonNode again = link(token);
        assertThat(again.path("webhook").path("url").asString()).isEqualTo(url);
        assertThat(again.path("webhook").has("authKey")).as("no new secret on a re-link").isFalse();

        mvc.perform(post(path(url)).header("Authorization", secret).contentType(MediaType.APPLICATION_JSON)
                .content("[]")).andExpect(status().isAccepted());
        mvc.perform(get("/api/v1/integrations/tenovi").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.refusedDeliveries.count24h").value(0))
                .andExpect(jsonPath("$.refusedDeliveries.lastAt").value(nullValue()))
                .andExpect(jsonPath("$.lastError").value(nullValue()));
    }

    @Test
    void refusedDeliveriesTurnTheStatusAmberInTheApiAndOnThePage() throws Exception {
        Organization clinic = fixtures.tenoviOrganization();
        String token = fixtures.orgToken(clinic);
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        String url = link(token).path("webhook").path("url").asString();
        mvc.perform(get("/settings/integrations").with(fixtures.signedIn(admin)))
                .andExpect(content().string(allOf(containsString("data-health=\"ok\""),
                        containsString("class=\"check\""), not(containsString("id=\"tenovi-refused\"")),
                        containsString("<dd id=\"tenovi-last-error\">none</dd>"))));

        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (String wrong : new String[] {"an-old-secret", "another-old-secret"}) {
            mvc.perform(post(path(url)).header("Authorization", wrong).contentType(MediaType.APPLICATION_JSON)
                    .content("[]")).andExpect(status().isUnauthorized());
        }

        String api = mvc.perform(get("/api/v1/integrations/tenovi").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.status").value("connected"))
                .andExpect(jsonPath("$.refusedDeliveries.count24h").value(2))
                .andExpect(jsonPath("$.lastError", containsString("refused 2 webhook deliveries")))
                .andExpect(jsonPath("$.lastError", containsString("Register in Tenovi for me")))
                .andReturn().getResponse().getContentAsString();
        Instant lastAt = Instant.parse(JSON.readTree(api).path("refusedDeliveries").path("lastAt").asString());
        assertThat(lastAt).isBetween(before, Instant.now());

        mvc.perform(get("/settings/integrations").with(fixtures.signedIn(admin)))
                .andExpect(content().string(allOf(containsString("data-health=\"refused\""),
                        containsString("<span class=\"badge warn\">Webhooks refused</span>"),
                        containsString("id=\"tenovi-refused\" class=\"flash warn\""),
                        containsString("Webhook deliveries refused: 2 in the last 24 h, latest "), containsString("id=\"refused-register\""),
                        not(containsString("<dd id=\"tenovi-last-error\">none</dd>")))));
        mvc.perform(get("/settings/integrations/tenovi/health").with(fixtures.signedIn(admin)))
                .andExpect(content().string(allOf(containsString("<span>2</span>"),
                        containsString("wrong or missing secret; latest "))));
    }

    @Test
    void refusalsOlderThan24HoursNoLongerCount() throws Exception {
        Organization clinic = fixtures.tenoviOrganization();
        String token = fixtures.orgToken(clinic);
        link(token);
        Instant old = Instant.now().minus(25, ChronoUnit.HOURS);
        jdbc.sql("insert into tenovi_refused_deliveries (organization_id, refused_hour, refused, last_refused_at) "
                        + "values (?, ?, 7, ?)")
                .params(clinic.id().value(), Timestamp.from(old.truncatedTo(ChronoUnit.HOURS)), Timestamp.from(old))
                .update();
        mvc.perform(get("/api/v1/integrations/tenovi").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.refusedDeliveries.count24h").value(0))
                .andExpect(jsonPath("$.lastError").value(nullValue()));
    }
}
