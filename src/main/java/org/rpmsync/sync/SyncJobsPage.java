package org.rpmsync.sync;

import java.time.Duration;
import java.util.List;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.clients.ClientId;
import org.rpmsync.clients.DeviceNames;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.ClinicTime;
import org.rpmsync.organization.OrganizationId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Organization Settings &gt; Sync jobs (org admins, via {@code /settings/**}): recent jobs and the next reconciliation. */
@Controller
class SyncJobsPage {

    private final SyncJobStore store;
    private final SyncJobs jobs;
    private final ClientDirectory clients;
    private final DeviceNames names;
    private final ClinicTime clinicTime;

    SyncJobsPage(SyncJobStore store, SyncJobs jobs, ClientDirectory clients, DeviceNames names,
                 ClinicTime clinicTime) {
        this.names = names;
        this.clinicTime = clinicTime;
        this.store = store;
        this.jobs = jobs;
        this.clients = clients;
    }

    record Row(String client, String trigger, String started, String duration, int pages, int found, int stored,
               String status, String error) {
    }

    @GetMapping("/settings/integrations/tenovi/jobs")
    String show(@AuthenticationPrincipal Actor actor, Model model) {
        OrganizationId organization = actor.organizationId();
        List<Row> rows = store.recent(organization.value(), 50).stream().map(j -> row(organization, j)).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("nextReconciliation", jobs.nextReconciliation(organization).map(at -> clinicTime.format(organization, at))
                .orElse("when the Tenovi connection is next checked by a worker"));
        return "sync/jobs";
    }

    private Row row(OrganizationId organization, SyncJob job) {
        String client = job.clientId() == null ? "All mapped devices" : clients.find(organization, ClientId.of(job.clientId()))
                .map(Client::displayName).orElse("(removed client)");
        if (job.deviceId() != null) {
            client += " · " + names.label(organization, job.deviceId());
        }
        return new Row(client, job.trigger().wire(), job.startedAt() == null ? "not yet" : clinicTime.format(organization, job.startedAt()),
                duration(job.duration()), job.pagesFetched(), job.readingsFound(), job.newMeasurements(),
                job.status(), job.error());
    }

    static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long seconds = d.toSeconds();
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
