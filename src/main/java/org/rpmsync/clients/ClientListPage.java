package org.rpmsync.clients;

import org.rpmsync.organization.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /clients}: the organization's clients, searchable by name, email or externalId, 25 a page. */
@Controller
class ClientListPage {

    static final int PAGE_SIZE = 25;

    private final ClientDirectory clients;

    ClientListPage(ClientDirectory clients) {
        this.clients = clients;
    }

    @GetMapping("/clients")
    String list(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "0") String page, Model model) {
        int pageNumber = parsePage(page);
        String query = q.strip();
        model.addAttribute("q", query);
        model.addAttribute("clients", clients.search(actor.organizationId(), query, null, pageNumber, PAGE_SIZE));
        return "clients/list";
    }

    private static int parsePage(String page) {
        try {
            return Math.max(0, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
