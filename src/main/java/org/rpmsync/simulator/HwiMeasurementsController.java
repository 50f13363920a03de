package org.rpmsync.simulator;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The measurement endpoints (reference §2.6). Items come in the order the server stored them (Tenovi's default
 * order is undocumented); {@code created} is the simulated server time of storage.
 */
@ConditionalOnSimulator
@RestController("simulatorHwiMeasurementsController")
@RequestMapping("${rpmsync.simulator.base-path:/simulator/tenovi}/clients/{clientDomain}/hwi")
class HwiMeasurementsController {

    private final Fleet fleet;

    HwiMeasurementsController(Fleet fleet) {
        this.fleet = fleet;
    }

    @GetMapping("/hwi-devices/{hwiDeviceId}/measurements/")
    ResponseEntity<Object> deviceMeasurements(@PathVariable String clientDomain, @PathVariable String hwiDeviceId,
                                              HttpServletRequest request) {
        var account = fleet.account(clientDomain).orElseThrow(NotFound::new);
        account.device(hwiDeviceId).orElseThrow(NotFound::new);
        var query = MeasurementQuery.from(request);
        var items = account.measurements(query.and(m -> hwiDeviceId.equals(m.reading().hwiDeviceId())))
                .stream().map(StoredMeasurement::toApi).toList();
        return Pagination.respond(items, request);
    }

    @GetMapping("/patients/{externalId}/measurements/")
    ResponseEntity<Object> patientMeasurements(@PathVariable String clientDomain, @PathVariable String externalId,
                                               HttpServletRequest request) {
        var account = fleet.account(clientDomain).orElseThrow(NotFound::new);
        account.patient(externalId).orElseThrow(NotFound::new);
        var query = MeasurementQuery.from(request);
        var items = account.measurements(query.and(m -> externalId.equals(m.reading().patientId())))
                .stream().map(StoredMeasurement::toApi).toList();
        return Pagination.respond(items, request);
    }
}
