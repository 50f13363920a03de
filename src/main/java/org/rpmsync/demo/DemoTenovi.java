package org.rpmsync.demo;

import java.util.List;
import org.rpmsync.clients.ClientDetails;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.clients.DeviceAssignments;
import org.rpmsync.clients.PatientIds;
import org.rpmsync.integrations.LinkOutcome;
import org.rpmsync.integrations.TenoviConnections;
import org.rpmsync.integrations.WebhookRegistration;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.SystemActor;
import org.rpmsync.tenovi.AccountDevice;
import org.rpmsync.tenovi.TenoviAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo Clinic's side of the demo: five clients whose externalIds are the simulator's Patient IDs, the Tenovi link to
 * the simulator with each client's devices mapped, and its webhooks registered through the simulated Tenovi API at
 * every start (the simulator keeps them in memory only). The simulator's
 * patient SIM-0006 deliberately has no client: its readings show as unmatched.
 */
@Component
@Profile("demo")
class DemoTenovi {

    private static final Logger log = LoggerFactory.getLogger(DemoTenovi.class);
    private static final List<ClientDetails> CLIENTS = List.of(
            new ClientDetails("Ada", "Sample", null, "SIM-0001", "America/New_York"),
            new ClientDetails("Ben", "Example", null, "SIM-0002", "America/New_York"),
            new ClientDetails("Cleo", "Placeholder", null, "SIM-0003", "America/Chicago"),
            new ClientDetails("Dev", "Testperson", null, "SIM-0004", "America/Los_Angeles"),
            new ClientDetails("Eve", "Demo", null, "SIM-0005", "America/New_York"));

    private final ClientDirectory clients;
    private final TenoviConnections connections;
    private final TenoviAccount tenovi;
    private final PatientIds patientIds;
    private final DeviceAssignments assignments;
    private final String clientDomain;
    private final String apiKey;

    DemoTenovi(ClientDirectory clients, TenoviConnections connections, TenoviAccount tenovi, PatientIds patientIds,
               DeviceAssignments assignments,
               DemoAccount account) {
        this.clients = clients;
        this.connections = connections;
        this.tenovi = tenovi;
        this.patientIds = patientIds;
        this.assignments = assignments;
        this.clientDomain = account.clientDomain();
        this.apiKey = account.apiKey();
    }

    /** The simulated Tenovi account, so that an org admin can try Unlink and Link (a fake key, not a secret). */
    String account() {
        return "organization slug " + clientDomain + "  /  API key " + apiKey;
    }

    /** Maps each simulator device whose Tenovi Patient ID is one of the demo clients' to that client. */
    private void mapDevices(Organization clinic, SystemActor demo) {
        connections.credentials(clinic.id()).ifPresent(credentials -> {
            int mapped = 0;
            for (AccountDevice device : tenovi.devices(credentials)) {
                var client = patientIds.clientWith(clinic.id(), device.patientId());
                if (client.isPresent() && assignments.holder(clinic.id(), TenoviAccount.SOURCE, device.id()).isEmpty()) {
                    assignments.assign(clinic.id(), demo, client.get(), device.details(), false);
                    mapped++;
                }
            }
            log.info("Demo: {} simulator devices mapped to demo clients", mapped);
        });
    }

    void seed(Organization clinic) {
        SystemActor demo = SystemActor.in(clinic.id(), "system:demo");
        if (clients.search(clinic.id(), null, null, 0, 1).total() == 0) {
            CLIENTS.forEach(details -> clients.create(clinic.id(), demo, details));
        }
        try {
            if (!connections.status(clinic.id()).linked()) {
                LinkOutcome outcome = connections.link(demo, clientDomain, apiKey);
                log.info("Demo: Tenovi link to the simulator: {}", outcome.connection().status().wire());
            }
            mapDevices(clinic, demo);
            WebhookRegistration registration = connections.registerWebhooks(demo);
            log.info("Demo: webhooks registered with the simulator: {}", registration.registered());
        } catch (RuntimeException e) {
            log.warn("Demo: could not link Demo Clinic to the Tenovi simulator ({}); link it by hand under "
                    + "Organization Settings > Integrations", e.getMessage());
        }
    }
}
