package org.rpmsync.integrations;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.tenovi.FakeTenovi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RpmSyncTest
class IntegrationsPageTests extends TestWorld {

    static final String API_KEY = "tk_live_pagetest_77aa99bb";

    final FakeTenovi tenovi = FakeTenovi.instance();

    @BeforeEach
    void reset() {
        tenovi.reset();
    }

    String admin(Organization org) {
        return fixtures.staff(org, Role.ORG_ADMIN);
    }

    @Test
    void saysHowToAskForTenoviWhenItIsNotEnabled() throws Exception {
        String admin = admin(fixtures.organization());
        mvc.perform(get("/settings/integrations").with(fixtures.signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"tenovi-status\""),
                        containsString("Tenovi is not enabled for your organization"),
                        containsString("account executive"), containsString("class=\"tabs\""),
                        not(containsString("/settings/integrations/tenovi/link\"")))));
    }

    @Test
    void showsTheLinkFormWithHelp() throws Exception {
        String admin = admin(fixtures.tenoviOrganization());
        mvc.perform(get("/settings/integrations").with(fixtures.signedIn(admin)))
                .andExpect(content().string(allOf(containsString("Not linked"),
                        containsString("/settings/integrations/tenovi/link"))));
        mvc.perform(get("/settings/integrations/tenovi/link").with(fixtures.signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"clientDomain\""),
                        containsString("id=\"apiKey\""), containsString("Add New API Key"),
                        containsString("/org/"), containsString("name=\"_csrf\""))));
    }

    @Test
    void linksAndShowsAGreenCheckAndTheWebhookSetupOnce() throws Exception {
        String admin = admin(fixtures.tenoviOrganization());
        String page = mvc.perform(post("/settings/integrations/tenovi/link").with(fixtures.signedIn(admin)).with(csrf())
                        .param("clientDomain", "https://app.tenovi.com/org/pageclinic/").param("apiKey", API_KEY))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("class=\"check\""),
                        containsString("Connected to pageclinic"), containsString("· checked "),
                        containsString("id=\"webhook-url\""), containsString("id=\"webhook-secret\""),
                        containsString("data-copy=\"webhook-secret\""), containsString("MEASUREMENT"),
                        containsString("FULFILLMENT"), containsString("Test connection"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(API_KEY).contains("…99bb");

        String later = mvc.perform(get("/settings/integrations").with(fixtures.signedIn(admin)))
                .andExpect(content().string(containsString("Connected to pageclinic")))
                .andReturn().getResponse().getContentAsString();
        assertThat(later).doesNotContain("id=\"webhook-secret\"").doesNotContain(API_KEY);
    }

    @Test
    void showsARedMessageForAWrongKeyAndSavesNothing() throws Exception {
        String admin = admin(fixtures.tenoviOrganization());
        tenovi.answer(401);
        String page = mvc.perform(post("/settings/integrations/tenovi/link").with(fixtures.signedIn(admin)).with(csrf())
                        .param("clientDomain", "pageclinic").param("apiKey", API_KEY))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("flash bad"),
                        containsString("Tenovi rejected this API key for pageclinic"),
                        containsString("id=\"clientDomain\""))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(API_KEY);
        mvc.perform(get("/settings/integrations").with(fixtures.signedIn(admin)))
                .andExpect(content().string(containsString("Not linked")));
    }

    @Test
    void testConnectionTurnsTheTileRedAndUnlinkErasesIt() throws Exception {
        String admin = admin(fixtures.tenoviOrganization());
        mvc.perform(post("/settings/integrations/tenovi/link").with(fixtures.signedIn(admin)).with(csrf())
                .param("clientDomain", "pageclinic").param("apiKey", API_KEY)).andExpect(status().isOk());
        tenovi.answer(403);
        mvc.perform(post("/settings/integrations/tenovi/test").with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(content().string(allOf(containsString("Credentials rejected"),
                        containsString("Tenovi rejected this API key for pageclinic"))));
        mvc.perform(post("/settings/integrations/tenovi/webhook-secret").with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(content().string(allOf(containsString("id=\"webhook-secret\""),
                        containsString("previous secret keeps working for 24 hours"))));
        mvc.perform(post("/settings/integrations/tenovi/unlink").with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/settings/integrations").with(fixtures.signedIn(admin)))
                .andExpect(content().string(allOf(containsString("Not linked"), not(containsString("…99bb")))));
    }

    @Test
    void registersTheWebhooksInTenoviOrFallsBackToTheManualSteps() throws Exception {
        String admin = admin(fixtures.tenoviOrganization());
        mvc.perform(post("/settings/integrations/tenovi/link").with(fixtures.signedIn(admin)).with(csrf())
                .param("clientDomain", "pageclinic").param("apiKey", API_KEY)).andExpect(status().isOk());
        tenovi.reset();
        tenovi.answer(new FakeTenovi.Answer(200, "[]", java.util.Map.of(), 0)).answer(201, 201);
        mvc.perform(post("/settings/integrations/tenovi/register-webhooks").with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(content().string(containsString("Tenovi now sends measurements")));
        assertThat(tenovi.requests()).extracting(r -> r.method() + " " + r.pathAndQuery())
                .containsExactly("GET /clients/pageclinic/hwi/webhooks/", "POST /clients/pageclinic/hwi/webhooks/",
                        "POST /clients/pageclinic/hwi/webhooks/");
        assertThat(tenovi.requests().get(2).body()).contains("\"event\":\"FULFILLMENT\"");

        tenovi.answer(new FakeTenovi.Answer(200, "[]", java.util.Map.of(), 0)).answer(400);
        String page = mvc.perform(post("/settings/integrations/tenovi/register-webhooks").with(fixtures.signedIn(admin))
                        .with(csrf()))
                .andExpect(content().string(allOf(containsString("did not accept the webhook registration (HTTP 400)"),
                        containsString("id=\"webhook-secret\""))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(API_KEY);
    }

    @Test
    void formsNeedCsrf() throws Exception {
        String admin = admin(fixtures.tenoviOrganization());
        mvc.perform(post("/settings/integrations/tenovi/link").with(fixtures.signedIn(admin))
                .param("clientDomain", "pageclinic").param("apiKey", API_KEY)).andExpect(status().isForbidden());
        assertThat(tenovi.requests()).isEmpty();
    }

    @Test
    void practitionersCannotOpenIntegrations() throws Exception {
        String practitioner = fixtures.staff(fixtures.tenoviOrganization(), Role.PRACTITIONER);
        mvc.perform(get("/settings/integrations").with(fixtures.signedIn(practitioner)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/settings/integrations/tenovi/unlink").with(fixtures.signedIn(practitioner)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anotherOrganizationsAdminSeesOnlyTheirOwnTile() throws Exception {
        String adminA = admin(fixtures.tenoviOrganization());
        String adminB = admin(fixtures.tenoviOrganization());
        mvc.perform(post("/settings/integrations/tenovi/link").with(fixtures.signedIn(adminA)).with(csrf())
                .param("clientDomain", "clinic-a").param("apiKey", API_KEY)).andExpect(status().isOk());
        mvc.perform(post("/settings/integrations/tenovi/unlink").with(fixtures.signedIn(adminB)).with(csrf()));
        mvc.perform(get("/settings/integrations").with(fixtures.signedIn(adminB)))
                .andExpect(content().string(allOf(containsString("Not linked"), not(containsString("clinic-a")))));
        mvc.perform(get("/settings/integrations").with(fixtures.signedIn(adminA)))
                .andExpect(content().string(containsString("Connected to clinic-a")));
    }
}
