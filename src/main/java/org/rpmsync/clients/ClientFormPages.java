package org.rpmsync.clients;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rpmsync.organization.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /clients/new} and {@code /clients/{id}/edit}: one form, errors beside each field, values kept. */
@Controller
class ClientFormPages {

    private final ClientDirectory clients;

    ClientFormPages(ClientDirectory clients) {
        this.clients = clients;
    }

    @GetMapping("/clients/new")
    String newClient(Model model) {
        return form(model, ClientForm.empty(clients.defaultTimeZone()), null, Map.of());
    }

    @PostMapping("/clients/new")
    String create(@AuthenticationPrincipal Actor actor, @ModelAttribute ClientForm form, Model model,
                  RedirectAttributes redirect) {
        try {
            Client client = clients.create(actor.organizationId(), actor, form.details());
            redirect.addFlashAttribute("flash", "Client added.");
            return "redirect:/clients/" + client.id();
        } catch (ClientRejected e) {
            return form(model, form, null, errors(e));
        }
    }

    @GetMapping("/clients/{id}/edit")
    String edit(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
        Client client = clients.view(actor.organizationId(), actor, id, "edit").orElseThrow(ClientFormPages::notFound);
        return form(model, ClientForm.of(client), client, Map.of());
    }

    @PostMapping("/clients/{id}/edit")
    String update(@AuthenticationPrincipal Actor actor, @PathVariable String id, @ModelAttribute ClientForm form,
                  Model model, RedirectAttributes redirect) {
        try {
            Client client = clients.update(actor.organizationId(), actor, id, form.details())
                    .orElseThrow(ClientFormPages::notFound);
            redirect.addFlashAttribute("flash", "Changes saved.");
            return "redirect:/clients/" + client.id();
        } catch (ClientRejected e) {
            Client client = ClientId.parse(id).flatMap(cid -> clients.find(actor.organizationId(), cid))
                    .orElseThrow(ClientFormPages::notFound);
            return form(model, form, client, errors(e));
        }
    }

    private static String form(Model model, ClientForm form, Client client, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("client", client);
        model.addAttribute("heading", client == null ? "New client" : "Edit " + client.displayName());
        model.addAttribute("errors", errors);
        model.addAttribute("zones", ClientForm.COMMON_ZONES);
        return "clients/form";
    }

    private static Map<String, String> errors(ClientRejected e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.fields().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
        return errors;
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
