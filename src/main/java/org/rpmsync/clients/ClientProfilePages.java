package org.rpmsync.clients;

import org.rpmsync.organization.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A client's profile and its tabs: Dashboard (the default), Reports and Integrations. Each view is audited;
 * later work fills the tabs' contents in their templates.
 */
@Controller
class ClientProfilePages {

    private final ClientDirectory clients;

    ClientProfilePages(ClientDirectory clients) {
        this.clients = clients;
    }

    @GetMapping("/clients/{id}")
    String dashboard(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
        return tab(actor, id, "dashboard", model);
    }

    @GetMapping("/clients/{id}/reports")
    String reports(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
        return tab(actor, id, "reports", model);
    }

    @GetMapping("/clients/{id}/integrations")
    String integrations(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
        return tab(actor, id, "integrations", model);
    }

    private String tab(Actor actor, String id, String tab, Model model) {
        Client client = clients.view(actor.organizationId(), actor, id, tab).orElseThrow(ClientFormPages::notFound);
        model.addAttribute("client", client);
        return "clients/" + tab;
    }
}
