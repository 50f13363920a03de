package org.rpmsync.sync;

import java.util.Optional;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.clients.ClientId;
import org.rpmsync.organization.Actor;
import org.rpmsync.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Refresh User Data panel at the top of a client's Integrations section (an htmx fragment): the button and the
 * client's latest job, polled every second while it is queued or running.
 */
@Controller
@RequestMapping("/clients/{id}/integrations/tenovi/refresh")
class RefreshPanel {

    private static final String VIEW = "sync/partials/refresh :: panel";

    private final SyncJobs jobs;
    private final ClientDirectory clients;

    RefreshPanel(SyncJobs jobs, ClientDirectory clients) {
        this.jobs = jobs;
        this.clients = clients;
    }

    @GetMapping
    String show(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
        ClientId client = client(id);
        if (clients.find(actor.organizationId(), client).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return panel(model, client, jobs.latest(actor.organizationId(), client));
    }

    @PostMapping
    String refresh(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
        ClientId client = client(id);
        try {
            return panel(model, client, Optional.of(jobs.refresh(actor, client)));
        } catch (ApiProblem notYours) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static String panel(Model model, ClientId client, Optional<SyncJob> job) {
        model.addAttribute("clientId", client.value());
        model.addAttribute("job", job.orElse(null));
        model.addAttribute("active", job.map(j -> !j.finished()).orElse(false));
        return VIEW;
    }

    private static ClientId client(String id) {
        return ClientId.parse(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
