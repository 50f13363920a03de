package org.rpmsync.enrollment;

import org.rpmsync.clients.Client;
import org.rpmsync.clients.MappingRejected;
import org.rpmsync.organization.Actor;
import org.rpmsync.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Client profile &gt; Integrations &gt; Tenovi: the tile, the Patient ID form and the devices. Answers htmx requests
 * with the panel fragment (loaded into the clients module's Integrations tab) and others with a whole page.
 */
@Controller
@RequestMapping("/clients/{id}/integrations/tenovi")
class ClientTenoviPanel {

    private static final String PAGE = "enrollment/client-tenovi";
    private static final String FRAGMENT = PAGE + " :: panel";

    private final ClientTenovi tenovi;
    private final AccountDevices devices;

    ClientTenoviPanel(ClientTenovi tenovi, AccountDevices devices) {
        this.tenovi = tenovi;
        this.devices = devices;
    }

    record PatientIdForm(String patientId) {
    }

    record DeviceForm(String hwiDeviceId, Boolean move) {

        boolean moving() {
            return Boolean.TRUE.equals(move);
        }
    }

    @GetMapping
    String show(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                @RequestParam(required = false) String open, @RequestHeader(value = "HX-Request", required = false)
                String htmx, Model model) {
        return render(actor, client(actor, id), "devices".equals(open) || "patient".equals(open) ? open : null,
                htmx, model);
    }

    @PostMapping("/patient-id")
    String savePatientId(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                         @ModelAttribute PatientIdForm form, @RequestHeader(value = "HX-Request", required = false)
                         String htmx, Model model) {
        Client client = client(actor, id);
        try {
            String saved = tenovi.savePatientId(actor, client.id(), form.patientId());
            message(model, "ok", "Patient ID " + saved + " saved.");
        } catch (MappingRejected e) {
            model.addAttribute("patientIdValue", form.patientId());
            model.addAttribute("patientIdError", "patient_id_taken".equals(e.code())
                    ? "Patient ID " + form.patientId().strip() + " already belongs to" : sentence(e.getMessage()));
            holder(actor, e, model);
            return render(actor, client, "patient", htmx, model);
        }
        return render(actor, client, null, htmx, model);
    }

    @PostMapping("/devices")
    String addDevice(@AuthenticationPrincipal Actor actor, @PathVariable String id, @ModelAttribute DeviceForm form,
                     @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        Client client = client(actor, id);
        try {
            ClientTenovi.Added added = tenovi.addDevice(actor, client.id(), form.hwiDeviceId(), form.moving());
            message(model, "ok", "Device " + added.device().id() + " (" + added.device().name() + ") "
                    + (form.moving() ? "moved to " : "assigned to ") + client.displayName() + ".");
            model.addAttribute("warning", added.warning());
            model.addAttribute("added", added.device().id());
        } catch (MappingRejected e) {
            model.addAttribute("hwiValue", form.hwiDeviceId());
            if ("device_assigned_elsewhere".equals(e.code()) && e.holder() != null) {
                holder(actor, e, model);
                model.addAttribute("confirmMove", form.hwiDeviceId().strip());
            } else {
                model.addAttribute("deviceError", e.getMessage());
            }
        } catch (ApiProblem e) {
            model.addAttribute("hwiValue", form.hwiDeviceId());
            model.addAttribute("deviceError", sentence(e.getMessage()));
        }
        return render(actor, client, "devices", htmx, model);
    }

    @PostMapping("/devices/{hwiDeviceId}/remove")
    String removeDevice(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String hwiDeviceId,
                        @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        Client client = client(actor, id);
        boolean removed = tenovi.removeDevice(actor, client.id(), hwiDeviceId);
        message(model, removed ? "ok" : "warn", removed ? "Device " + HwiDeviceIds.shown(hwiDeviceId)
                + " removed. Its earlier readings stay with this client." : "That device was not assigned here.");
        return render(actor, client, "devices", htmx, model);
    }

    private String render(Actor actor, Client client, String open, String htmx, Model model) {
        model.addAttribute("client", client);
        model.addAttribute("mapping", tenovi.mapping(actor.organizationId(), client.id()));
        model.addAttribute("linked", devices.linked(actor.organizationId()));
        model.addAttribute("open", open);
        return htmx != null ? FRAGMENT : PAGE;
    }

    private void holder(Actor actor, MappingRejected e, Model model) {
        if (e.holder() != null) {
            tenovi.find(actor.organizationId(), e.holder()).ifPresent(h -> model.addAttribute("holder", h));
        }
    }

    private static void message(Model model, String kind, String text) {
        model.addAttribute("message", text);
        model.addAttribute("messageKind", kind);
    }

    private Client client(Actor actor, String id) {
        return tenovi.view(actor, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** "patientId: use at most …" as a sentence for people: "Use at most …". */
    static String sentence(String message) {
        String text = message.replaceFirst("^[A-Za-z]+: ", "");
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
