package org.rpmsync.ingest;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.clients.ClientDetails;
import org.rpmsync.clients.ClientId;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.organization.SystemActor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RpmSyncTest
class HealthAndUnmatchedTests extends TestWorld {

    @Autowired
    InboxWorker worker;

    private Fixtures.Webhook withUnmatchedReading(String device) throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        deliver(webhook, "[" + WebhookIngestTests.opening(device, Instant.parse("2024-10-16T12:00:00Z"), 4, 1)
                        .replace("PAT-1", "PAT-NOBODY") + ",{\"metric\":\"pulse\",\"hwi_device_id\":\"" + device + "\"}]")
                .andExpect(status().isAccepted());
        worker.drain();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from measurements where "
                + "organization_id = ?").param(webhook.organization().id().value()).query(Long.class).single() == 1);
        return webhook;
    }

    @Test
    void listsUnmatchedReadingsByDeviceInTheApiForTheOwnOrganizationOnly() throws Exception {
        Fixtures.Webhook webhook = withUnmatchedReading("lost-1");
        mvc.perform(get("/api/v1/unmatched").header("Authorization", "Bearer " + fixtures.orgToken(webhook.organization())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].hwiDeviceId").value("lost-1"))
                .andExpect(jsonPath("$.items[0].patientId").value("PAT-NOBODY"))
                .andExpect(jsonPath("$.items[0].count").value(1))
                .andExpect(jsonPath("$.total").value(1));
        Organization other = fixtures.organization();
        mvc.perform(get("/api/v1/unmatched").header("Authorization", "Bearer " + fixtures.orgToken(other)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void anAdminAssignsAnUnmatchedDeviceAndItsReadingsMoveToTheClient() throws Exception {
        Fixtures.Webhook webhook = withUnmatchedReading("lost-2");
        Organization clinic = webhook.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        ClientId ann = clients.create(clinic.id(), new SystemActor("t"), new ClientDetails("Ann", "Lee", null, null, null)).id();
        mvc.perform(get("/settings/unmatched").with(fixtures.signedIn(admin)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("lost-2")))
                .andExpect(content().string(containsString("timestamp is missing")));
        mvc.perform(post("/settings/unmatched/assign").param("source", "tenovi").param("deviceId", "lost-2")
                        .param("clientId", ann.toString()).with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(redirectedUrl("/settings/unmatched"));
        assertThat(jdbc.sql("select client_id from measurements where organization_id = ?")
                .param(clinic.id().value()).query(String.class).single()).isEqualTo(ann.toString());
        mvc.perform(get("/settings/unmatched").with(fixtures.signedIn(admin)))
                .andExpect(content().string(not(containsString("<code>lost-2</code>"))));
    }

    @Test
    void theHealthPanelShowsTodaysDeliveriesInvalidItemsAndUnmatchedReadings() throws Exception {
        Fixtures.Webhook webhook = withUnmatchedReading("lost-3");
        mvc.perform(post(webhook.path()).header(webhook.header(), "wrong").contentType(MediaType.APPLICATION_JSON)
                .content("[]")).andExpect(status().isUnauthorized());
        String admin = fixtures.staff(webhook.organization(), Role.ORG_ADMIN);
        mvc.perform(get("/settings/integrations/tenovi/health").with(fixtures.signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<dd id=\"health-today\">1</dd>")))
                .andExpect(content().string(containsString("timestamp is missing")))
                .andExpect(content().string(containsString("wrong or missing secret")));
        String nurse = fixtures.staff(webhook.organization(), Role.PRACTITIONER);
        mvc.perform(get("/settings/integrations/tenovi/health").with(fixtures.signedIn(nurse)))
                .andExpect(status().isForbidden());
    }

    @Autowired
    Inbox inbox;

    @Test
    void processedRawBodiesAreErasedAfterTheRetentionWhileReadingsStay() throws Exception {
        Fixtures.Webhook webhook = withUnmatchedReading("lost-4");
        inbox.purgeBodies(Instant.now().plusSeconds(1));
        assertThat(jdbc.sql("select count(*) from inbox_messages where organization_id = ? and body is not null")
                .param(webhook.organization().id().value()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from measurements where organization_id = ?")
                .param(webhook.organization().id().value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void readinessIncludesTheInbox() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }
}
