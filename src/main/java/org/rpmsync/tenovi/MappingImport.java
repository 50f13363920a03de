package org.rpmsync.tenovi;

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
import org.rpmsync.clients.MappingRejected;
import org.rpmsync.clients.PatientIds;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.OrganizationId;
import org.springframework.stereotype.Service;

import static org.rpmsync.tenovi.MappingPlan.DeviceAction;
import static org.rpmsync.tenovi.MappingPlan.PatientIdAction;

/**
 * Bulk mapping of Patient IDs and HWI devices from a file: {@link #plan} says per row what would change (nothing is
 * saved), {@link #apply} plans again against the current state and saves each row on its own, so one bad row never
 * holds back the others. Devices are checked against the account's device list, read once from Tenovi.
 */
@Service
class MappingImport {

    private final ClientDirectory clients;
    private final PatientIds patientIds;
    private final DeviceAssignments assignments;
    private final TenoviDevices devices;

    MappingImport(ClientDirectory clients, PatientIds patientIds, DeviceAssignments assignments,
                  TenoviDevices devices) {
        this.clients = clients;
        this.patientIds = patientIds;
        this.assignments = assignments;
        this.devices = devices;
    }

    /** One applied row: its plan and what happened, as {@code applied}, {@code partly_applied}, {@code skipped}. */
    record Outcome(MappingPlan plan, String result, List<String> notes) {
    }

    List<MappingPlan> plan(OrganizationId organization, List<MappingCsv.Row> rows) {
        boolean anyDevices = rows.stream().anyMatch(r -> !r.hwiIds().isEmpty());
        Map<String, TenoviDevice> known = null;
        if (anyDevices && devices.linked(organization)) {
            known = devices.all(organization).stream()
                    .collect(Collectors.toMap(TenoviDevice::id, Function.identity(), (a, b) -> a));
        }
        Map<String, Integer> patientIdRows = new HashMap<>();
        Map<String, Integer> deviceRows = new HashMap<>();
        List<MappingPlan> plans = new ArrayList<>();
        for (MappingCsv.Row row : rows) {
            plans.add(plan(organization, row, known, patientIdRows, deviceRows));
        }
        return plans;
    }

    List<Outcome> apply(Actor actor, List<MappingCsv.Row> rows) {
        OrganizationId organization = actor.organizationId();
        List<Outcome> outcomes = new ArrayList<>();
        for (MappingPlan plan : plan(organization, rows)) {
            outcomes.add(apply(organization, actor, plan));
        }
        return outcomes;
    }

    private Outcome apply(OrganizationId organization, Actor actor, MappingPlan plan) {
        List<String> notes = new ArrayList<>();
        if (!plan.found()) {
            return new Outcome(plan, "skipped", List.of(plan.clientProblem()));
        }
        int done = 0;
        int failed = 0;
        ClientId client = plan.client().id();
        if (plan.patientId() == PatientIdAction.SET) {
            try {
                patientIds.save(organization, actor, client, plan.row().patientId());
                notes.add("Patient ID set");
                done++;
            } catch (MappingRejected e) {
                notes.add(e.getMessage());
                failed++;
            }
        } else if (plan.patientIdDetail() != null) {
            notes.add(plan.patientIdDetail());
            failed += plan.patientId() == PatientIdAction.UNCHANGED ? 0 : 1;
        }
        for (MappingPlan.DevicePlan device : plan.devices()) {
            if (!device.changes()) {
                if (device.problem()) {
                    notes.add(device.detail());
                    failed++;
                }
                continue;
            }
            try {
                assignments.assign(organization, actor, client, TenoviDevices.details(device.device()), true);
                notes.add((device.action() == DeviceAction.MOVE ? "moved " : "added ") + device.hwiDeviceId());
                done++;
            } catch (MappingRejected e) {
                notes.add(e.getMessage());
                failed++;
            }
        }
        String result = failed == 0 ? (done == 0 ? "unchanged" : "applied") : done == 0 ? "error" : "partly_applied";
        return new Outcome(plan, result, notes);
    }

    private MappingPlan plan(OrganizationId organization, MappingCsv.Row row, Map<String, TenoviDevice> known,
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
                                          Map<String, TenoviDevice> known, Map<String, Integer> deviceRows) {
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
                    + TenoviDevices.notLinked().getMessage(), null);
        }
        TenoviDevice device = known.get(hwi);
        if (device == null) {
            return new MappingPlan.DevicePlan(hwi, DeviceAction.UNKNOWN, "Tenovi has no device " + hwi
                    + " in your account.", null);
        }
        Optional<Assignment> holder = assignments.holder(organization, TenoviDevices.SOURCE, hwi);
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

    private static String describe(TenoviDevice device) {
        return Objects.requireNonNullElse(device.name(), "device");
    }
}
