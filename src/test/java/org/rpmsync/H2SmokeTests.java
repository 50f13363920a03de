package org.rpmsync;

import org.junit.jupiter.api.Test;
import org.rpmsync.organization.Organization;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The embedded H2 default (PostgreSQL mode) runs every migration and the basic flows. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:smoke;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class H2SmokeTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

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
