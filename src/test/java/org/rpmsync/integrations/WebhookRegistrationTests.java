package org.rpmsync.integrations;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rpmsync.TestWorld;
import org.rpmsync.organization.Organization;
import org.rpmsync.tenovi.SimulatedAccount;
import org.rpmsync.tenovi.SimulatedTenoviTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** "Register in Tenovi for me" against the simulator's {@code hwi/webhooks/}: it replaces, it never adds beside. */
@SimulatedTenoviTest
class WebhookRegistrationTests extends TestWorld {

    @Autowired
    TenoviConnections connections;

    @Test
    void registeringTwiceLeavesOneRegistrationPerEventWithTheNewestSecret() {
        Organization clinic = fixtures.tenoviOrganization();
        SimulatedAccount tenovi = SimulatedAccount.linkedTo(clinic, fixtures);

        WebhookRegistration first = connections.registerWebhooks(SimulatedAccount.actor(clinic.id()));
        WebhookRegistration second = connections.registerWebhooks(SimulatedAccount.actor(clinic.id()));

        assertThat(first.registered()).isTrue();
        assertThat(first.created()).isEqualTo(2);
        assertThat(second.registered()).isTrue();
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isEqualTo(2);
        assertThat(tenovi.webhooks()).extracting(w -> w.get("endpoint"), w -> w.get("event"), w -> w.get("auth_key"))
                .containsExactlyInAnyOrder(tuple(second.secret().url(), "MEASUREMENT", second.secret().authKey()),
                        tuple(second.secret().url(), "FULFILLMENT", second.secret().authKey()));
        assertThat(connections.verifyWebhook(key(second), second.secret().authKey())).contains(clinic.id());
        assertThat(connections.verifyWebhook(key(second), first.secret().authKey()))
                .as("the previous secret keeps working for 24 h").contains(clinic.id());
    }

    @Test
    void replacesStaleRegistrationsAtOurUrlKeepsTheirIdAndLeavesOtherUrlsAlone() {
        Organization clinic = fixtures.tenoviOrganization();
        SimulatedAccount tenovi = SimulatedAccount.linkedTo(clinic, fixtures);
        String ours = connections.status(clinic.id()).webhookUrl();
        String kept = create(tenovi, ours + "/", "MEASUREMENT", "stale-1");
        create(tenovi, ours, "MEASUREMENT", "stale-2");
        create(tenovi, ours, "measurement", "stale-3");
        create(tenovi, "https://other.example.test/hook", "MEASUREMENT", "theirs");

        WebhookRegistration registration = connections.registerWebhooks(SimulatedAccount.actor(clinic.id()));

        assertThat(registration.registered()).isTrue();
        assertThat(registration.updated()).isEqualTo(1);
        assertThat(registration.removed()).isEqualTo(2);
        assertThat(registration.created()).isEqualTo(1);
        List<Map<String, Object>> webhooks = tenovi.webhooks();
        assertThat(webhooks).extracting(w -> w.get("event"), w -> w.get("auth_key")).containsExactlyInAnyOrder(
                tuple("MEASUREMENT", registration.secret().authKey()),
                tuple("FULFILLMENT", registration.secret().authKey()),
                tuple("MEASUREMENT", "theirs"));
        assertThat(webhooks).extracting(w -> w.get("id")).contains(kept);
    }

    private static String create(SimulatedAccount tenovi, String endpoint, String event, String authKey) {
        var answer = tenovi.hwi("POST", "webhooks/", Map.of("endpoint", endpoint, "event", event,
                "auth_header", "Authorization", "auth_key", authKey, "post_as_array", true));
        assertThat(answer.statusCode()).isEqualTo(201);
        return answer.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private static String key(WebhookRegistration registration) {
        String url = registration.secret().url();
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
