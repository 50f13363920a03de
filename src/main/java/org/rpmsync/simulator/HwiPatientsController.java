package org.rpmsync.simulator;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code hwi/hwi-patients/} (reference §2.5). Patients created here are ADHERENT and have no devices yet. */
@ConditionalOnSimulator
@RestController("simulatorHwiPatientsController")
@RequestMapping("${rpmsync.simulator.base-path:/simulator/tenovi}/clients/{clientDomain}/hwi/hwi-patients")
class HwiPatientsController {

    private final Fleet fleet;

    HwiPatientsController(Fleet fleet) {
        this.fleet = fleet;
    }

    @GetMapping("/")
    ResponseEntity<Object> patients(@PathVariable String clientDomain, HttpServletRequest request) {
        var account = fleet.account(clientDomain).orElseThrow(NotFound::new);
        return Pagination.respond(account.patients().stream().map(Patient::details).toList(), request);
    }

    @GetMapping("/{externalId}/")
    TenoviPatient patient(@PathVariable String clientDomain, @PathVariable String externalId) {
        var account = fleet.account(clientDomain).orElseThrow(NotFound::new);
        return account.patient(externalId).map(Patient::details).orElseThrow(NotFound::new);
    }

    @PostMapping("/")
    ResponseEntity<TenoviPatient> create(@PathVariable String clientDomain, @RequestBody TenoviPatient body) {
        var account = fleet.account(clientDomain).orElseThrow(NotFound::new);
        if (body.externalId() == null || body.externalId().isBlank()) {
            throw new InvalidField("external_id", "This field is required.");
        }
        var patient = new Patient(body.withDefaults(), Behaviour.ADHERENT, -5, 0);
        if (!account.addPatient(patient)) {
            throw new InvalidField("external_id", "hwi patient with this external id already exists.");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(patient.details());
    }
}
