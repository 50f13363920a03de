package org.rpmsync.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 16: deliveries answered at the front door ({@link WebhookFront}) carry the same security headers as Spring
 * Security writes on the API, create no session and need no CSRF token, and are counted by outcome rather than timed
 * as HTTP server requests (what is not one
 * webhook key: {@code HostileRequestTests}).
 */
@RpmSyncTest
class WebhookChainTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MeterRegistry meters;

    private MockHttpServletResponse deliver(Fixtures.Webhook webhook, String secret) throws Exception {
        return mvc.perform(post(webhook.path()).header(webhook.header(), secret).contentType(MediaType.APPLICATION_JSON)
                .content(WebhookIngestTests.opening("chain-" + System.nanoTime(), Instant.parse("2024-10-16T12:00:00Z"), 4, 1)))
                .andReturn().getResponse();
    }

    @Test
    void acceptedAndRefusedDeliveriesCarryTheSecurityHeadersAndNoSession() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        for (MockHttpServletResponse answer : new MockHttpServletResponse[] {deliver(webhook, webhook.secret()),
                deliver(webhook, "Basic wrong")}) {
            assertThat(answer.getStatus()).isIn(202, 401);
            assertThat(answer.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.getHeader("Cache-Control")).contains("no-store");
            assertThat(answer.getHeader("Set-Cookie")).isNull();
        }
    }

    @Test
    void theFrontDoorWritesTheSameSecurityHeadersAsSpringSecurityOnTheApi() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        MockHttpServletResponse api = mvc.perform(get("/api/v1/users")).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(401);
        for (MockHttpServletResponse answer : new MockHttpServletResponse[] {deliver(webhook, webhook.secret()),
                deliver(webhook, "Basic wrong"), mvc.perform(get(webhook.path())).andReturn().getResponse()}) {
            for (String name : new String[] {"X-Content-Type-Options", "X-XSS-Protection", "Cache-Control", "Pragma",
                    "Expires", "X-Frame-Options"}) {
                assertThat(answer.getHeader(name)).as(name).isNotNull().isEqualTo(api.getHeader(name));
            }
        }
    }

    @Test
    void deliveriesAreCountedByOutcomeAndNotTimedAsHttpRequests() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        double accepted = meters.counter("rpmsync.webhook.deliveries", "outcome", "accepted").count();
        assertThat(deliver(webhook, webhook.secret()).getStatus()).isEqualTo(202);
        mvc.perform(get("/login"));
        assertThat(meters.counter("rpmsync.webhook.deliveries", "outcome", "accepted").count()).isEqualTo(accepted + 1);
        assertThat(meters.find("http.server.requests").tag("uri", "/login").timer()).as("other requests are timed")
                .isNotNull();
        assertThat(meters.find("http.server.requests").timers()).as("no webhook delivery is")
                .noneMatch(t -> String.valueOf(t.getId().getTag("uri")).startsWith("/webhooks"));
    }
}
