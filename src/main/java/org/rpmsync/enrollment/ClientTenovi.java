package org.rpmsync.enrollment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rpmsync.clients.Assignment;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.clients.ClientId;
import org.rpmsync.clients.DeviceAssignments;
import org.rpmsync.clients.PatientIds;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.OrganizationId;
import org.rpmsync.tenovi.AccountDevice;
import org.rpmsync.tenovi.TenoviAccount;
import org.rpmsync.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * One client's Tenovi mapping, shared by its panel and the REST API: the Patient ID and the HWI devices the client
 * holds. Devices are checked with Tenovi before they are assigned. Rule violations surface as the clients module's
 * {@code MappingRejected}; Tenovi problems as {@link ApiProblem}s ({@code not_linked}, {@code tenovi_unreachable},
 * {@code unknown_device}).
 */
@Service
class ClientTenovi {

    private final ClientDirectory clients;
    private final PatientIds patientIds;
    private final DeviceAssignments assignments;
    private final AccountDevices devices;

    ClientTenovi(ClientDirectory clients, PatientIds patientIds, DeviceAssignments assignments, AccountDevices devices) {
        this.clients = clients;
        this.patientIds = patientIds;
        this.assignments = assignments;
        this.devices = devices;
    }

    /** The client's Patient ID (explicit, else its externalId, else null) and the Tenovi devices it holds now. */
    record Mapping(String patientId, boolean explicit, List<Assignment> devices) {
    }

    /** A device just assigned, what Tenovi says about it, and a warning when Tenovi files it under another ID. */
    record Added(Assignment assignment, AccountDevice device, String warning) {
    }

    /** The client for showing its Tenovi panel to {@code actor} (audited as a view of "integrations"). */
    Optional<Client> view(Actor actor, String id) {
        return clients.view(actor.organizationId(), actor, id, "integrations");
    }

    Optional<Client> find(OrganizationId organization, ClientId id) {
        return clients.find(organization, id);
    }

    Mapping mapping(OrganizationId organization, ClientId client) {
        List<Assignment> held = assignments.current(organization, client).stream()
                .filter(a -> TenoviAccount.SOURCE.equals(a.source())).toList();
        return new Mapping(patientIds.patientId(organization, client).orElse(null),
                patientIds.explicit(organization, client), held);
    }

    String savePatientId(Actor actor, ClientId client, String patientId) {
        return patientIds.save(actor.organizationId(), actor, client, patientId);
    }

    /** Checks the device with Tenovi and assigns it; {@code move} takes it from another client of the clinic. */
    Added addDevice(Actor actor, ClientId client, String rawHwiDeviceId, boolean move) {
        OrganizationId organization = actor.organizationId();
        String hwi = HwiDeviceIds.normalize(rawHwiDeviceId);
        AccountDevice device = devices.device(organization, hwi).orElseThrow(() -> unknownDevice(hwi));
        Assignment assignment = assignments.assign(organization, actor, client, device.details(), move);
        String ours = patientIds.patientId(organization, client).orElse(null);
        return new Added(assignment, device, mismatch(ours, device.patientId()));
    }

    /** Ends the client's assignment of the device now; false when the client did not hold it. */
    boolean removeDevice(Actor actor, ClientId client, String hwiDeviceId) {
        String hwi = hwiDeviceId == null ? "" : hwiDeviceId.strip();
        return assignments.end(actor.organizationId(), actor, client, TenoviAccount.SOURCE, hwi);
    }

    /** The warning shown when Tenovi's {@code patient_id} for a device is not this client's Patient ID. */
    static String mismatch(String ours, String tenovis) {
        String theirs = tenovis == null ? "" : tenovis.strip();
        if (theirs.isEmpty() || Objects.equals(theirs, ours == null ? null : ours.strip())) {
            return null;
        }
        return "Tenovi lists this device under Patient ID " + theirs + ", not "
                + (ours == null ? "this client (who has no Patient ID yet)" : "this client's Patient ID " + ours)
                + ". Readings now go to this client by device; correct the Patient ID in Tenovi or here if "
                + "that is wrong.";
    }

    static ApiProblem unknownDevice(String hwi) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown_device",
                "Tenovi has no device " + hwi + " in your account.");
    }
}
