package org.rpmsync.simulation;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.rpmsync.simulator.ConditionalOnSimulator;
import org.rpmsync.simulator.Fleet;
import org.rpmsync.simulator.InvalidField;
import org.rpmsync.simulator.NotFound;
import org.rpmsync.simulator.WireFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Control API (not Tenovi's; no auth) under {@code <base-path>/_control}:
 * <ul>
 * <li>{@code GET clock} → simulated now</li>
 * <li>{@code POST clock/advance} {@code {"days"?, "hours"?, "minutes"?}} → jumps ahead, generates what the fleet
 * uploads in that time, sends it</li>
 * <li>{@code POST tick} → runs the generator up to now</li>
 * <li>{@code POST webhooks/flush} → tick, then wait (max 10 s) until queued webhooks are posted; returns stats</li>
 * <li>{@code GET webhooks/deliveries} → counters and the last deliveries (target origin, status, body; no headers)</li>
 * <li>{@code DELETE webhooks/deliveries} → forget the history</li>
 * <li>{@code POST accounts/{domain}/anomalies} {@code {"kind": "DUPLICATE|OUT_OF_ORDER|LATE|MALFORMED|UNKNOWN_DEVICE",
 * "count"?, "hours"?}} → sends awkward deliveries</li>
 * </ul>
 */
@ConditionalOnSimulator
@RestController("simulatorControlSimulationController")
@RequestMapping("${rpmsync.simulator.base-path:/simulator/tenovi}/_control")
class ControlSimulationController {

    private final Fleet fleet;
    private final Simulation simulation;
    private final WebhookSender sender;
    private final WebhookAnomalies anomalies;

    ControlSimulationController(Fleet fleet, Simulation simulation, WebhookSender sender,
                                WebhookAnomalies anomalies) {
        this.fleet = fleet;
        this.simulation = simulation;
        this.sender = sender;
        this.anomalies = anomalies;
    }

    record Advance(Integer days, Integer hours, Integer minutes) {
        Duration duration() {
            return Duration.ofDays(days == null ? 0 : days).plusHours(hours == null ? 0 : hours)
                    .plusMinutes(minutes == null ? 0 : minutes);
        }
    }

    record Anomaly(WebhookAnomalies.Kind kind, Integer count, @JsonProperty("hours") Integer hours) {
    }

    @GetMapping("/clock")
    Map<String, Object> clock() {
        return Map.of("now", WireFormat.time(simulation.now()));
    }

    @PostMapping("/clock/advance")
    Map<String, Object> advance(@RequestBody Advance body) {
        if (body.duration().isNegative()) {
            throw new InvalidField("hours", "The simulated clock only moves forward.");
        }
        var stored = simulation.advance(body.duration());
        return Map.of("now", WireFormat.time(simulation.now()), "stored", stored.size());
    }

    @PostMapping("/tick")
    Map<String, Object> tick() {
        return Map.of("now", WireFormat.time(simulation.now()), "stored", simulation.tick().size());
    }

    @PostMapping("/webhooks/flush")
    DeliveryLog.Stats flush() throws InterruptedException {
        simulation.tick();
        sender.awaitIdle(10_000);
        return sender.stats();
    }

    @GetMapping("/webhooks/deliveries")
    Map<String, Object> deliveries() {
        return Map.of("stats", sender.stats(), "deliveries", sender.deliveries());
    }

    @DeleteMapping("/webhooks/deliveries")
    ResponseEntity<Void> clear() {
        sender.clearHistory();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/accounts/{clientDomain}/anomalies")
    Map<String, Object> anomalies(@PathVariable String clientDomain, @RequestBody Anomaly body) {
        var account = fleet.account(clientDomain).orElseThrow(NotFound::new);
        if (body.kind() == null) {
            throw new InvalidField("kind", "This field is required.");
        }
        int count = Math.max(1, Math.min(1000, body.count() == null ? 3 : body.count()));
        int sent = anomalies.send(account, body.kind(), count, body.hours() == null ? 26 : body.hours());
        return Map.of("kind", body.kind(), "sent", sent);
    }
}
