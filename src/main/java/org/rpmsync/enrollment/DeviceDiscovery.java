package org.rpmsync.enrollment;

import java.util.List;
import java.util.Optional;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
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
import org.rpmsync.integrations.TenoviConnections;
import org.rpmsync.web.ApiProblem;
import org.springframework.stereotype.Service;

/**
 * The devices in the clinic's Tenovi account next to our mapping: who holds each, and for those nobody holds, the
 * client whose Patient ID equals Tenovi's {@code patient_id} for it (proposed for a one-click assignment).
 */
@Service
class DeviceDiscovery {

    static final int PAGE_SIZE = 50;

    private final AccountDevices devices;
    private final DeviceAssignments assignments;
    private final PatientIds patientIds;
    private final ClientDirectory clients;
    private final AuditLog audit;

    DeviceDiscovery(AccountDevices devices, DeviceAssignments assignments, PatientIds patientIds,
                    ClientDirectory clients, AuditLog audit) {
        this.devices = devices;
        this.assignments = assignments;
        this.patientIds = patientIds;
        this.clients = clients;
        this.audit = audit;
    }

    /** One device as listed: its holder if mapped, else the proposed client if any. */
    record Listed(AccountDevice device, Client holder, Client proposed) {
    }

    /** One page (0-based) of the listing; {@code hiddenUnlinked} counts devices hidden by the filter. */
    record Listing(List<Listed> items, int page, int pages, int total, long hiddenUnlinked) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages;
        }
    }

    /** The listing shows which client holds which device, so each view is audited ({@code TENOVI_DEVICES_VIEWED}). */
    Listing list(Actor actor, boolean showUnlinked, int page) {
        OrganizationId organization = actor.organizationId();
        List<AccountDevice> all = devices.devices(organization);
        List<AccountDevice> shown = all.stream().filter(d -> showUnlinked || !d.unlinked()).toList();
        int pages = Math.max(1, (shown.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.min(Math.max(page, 0), pages - 1);
        List<Listed> items = shown.subList(number * PAGE_SIZE, Math.min(shown.size(), (number + 1) * PAGE_SIZE))
                .stream().map(d -> listed(organization, d)).toList();
        audit.record(AuditEntry.success(organization.value(), actor.auditName(), "TENOVI_DEVICES_VIEWED",
                TenoviConnections.TARGET, organization.toString()).withDetail("page " + (number + 1)));
        return new Listing(items, number, pages, shown.size(), all.size() - shown.size());
    }

    /** The device as Tenovi has it now, for the "Assign to…" page; empty when Tenovi does not know it. */
    Optional<Listed> device(OrganizationId organization, String hwiDeviceId) {
        if (!HwiDeviceIds.valid(hwiDeviceId)) {
            return Optional.empty();
        }
        return devices.device(organization, hwiDeviceId.strip()).map(d -> listed(organization, d));
    }

    /** Assigns the device (checked with Tenovi) to the client; {@code not_found} for a client of another clinic. */
    Assignment assign(Actor actor, String hwiDeviceId, String clientId) {
        OrganizationId organization = actor.organizationId();
        Client client = ClientId.parse(clientId).flatMap(id -> clients.find(organization, id))
                .orElseThrow(() -> ApiProblem.notFound("Client"));
        String hwi = HwiDeviceIds.normalize(hwiDeviceId);
        AccountDevice device = devices.device(organization, hwi).orElseThrow(() -> ClientTenovi.unknownDevice(hwi));
        return assignments.assign(organization, actor, client.id(), device.details(), false);
    }

    List<Client> candidates(OrganizationId organization, String query) {
        return clients.search(organization, query, null, 0, 20).items();
    }

    private Listed listed(OrganizationId organization, AccountDevice device) {
        Optional<Client> holder = assignments.holder(organization, TenoviAccount.SOURCE, device.id())
                .flatMap(a -> clients.find(organization, a.clientId()));
        if (holder.isPresent()) {
            return new Listed(device, holder.get(), null);
        }
        Client proposed = patientIds.clientWith(organization, device.patientId())
                .flatMap(id -> clients.find(organization, id)).orElse(null);
        return new Listed(device, null, proposed);
    }
}
