package org.rpmsync.integrations;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.organization.Organization;
import org.rpmsync.tenovi.FakeTenovi.Answer;
import org.rpmsync.tenovi.FakeTenovi;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RpmSyncTest
@ExtendWith(OutputCaptureExtension.class)
class TenoviApiTests extends TestWorld {

    static final String API_KEY = "tk_live_SECRETVALUE_4f1c9a2b7e";

    final FakeTenovi tenovi = FakeTenovi.instance();

    @BeforeEach
    void reset() {
        tenovi.reset();
    }

    MockHttpServletRequestBuilder as(String token, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + token);
    }

    ResultActions link(String token, String clientDomain) throws Exception {
        return mvc.perform(as(token, put("/api/v1/integrations/tenovi")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"clientDomain\":\"" + clientDomain + "\",\"apiKey\":\"" + API_KEY + "\"}"));
    }

    @Test
    void reportsNotEnabledUntilAPlatformAdminTurnsTenoviOn() throws Exception {
        String token = fixtures.orgToken(fixtures.organization());
        mvc.perform(as(token, get("/api/v1/integrations/tenovi")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.status").value("not_enabled"))
                .andExpect(jsonPath("$.webhook").value(nullValue()));
        link(token, "myclinic").andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("not_enabled"));
        assertThat(tenovi.requests()).isEmpty();
    }

    @Test
    void linksAfterTenoviAcceptsTheKeyAndShowsOnlyAHint() throws Exception {
        Organization org = fixtures.tenoviOrganization();
        String token = fixtures.orgToken(org);
        mvc.perform(as(token, get("/api/v1/integrations/tenovi"))).andExpect(jsonPath("$.status").value("not_linked"));

        String body = link(token, "https://app.tenovi.com/org/myclinic/")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.status").value("connected"))
                .andExpect(jsonPath("$.clientDomain").value("myclinic"))
                .andExpect(jsonPath("$.apiKeyHint").value("…2b7e"))
                .andExpect(jsonPath("$.checkedAt").isNotEmpty())
                .andExpect(jsonPath("$.lastError").value(nullValue()))
                .andExpect(jsonPath("$.webhook.authHeader").value("Authorization"))
                .andExpect(jsonPath("$.webhook.url", matchesPattern("http://localhost:8080/webhooks/tenovi/[A-Za-z0-9_-]{32}")))
                .andExpect(jsonPath("$.webhook.authKey").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain(API_KEY).doesNotContain("myclinic/hwi");
        assertThat(tenovi.requests()).singleElement().satisfies(r -> {
            assertThat(r.pathAndQuery()).isEqualTo("/clients/myclinic/hwi/hwi-devices/?page=1&page_size=1");
            assertThat(r.authorization()).isEqualTo("Api-Key " + API_KEY);
        });

        String again = mvc.perform(as(token, get("/api/v1/integrations/tenovi")))
                .andExpect(jsonPath("$.status").value("connected"))
                .andExpect(jsonPath("$.webhook.authKey").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(again).doesNotContain(API_KEY);
        assertThat(audit.forTarget("tenovi_connection", org.id().toString()))
                .extracting(e -> e.action()).contains("TENOVI_LINKED");
    }

    @Test
    void answersEachTenoviOutcomeWithItsProblemCode() throws Exception {
        String token = fixtures.orgToken(fixtures.tenoviOrganization());
        tenovi.answer(401, 403, 404, 500);
        link(token, "myclinic").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("credentials_rejected"))
                .andExpect(jsonPath("$.detail").value("Tenovi rejected this API key for myclinic"));
        link(token, "myclinic").andExpect(jsonPath("$.code").value("credentials_rejected"));
        link(token, "myclinic").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("unknown_client_domain"))
                .andExpect(jsonPath("$.detail").value("Tenovi does not know the organization myclinic"));
        link(token, "myclinic").andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.code").value("tenovi_unreachable"));
        tenovi.answer(new Answer(302, "", Map.of("Location", "https://elsewhere/"), 0));
        link(token, "myclinic").andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.code").value("tenovi_redirect"));
        tenovi.answer(new Answer(200, "{}", Map.of(), 2_000));
        link(token, "myclinic").andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.code").value("tenovi_unreachable"))
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.startsWith("Couldn't reach Tenovi")));

        mvc.perform(as(token, get("/api/v1/integrations/tenovi"))).andExpect(jsonPath("$.status").value("not_linked"));
    }

    @Test
    void retriesA429BeforeAnswering() throws Exception {
        String token = fixtures.orgToken(fixtures.tenoviOrganization());
        tenovi.answer(429);
        link(token, "myclinic").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("connected"));
        assertThat(tenovi.requests()).hasSize(2);
    }

    @Test
    void rejectsAMalformedSlugOrKeyWithoutCallingTenovi() throws Exception {
        String token = fixtures.orgToken(fixtures.tenoviOrganization());
        link(token, "not a slug!").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid_input"))
                .andExpect(jsonPath("$.errors[0].field").value("clientDomain"));
        mvc.perform(as(token, put("/api/v1/integrations/tenovi")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clientDomain\":\"myclinic\",\"apiKey\":\"\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("apiKey"));
        assertThat(tenovi.requests()).isEmpty();
    }

    @Test
    void testRechecksAndTurnsRedWhenTenoviRejectsTheKey() throws Exception {
        Organization org = fixtures.tenoviOrganization();
        String token = fixtures.orgToken(org);
        link(token, "myclinic").andExpect(status().isOk());
        tenovi.answer(401);
        mvc.perform(as(token, post("/api/v1/integrations/tenovi/test")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("credentials_rejected"))
                .andExpect(jsonPath("$.lastError").value("Tenovi rejected this API key for myclinic"));
        tenovi.answer(503);
        mvc.perform(as(token, post("/api/v1/integrations/tenovi/test")))
                .andExpect(jsonPath("$.status").value("unreachable"));
        mvc.perform(as(token, post("/api/v1/integrations/tenovi/test")))
                .andExpect(jsonPath("$.status").value("connected"))
                .andExpect(jsonPath("$.lastError").value(nullValue()));
        assertThat(tenovi.requests().get(3).authorization()).isEqualTo("Api-Key " + API_KEY);
        assertThat(audit.forTarget("tenovi_connection", org.id().toString()))
                .extracting(e -> e.action()).contains("TENOVI_TESTED");
    }

    @Test
    void testAndRotateNeedALinkedAccount() throws Exception {
        String token = fixtures.orgToken(fixtures.tenoviOrganization());
        mvc.perform(as(token, post("/api/v1/integrations/tenovi/test")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("not_linked"));
        mvc.perform(as(token, post("/api/v1/integrations/tenovi/webhook-secret")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("not_linked"));
    }

    @Test
    void rotatesTheWebhookSecretShowingItOnce() throws Exception {
        Organization org = fixtures.tenoviOrganization();
        String token = fixtures.orgToken(org);
        link(token, "myclinic");
        mvc.perform(as(token, post("/api/v1/integrations/tenovi/webhook-secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.authHeader").value("Authorization"))
                .andExpect(jsonPath("$.authKey", matchesPattern("[A-Za-z0-9_-]{43}")))
                .andExpect(jsonPath("$.url", matchesPattern(".*/webhooks/tenovi/[A-Za-z0-9_-]+")));
        assertThat(audit.forTarget("tenovi_connection", org.id().toString()))
                .extracting(e -> e.action()).contains("WEBHOOK_SECRET_ROTATED");
    }

    @Test
    void unlinkErasesTheCredentials() throws Exception {
        Organization org = fixtures.tenoviOrganization();
        String token = fixtures.orgToken(org);
        link(token, "myclinic");
        mvc.perform(as(token, delete("/api/v1/integrations/tenovi"))).andExpect(status().isNoContent());
        mvc.perform(as(token, get("/api/v1/integrations/tenovi")))
                .andExpect(jsonPath("$.status").value("not_linked"))
                .andExpect(jsonPath("$.apiKeyHint").value(nullValue()));
        mvc.perform(as(token, post("/api/v1/integrations/tenovi/test"))).andExpect(status().isConflict());
        assertThat(audit.forTarget("tenovi_connection", org.id().toString()))
                .extracting(e -> e.action()).contains("TENOVI_UNLINKED");
    }

    @Test
    void anotherOrganizationNeverSeesOrChangesTheConnection() throws Exception {
        String tokenA = fixtures.orgToken(fixtures.tenoviOrganization());
        String tokenB = fixtures.orgToken(fixtures.tenoviOrganization());
        link(tokenA, "clinic-a").andExpect(status().isOk());

        mvc.perform(as(tokenB, get("/api/v1/integrations/tenovi")))
                .andExpect(jsonPath("$.status").value("not_linked"))
                .andExpect(jsonPath("$.clientDomain").value(nullValue()));
        mvc.perform(as(tokenB, delete("/api/v1/integrations/tenovi"))).andExpect(status().isNoContent());
        mvc.perform(as(tokenB, post("/api/v1/integrations/tenovi/webhook-secret"))).andExpect(status().isConflict());
        mvc.perform(as(tokenA, get("/api/v1/integrations/tenovi")))
                .andExpect(jsonPath("$.status").value("connected"))
                .andExpect(jsonPath("$.clientDomain").value("clinic-a"));
    }

    @Test
    void needsAnOrganizationToken() throws Exception {
        mvc.perform(get("/api/v1/integrations/tenovi")).andExpect(status().isUnauthorized());
        mvc.perform(as(fixtures.platformToken(), get("/api/v1/integrations/tenovi")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void neverWritesTheApiKeyToALogLineOrAResponse(CapturedOutput output) throws Exception {
        String token = fixtures.orgToken(fixtures.tenoviOrganization());
        tenovi.answer(401, 404, 500, 429, 429, 429, 429, 429, 429, 429, 429, 429, 429);
        for (int i = 0; i < 4; i++) {
            String body = link(token, "myclinic").andReturn().getResponse().getContentAsString();
            assertThat(body).doesNotContain(API_KEY);
        }
        tenovi.reset();
        link(token, "myclinic").andExpect(status().isOk());
        tenovi.answer(403);
        String tested = mvc.perform(as(token, post("/api/v1/integrations/tenovi/test")))
                .andReturn().getResponse().getContentAsString();
        assertThat(tested).doesNotContain(API_KEY);
        assertThat(output.getAll()).contains("Tenovi check for myclinic").doesNotContain(API_KEY)
                .doesNotContain("SECRETVALUE");
    }

    @Test
    void problemsAreProblemJson() throws Exception {
        String token = fixtures.orgToken(fixtures.tenoviOrganization());
        tenovi.answer(401);
        link(token, "myclinic").andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type", endsWith("credentials_rejected")));
    }
}
