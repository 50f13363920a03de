package org.rpmsync.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpmsync.simulator.TenoviWebhook.FULFILLMENT;
import static org.rpmsync.simulator.TenoviWebhook.MEASUREMENT;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rpmsync.simulator.Fleet;
import org.rpmsync.simulator.TenoviWebhook;
import tools.jackson.databind.json.JsonMapper;

class WebhookTargetsTests {

    @Test
    void configuredWebhookTargetsServeTheirAccountAndEventOnly() {
        var targets = List.of(
                new SimulationProperties.Target("http://127.0.0.1:1/a", "Authorization", "k", false, MEASUREMENT, null),
                new SimulationProperties.Target("http://127.0.0.1:1/b", "X-Key", "k", true, MEASUREMENT, "other"),
                new SimulationProperties.Target("http://127.0.0.1:1/c", "X-Key", "k", false, FULFILLMENT, "clinic"));
        try (var sender = new WebhookSender(new SimulationProperties.Webhooks(Duration.ofSeconds(1),
                Duration.ofSeconds(1), 10, 10, targets), JsonMapper.builder().build())) {
            var account = new Fleet(42).addAccount("clinic", Set.of("key"), null).orElseThrow();
            account.addWebhook(new TenoviWebhook("id", null, null, "http://127.0.0.1:1/d", MEASUREMENT, null, null,
                    true, true));
            assertThat(sender.targets(account, MEASUREMENT)).extracting(WebhookTarget::url)
                    .containsExactly("http://127.0.0.1:1/a", "http://127.0.0.1:1/d");
            assertThat(sender.targets(account, FULFILLMENT)).extracting(WebhookTarget::url)
                    .containsExactly("http://127.0.0.1:1/c");
            assertThat(WebhookTarget.of(targets.get(0)).origin()).isEqualTo("http://127.0.0.1:1");
        }
    }
}
