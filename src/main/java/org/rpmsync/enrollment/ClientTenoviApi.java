package org.rpmsync.enrollment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.rpmsync.clients.Assignment;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.MappingRejected;
import org.rpmsync.organization.Actor;
import org.rpmsync.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's Tenovi mapping for an organization token (spec §4). Beyond the spec: {@code POST .../devices} accepts
 * {@code "move": true} to take a device from another user, and its answer carries {@code warning} when Tenovi files
 * the device under another Patient ID; devices also show {@code effectiveFrom}.
 */
@RestController
@RequestMapping("/api/v1/users/{id}/integrations/tenovi")
class ClientTenoviApi {

    private final ClientTenovi tenovi;

    ClientTenoviApi(ClientTenovi tenovi) {
        this.tenovi = tenovi;
    }

    record PatientIdRequest(String patientId) {
    }

    record DeviceRequest(String hwiDeviceId, Boolean move) {
    }

    record MappingResponse(String patientId, List<DeviceResponse> devices) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeviceResponse(String hwiDeviceId, String deviceName, String sensorCode, String status,
                          Instant assignedFrom, Instant effectiveFrom, String warning) {

        static DeviceResponse of(Assignment a, String warning) {
            return new DeviceResponse(a.deviceId(), a.deviceName(), a.sensorCode(), a.vendorStatus(), a.assignedAt(),
                    a.effectiveFrom(), warning);
        }
    }

    @GetMapping
    MappingResponse get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return mapping(actor, client(actor, id));
    }

    @PutMapping
    MappingResponse put(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                        @RequestBody PatientIdRequest body) {
        Client client = client(actor, id);
        tenovi.savePatientId(actor, client.id(), body.patientId());
        return mapping(actor, client);
    }

    @PostMapping("/devices")
    @ResponseStatus(HttpStatus.CREATED)
    DeviceResponse add(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody DeviceRequest body) {
        Client client = client(actor, id);
        ClientTenovi.Added added = tenovi.addDevice(actor, client.id(), body.hwiDeviceId(),
                Boolean.TRUE.equals(body.move()));
        return DeviceResponse.of(added.assignment(), added.warning());
    }

    @DeleteMapping("/devices/{hwiDeviceId}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                                @PathVariable String hwiDeviceId) {
        Client client = client(actor, id);
        if (!tenovi.removeDevice(actor, client.id(), hwiDeviceId)) {
            throw ApiProblem.notFound("A current assignment of device " + HwiDeviceIds.shown(hwiDeviceId)
                    + " to this user");
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(MappingRejected.class)
    ResponseEntity<ProblemDetail> rejected(MappingRejected e) {
        return e.problem().response();
    }

    private MappingResponse mapping(Actor actor, Client client) {
        ClientTenovi.Mapping mapping = tenovi.mapping(actor.organizationId(), client.id());
        return new MappingResponse(mapping.patientId(),
                mapping.devices().stream().map(a -> DeviceResponse.of(a, null)).toList());
    }

    private Client client(Actor actor, String id) {
        return tenovi.view(actor, id).orElseThrow(() -> ApiProblem.notFound("User"));
    }
}
