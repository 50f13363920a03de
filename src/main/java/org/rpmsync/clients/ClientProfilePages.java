package org.rpmsync.clients;

import org.rpmsync.organization.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A client's Integrations tab. The Dashboard and Reports tabs are the reports module's pages; all three share the
 * header and tabs of clients/client-tabs.html. Each view is audited.
 */
@Controller
class ClientProfilePages {

    private final ClientDirectory clients;

    ClientProfilePages(ClientDirectory clients) {
        this.clients = clients;
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
