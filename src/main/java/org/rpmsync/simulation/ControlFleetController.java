package org.rpmsync.simulation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.rpmsync.simulator.Behaviour;
import org.rpmsync.simulator.ConditionalOnSimulator;
import org.rpmsync.simulator.Device;
import org.rpmsync.simulator.DeviceKind;
import org.rpmsync.simulator.Fleet;
import org.rpmsync.simulator.InvalidField;
import org.rpmsync.simulator.NotFound;
import org.rpmsync.simulator.Patient;
import org.rpmsync.simulator.Reading;
import org.rpmsync.simulator.TenoviFulfillment;
import org.rpmsync.simulator.TenoviMeasurement;
import org.rpmsync.simulator.TenoviPatient;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Control API (not Tenovi's; no auth, for tests and the demo) under {@code <base-path>/_control}:
 * <ul>
 * <li>{@code POST accounts} {@code {"client_domain", "api_keys": [...], "requests_per_second"?}} → 201</li>
 * <li>{@code POST accounts/{domain}/patients} {@code {"external_id", "behaviour"?, "timezone_offset"?,
 * "offline_hours"?, "devices": ["PILLBOX", "BPM", ...], "device_status"?}} → 201 with the new HWI devices</li>
 * <li>{@code POST accounts/{domain}/devices/{id}/measurements} {@code {"metric", "value_1", "value_2"?,
 * "timestamp"?, "estimated_timestamp"?, "filter_params"?}} → 201, stored now and sent to the webhooks</li>
 * <li>{@code POST accounts/{domain}/devices/{id}/fulfillment} → Shipped, Delivered, Connected webhooks</li>
 * </ul>
 */
@ConditionalOnSimulator
@RestController("simulatorControlFleetController")
@RequestMapping("${rpmsync.simulator.base-path:/simulator/tenovi}/_control/accounts")
class ControlFleetController {

    private final Fleet fleet;
    private final Simulation simulation;
    private final Fulfillment fulfillment;

    ControlFleetController(Fleet fleet, Simulation simulation, Fulfillment fulfillment) {
        this.fleet = fleet;
        this.simulation = simulation;
        this.fulfillment = fulfillment;
    }

    record NewAccount(@JsonProperty("client_domain") String clientDomain,
                      @JsonProperty("api_keys") List<String> apiKeys,
                      @JsonProperty("requests_per_second") Double requestsPerSecond) {
    }

    record NewPatient(@JsonProperty("external_id") String externalId, Behaviour behaviour,
                      @JsonProperty("timezone_offset") Integer timezoneOffset,
                      @JsonProperty("offline_hours") Integer offlineHours, List<DeviceKind> devices,
                      @JsonProperty("device_status") String deviceStatus) {
    }

    record NewMeasurement(String metric, @JsonProperty("value_1") String value1,
                          @JsonProperty("value_2") String value2, String timestamp,
                          @JsonProperty("estimated_timestamp") Boolean estimatedTimestamp,
                          @JsonProperty("filter_params") Map<String, Object> filterParams) {
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> addAccount(@RequestBody NewAccount body) {
        if (body.clientDomain() == null || !body.clientDomain().matches("[A-Za-z0-9_-]+")) {
            throw new InvalidField("client_domain", "Letters, digits, - and _ only.");
        }
        var keys = new HashSet<>(body.apiKeys() == null ? List.<String>of() : body.apiKeys());
        return fleet.addAccount(body.clientDomain(), keys, body.requestsPerSecond())
                .map(a -> ResponseEntity.status(HttpStatus.CREATED)
                        .body(Map.<String, Object>of("client_domain", a.clientDomain())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT)
                        .body(Map.of("detail", "client domain exists")));
    }

    @PostMapping("/{clientDomain}/patients")
    ResponseEntity<Map<String, Object>> addPatient(@PathVariable String clientDomain, @RequestBody NewPatient body) {
        var account = fleet.account(clientDomain).orElseThrow(NotFound::new);
        if (body.externalId() == null || body.externalId().isBlank()) {
            throw new InvalidField("external_id", "This field is required.");
        }
        account.addPatient(new Patient(TenoviPatient.opaque(body.externalId()),
                body.behaviour() == null ? Behaviour.ADHERENT : body.behaviour(),
                body.timezoneOffset() == null ? -5 : body.timezoneOffset(),
                body.offlineHours() == null ? 12 : body.offlineHours()));
        var patient = account.patient(body.externalId()).orElseThrow();
        var status = body.deviceStatus() == null ? Device.CONNECTED : body.deviceStatus();
        var devices = (body.devices() == null ? List.<DeviceKind>of() : body.devices()).stream()
                .map(kind -> fleet.addDevice(account, patient, kind, simulation.now(), status)
                        .toWire(patient.details()))
                .toList();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("external_id", patient.externalId(), "devices", devices));
    }

    @PostMapping("/{clientDomain}/devices/{hwiDeviceId}/measurements")
    ResponseEntity<TenoviMeasurement> addMeasurement(@PathVariable String clientDomain,
                                                     @PathVariable String hwiDeviceId,
                                                     @RequestBody NewMeasurement body) {
        var account = fleet.account(clientDomain).orElseThrow(NotFound::new);
        var device = account.device(hwiDeviceId).orElseThrow(NotFound::new);
        if (body.metric() == null || body.metric().isBlank()) {
            throw new InvalidField("metric", "This field is required.");
        }
        var reading = Reading.of(device, body.metric(), 0, 0, timestamp(body.timestamp()), body.filterParams())
                .withValues(decimal("value_1", body.value1()), decimal("value_2", body.value2()));
        if (Boolean.TRUE.equals(body.estimatedTimestamp())) {
            reading = reading.estimated();
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(simulation.upload(account, reading).toApi());
    }

    @PostMapping("/{clientDomain}/devices/{hwiDeviceId}/fulfillment")
    List<TenoviFulfillment> fulfil(@PathVariable String clientDomain, @PathVariable String hwiDeviceId) {
        var account = fleet.account(clientDomain).orElseThrow(NotFound::new);
        return fulfillment.ship(account, account.device(hwiDeviceId).orElseThrow(NotFound::new));
    }

    private Instant timestamp(String value) {
        try {
            return value == null ? simulation.now() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidField("timestamp", "Enter a valid date/time.");
        }
    }

    private static BigDecimal decimal(String field, String value) {
        try {
            return value == null || value.isBlank() ? BigDecimal.ZERO : new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidField(field, "A valid number is required.");
        }
    }
}
