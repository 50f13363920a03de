package org.rpmsync.sync;

import java.util.UUID;
import org.rpmsync.clients.ClientId;
import org.rpmsync.organization.Actor;
import org.rpmsync.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Refresh User Data and job status (spec §4) for an organization token; other organizations' ids are 404. */
@RestController
@RequestMapping("/api/v1")
class SyncJobApi {

    private final SyncJobs jobs;

    SyncJobApi(SyncJobs jobs) {
        this.jobs = jobs;
    }

    record Queued(UUID jobId, String status) {
    }

    record JobResponse(UUID jobId, String status, int pagesFetched, int newMeasurements, String error) {
        static JobResponse of(SyncJob job) {
            return new JobResponse(job.id(), job.status(), job.pagesFetched(), job.newMeasurements(), job.error());
        }
    }

    @PostMapping("/users/{id}/integrations/tenovi/refresh")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Queued refresh(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        ClientId client = ClientId.parse(id).orElseThrow(() -> ApiProblem.notFound("user"));
        SyncJob job = jobs.refresh(actor, client);
        return new Queued(job.id(), SyncJob.RUNNING.equals(job.status()) ? SyncJob.RUNNING : SyncJob.QUEUED);
    }

    @GetMapping("/jobs/{jobId}")
    JobResponse job(@AuthenticationPrincipal Actor actor, @PathVariable String jobId) {
        return parse(jobId).flatMap(id -> jobs.find(actor.organizationId(), id)).map(JobResponse::of)
                .orElseThrow(() -> ApiProblem.notFound("job"));
    }

    static java.util.Optional<UUID> parse(String raw) {
        try {
            return java.util.Optional.of(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
