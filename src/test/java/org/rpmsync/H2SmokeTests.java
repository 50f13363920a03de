package org.rpmsync;

import org.junit.jupiter.api.Test;
import org.rpmsync.organization.Organization;
import org.springframework.http.MediaType;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The embedded H2 default (PostgreSQL mode) runs every migration and the basic flows. */
@H2Test
class H2SmokeTests extends TestWorld {

    @Test
    void runsMigrationsAndServesTheApiOnH2() throws Exception {
        Organization clinic = fixtures.organization();
        mvc.perform(post("/api/v1/admin/organizations").header("Authorization", "Bearer " + fixtures.platformToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Copy\",\"slug\":\"" + clinic.slug() + "\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("slug_taken"));
    }

    @Test
    void countsRefusedWebhookDeliveriesOnH2() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(webhook.path()).header(webhook.header(), "wrong").contentType(MediaType.APPLICATION_JSON)
                    .content("[]")).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/integrations/tenovi")
                        .header("Authorization", "Bearer " + fixtures.orgToken(webhook.organization())))
                .andExpect(jsonPath("$.refusedDeliveries.count24h").value(2))
                .andExpect(jsonPath("$.refusedDeliveries.lastAt").isNotEmpty());
    }
}
