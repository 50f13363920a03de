package org.rpmsync.simulator;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code hwi/hwi-devices/} and {@code hwi/hwi-device-types/}. Auth, slash and throttling: {@link ApiGuard}. */
@ConditionalOnSimulator
@RestController("simulatorHwiDevicesController")
@RequestMapping("${rpmsync.simulator.base-path:/simulator/tenovi}/clients/{clientDomain}/hwi")
class HwiDevicesController {

    private final Fleet fleet;

    HwiDevicesController(Fleet fleet) {
        this.fleet = fleet;
    }

    @GetMapping("/hwi-devices/")
    ResponseEntity<Object> devices(@PathVariable String clientDomain,
                                   @RequestParam(name = "patient__external_id", required = false) String patientId,
                                   @RequestParam(name = "device__hardware_uuid", required = false) String gateway,
                                   HttpServletRequest request) {
        var account = fleet.account(clientDomain).orElseThrow(NotFound::new);
        var devices = account.devices().stream()
                .filter(d -> patientId == null || patientId.equals(d.patientId()))
                .filter(d -> gateway == null || gateway.equalsIgnoreCase(d.hardwareUuid()))
                .map(d -> d.toWire(account.patient(d.patientId()).map(Patient::details).orElse(null)))
                .toList();
        return Pagination.respond(devices, request);
    }

    @GetMapping("/hwi-devices/{hwiDeviceId}/")
    TenoviDevice device(@PathVariable String clientDomain, @PathVariable String hwiDeviceId) {
        var account = fleet.account(clientDomain).orElseThrow(NotFound::new);
        var device = account.device(hwiDeviceId).orElseThrow(NotFound::new);
        return device.toWire(account.patient(device.patientId()).map(Patient::details).orElse(null));
    }

    @GetMapping("/hwi-device-types/")
    ResponseEntity<Object> deviceTypes(HttpServletRequest request) {
        return Pagination.respond(types(), request);
    }

    @GetMapping("/hwi-device-types/{id}/")
    TenoviDeviceType deviceType(@PathVariable String id) {
        return types().stream().filter(t -> Integer.toString(t.id()).equals(id)).findFirst()
                .orElseThrow(NotFound::new);
    }

    private static List<TenoviDeviceType> types() {
        return Arrays.stream(DeviceKind.values()).map(TenoviDeviceType::of).toList();
    }
}
