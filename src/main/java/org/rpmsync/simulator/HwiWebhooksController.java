package org.rpmsync.simulator;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code hwi/webhooks/} (reference §2.10): list, create, read, update (PUT replaces, PATCH changes the fields sent)
 * and delete (204). Webhooks here receive the account's measurements/fulfillments with their current auth key.
 */
@ConditionalOnSimulator
@RestController("simulatorHwiWebhooksController")
@RequestMapping("${rpmsync.simulator.base-path:/simulator/tenovi}/clients/{clientDomain}/hwi/webhooks")
class HwiWebhooksController {

    private final Fleet fleet;
    private final SimClock clock;

    HwiWebhooksController(Fleet fleet, SimClock clock) {
        this.fleet = fleet;
        this.clock = clock;
    }

    @GetMapping("/")
    ResponseEntity<Object> webhooks(@PathVariable String clientDomain, HttpServletRequest request) {
        return Pagination.respond(account(clientDomain).webhooks(), request);
    }

    @PostMapping("/")
    ResponseEntity<TenoviWebhook> create(@PathVariable String clientDomain, @RequestBody TenoviWebhook body) {
        var now = WireFormat.time(clock.now());
        var webhook = new TenoviWebhook(UUID.randomUUID().toString(), now, now, endpoint(body.endpoint()),
                event(body.event()), body.authHeader(), body.authKey(), Boolean.TRUE.equals(body.postAsArray()),
                body.enabledByDefault() == null ? Boolean.TRUE : body.enabledByDefault());
        account(clientDomain).addWebhook(webhook);
        return ResponseEntity.status(HttpStatus.CREATED).body(webhook);
    }

    @GetMapping("/{id}/")
    TenoviWebhook webhook(@PathVariable String clientDomain, @PathVariable String id) {
        return account(clientDomain).webhook(id).orElseThrow(NotFound::new);
    }

    @PatchMapping("/{id}/")
    TenoviWebhook patch(@PathVariable String clientDomain, @PathVariable String id, @RequestBody TenoviWebhook body) {
        var account = account(clientDomain);
        var old = account.webhook(id).orElseThrow(NotFound::new);
        return save(account, new TenoviWebhook(id, old.created(), WireFormat.time(clock.now()),
                body.endpoint() == null ? old.endpoint() : endpoint(body.endpoint()),
                body.event() == null ? old.event() : event(body.event()),
                body.authHeader() == null ? old.authHeader() : body.authHeader(),
                body.authKey() == null ? old.authKey() : body.authKey(),
                body.postAsArray() == null ? old.postAsArray() : body.postAsArray(),
                body.enabledByDefault() == null ? old.enabledByDefault() : body.enabledByDefault()));
    }

    @PutMapping("/{id}/")
    TenoviWebhook put(@PathVariable String clientDomain, @PathVariable String id, @RequestBody TenoviWebhook body) {
        var account = account(clientDomain);
        var old = account.webhook(id).orElseThrow(NotFound::new);
        return save(account, new TenoviWebhook(id, old.created(), WireFormat.time(clock.now()),
                endpoint(body.endpoint()), event(body.event()), body.authHeader(), body.authKey(),
                Boolean.TRUE.equals(body.postAsArray()),
                body.enabledByDefault() == null ? Boolean.TRUE : body.enabledByDefault()));
    }

    @DeleteMapping("/{id}/")
    ResponseEntity<Void> delete(@PathVariable String clientDomain, @PathVariable String id) {
        if (!account(clientDomain).removeWebhook(id)) {
            throw new NotFound();
        }
        return ResponseEntity.noContent().build();
    }

    private Account account(String clientDomain) {
        return fleet.account(clientDomain).orElseThrow(NotFound::new);
    }

    private static TenoviWebhook save(Account account, TenoviWebhook webhook) {
        if (!account.replaceWebhook(webhook)) {
            throw new NotFound();
        }
        return webhook;
    }

    private static String endpoint(String endpoint) {
        if (endpoint == null || !endpoint.matches("(?i)https?://.+")) {
            throw new InvalidField("endpoint", "Enter a valid URL.");
        }
        return endpoint;
    }

    private static String event(String event) {
        return event == null ? TenoviWebhook.MEASUREMENT : event.trim().toUpperCase(Locale.ROOT);
    }
}
