package org.rpmsync.simulator;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code hwi/webhooks/} (reference §2.10). Webhooks created here receive the account's measurements/fulfillments. */
@ConditionalOnSimulator
@RestController("simulatorHwiWebhooksController")
@RequestMapping("${rpmsync.simulator.base-path:/simulator/tenovi}/clients/{clientDomain}/hwi/webhooks")
class HwiWebhooksController {

    private final Fleet fleet;
    private final Simulation simulation;

    HwiWebhooksController(Fleet fleet, Simulation simulation) {
        this.fleet = fleet;
        this.simulation = simulation;
    }

    @GetMapping("/")
    ResponseEntity<Object> webhooks(@PathVariable String clientDomain, HttpServletRequest request) {
        var account = fleet.account(clientDomain).orElseThrow(NotFound::new);
        return Pagination.respond(account.webhooks(), request);
    }

    @PostMapping("/")
    ResponseEntity<TenoviWebhook> create(@PathVariable String clientDomain, @RequestBody TenoviWebhook body) {
        var account = fleet.account(clientDomain).orElseThrow(NotFound::new);
        if (body.endpoint() == null || !body.endpoint().matches("(?i)https?://.+")) {
            throw new InvalidField("endpoint", "Enter a valid URL.");
        }
        var now = WireFormat.time(simulation.now());
        var event = body.event() == null ? WebhookSender.MEASUREMENT : body.event().trim().toUpperCase(Locale.ROOT);
        var webhook = new TenoviWebhook(UUID.randomUUID().toString(), now, now, body.endpoint(), event,
                body.authHeader(), body.authKey(), Boolean.TRUE.equals(body.postAsArray()),
                body.enabledByDefault() == null ? Boolean.TRUE : body.enabledByDefault());
        account.addWebhook(webhook);
        return ResponseEntity.status(HttpStatus.CREATED).body(webhook);
    }
}
