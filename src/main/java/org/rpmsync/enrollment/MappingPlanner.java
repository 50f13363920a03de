package org.rpmsync.enrollment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rpmsync.clients.Assignment;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.clients.ClientId;
import org.rpmsync.clients.DeviceAssignments;
import org.rpmsync.clients.PatientIds;
import org.rpmsync.organization.OrganizationId;
import org.rpmsync.tenovi.AccountDevice;
import org.rpmsync.tenovi.TenoviAccount;
import org.springframework.stereotype.Component;
import static org.rpmsync.enrollment.MappingPlan.DeviceAction;
import static org.rpmsync.enrollment.MappingPlan.PatientIdAction;

/**
 * Works out per row of a mapping file what would change: the client (by externalId, else email), the Patient ID
 * (set, unchanged, held by another client or by an earlier row) and each device (add, move, already there, unknown to
 * Tenovi, repeated). Devices are checked against the account's device list, read once from Tenovi. Saves nothing.
 */
@Component
class MappingPlanner {

    private final ClientDirectory clients;
    private final PatientIds patientIds;
    private final DeviceAssignments assignments;
    private final AccountDevices devices;

    MappingPlanner(ClientDirectory clients, PatientIds patientIds, DeviceAssignments assignments,
                   AccountDevices devices) {
        this.clients = clients;
        this.patientIds = patientIds;
        this.assignments = assignments;
        this.devices = devices;
    }

    List<MappingPlan> plan(OrganizationId organization, List<MappingCsv.Row> rows) {
        boolean anyDevices = rows.stream().anyMatch(r -> !r.hwiIds().isEmpty());
        Map<String, AccountDevice> known = null;
        if (anyDevices && devices.linked(organization)) {
            known = devices.devices(organization).stream()
                    .collect(Collectors.toMap(AccountDevice::id, Function.identity(), (a, b) -> a));
        }
        Map<String, Integer> patientIdRows = new HashMap<>();
        Map<String, Integer> deviceRows = new HashMap<>();
        List<MappingPlan> plans = new ArrayList<>();
        for (MappingCsv.Row row : rows) {
            plans.add(plan(organization, row, known, patientIdRows, deviceRows));
        }
        return plans;
    }

    private MappingPlan plan(OrganizationId organization, MappingCsv.Row row, Map<String, AccountDevice> known,
                             Map<String, Integer> patientIdRows, Map<String, Integer> deviceRows) {
        Optional<Client> found = client(organization, row);
        if (found.isEmpty()) {
            String problem = row.externalId() == null && row.email() == null
                    ? "Row " + row.line() + " has neither an email nor an externalId."
                    : "No client with " + (row.externalId() != null ? "externalId " + row.externalId()
                            : "email " + row.email()) + ".";
            return new MappingPlan(row, null, problem, PatientIdAction.NONE, null, List.of());
        }
        Client client = found.get();
        PatientIdAction action = PatientIdAction.NONE;
        String detail = null;
        String wanted = row.patientId();
        if (wanted != null) {
            Integer earlier = patientIdRows.putIfAbsent(wanted, row.line());
            Optional<ClientId> holder = patientIds.clientWith(organization, wanted);
            if (wanted.length() > 128) {
                action = PatientIdAction.INVALID;
                detail = "Patient ID is longer than 128 characters.";
            } else if (earlier != null) {
                action = PatientIdAction.CONFLICT;
                detail = "Patient ID " + wanted + " is also in row " + earlier + ".";
            } else if (holder.isPresent() && !holder.get().equals(client.id())) {
                action = PatientIdAction.CONFLICT;
                detail = "Patient ID " + wanted + " belongs to " + name(organization, holder.get()) + ".";
            } else if (patientIds.explicit(organization, client.id())
                    && wanted.equals(patientIds.patientId(organization, client.id()).orElse(null))) {
                action = PatientIdAction.UNCHANGED;
                detail = "Patient ID unchanged";
            } else {
                action = PatientIdAction.SET;
            }
        }
        List<MappingPlan.DevicePlan> planned = new ArrayList<>();
        for (String hwi : row.hwiIds()) {
            planned.add(device(organization, client, row, hwi, known, deviceRows));
        }
        return new MappingPlan(row, client, null, action, detail, planned);
    }

    private MappingPlan.DevicePlan device(OrganizationId organization, Client client, MappingCsv.Row row, String hwi,
                                          Map<String, AccountDevice> known, Map<String, Integer> deviceRows) {
        if (!HwiDeviceIds.valid(hwi)) {
            return new MappingPlan.DevicePlan(HwiDeviceIds.shown(hwi), DeviceAction.INVALID,
                    "HWI ID " + HwiDeviceIds.shown(hwi) + " is not valid.", null);
        }
        Integer earlier = deviceRows.putIfAbsent(hwi, row.line());
        if (earlier != null) {
            return new MappingPlan.DevicePlan(hwi, DeviceAction.DUPLICATE, "Device " + hwi + " is also in row "
                    + earlier + ".", null);
        }
        if (known == null) {
            return new MappingPlan.DevicePlan(hwi, DeviceAction.UNCHECKED, "Device " + hwi + " can't be checked: "
                    + AccountDevices.notLinked().getMessage(), null);
        }
        AccountDevice device = known.get(hwi);
        if (device == null) {
            return new MappingPlan.DevicePlan(hwi, DeviceAction.UNKNOWN, "Tenovi has no device " + hwi
                    + " in your account.", null);
        }
        Optional<Assignment> holder = assignments.holder(organization, TenoviAccount.SOURCE, hwi);
        if (holder.isEmpty()) {
            return new MappingPlan.DevicePlan(hwi, DeviceAction.ADD, "add " + describe(device), device);
        }
        if (holder.get().clientId().equals(client.id())) {
            return new MappingPlan.DevicePlan(hwi, DeviceAction.ALREADY, "already assigned", device);
        }
        return new MappingPlan.DevicePlan(hwi, DeviceAction.MOVE, "move from "
                + name(organization, holder.get().clientId()), device);
    }

    private Optional<Client> client(OrganizationId organization, MappingCsv.Row row) {
        if (row.externalId() != null) {
            return clients.findByExternalId(organization, row.externalId());
        }
        if (row.email() == null) {
            return Optional.empty();
        }
        return clients.search(organization, row.email(), null, 0, 20).items().stream()
                .filter(c -> c.email() != null && c.email().equalsIgnoreCase(row.email())).findFirst();
    }

    private String name(OrganizationId organization, ClientId id) {
        return clients.find(organization, id).map(Client::displayName).orElse("another client");
    }

    private static String describe(AccountDevice device) {
        return Objects.requireNonNullElse(device.name(), "device");
    }
}
