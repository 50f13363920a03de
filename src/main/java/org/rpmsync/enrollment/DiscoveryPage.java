package org.rpmsync.enrollment;

import org.rpmsync.clients.Assignment;
import org.rpmsync.clients.MappingRejected;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organization Settings &gt; Integrations &gt; Tenovi devices (org admins): every device in the clinic's Tenovi
 * account with the client it maps to, a proposed client, or "Assign to…". Unlinked devices are hidden unless asked.
 */
@Controller
@RequestMapping("/settings/integrations/tenovi/devices")
class DiscoveryPage {

    private final DeviceDiscovery discovery;

    DiscoveryPage(DeviceDiscovery discovery) {
        this.discovery = discovery;
    }

    @GetMapping
    String list(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "false") boolean unlinked,
                @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("unlinked", unlinked);
        try {
            model.addAttribute("listing", discovery.list(actor, unlinked, page - 1));
        } catch (ApiProblem e) {
            model.addAttribute("error", e.getMessage());
        }
        return "enrollment/devices";
    }

    @GetMapping("/{hwiDeviceId}/assign")
    String chooseClient(@AuthenticationPrincipal Actor actor, @PathVariable String hwiDeviceId,
                        @RequestParam(required = false) String q, Model model) {
        try {
            model.addAttribute("listed", discovery.device(actor.organizationId(), hwiDeviceId)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
            model.addAttribute("q", q);
            model.addAttribute("candidates", discovery.candidates(actor.organizationId(), q));
        } catch (ApiProblem e) {
            model.addAttribute("error", e.getMessage());
        }
        return "enrollment/device-assign";
    }

    @PostMapping("/{hwiDeviceId}/assign")
    String assign(@AuthenticationPrincipal Actor actor, @PathVariable String hwiDeviceId,
                  @RequestParam(required = false) String clientId, RedirectAttributes redirect) {
        try {
            Assignment assignment = discovery.assign(actor, hwiDeviceId, clientId);
            redirect.addFlashAttribute("message", "Device " + assignment.deviceId() + " ("
                    + assignment.deviceName() + ") assigned.");
            redirect.addFlashAttribute("messageKind", "ok");
        } catch (MappingRejected e) {
            if ("not_found".equals(e.code())) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("message", e.getMessage());
            redirect.addFlashAttribute("messageKind", "bad");
        } catch (ApiProblem e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("message", e.getMessage());
            redirect.addFlashAttribute("messageKind", "bad");
        }
        return "redirect:/settings/integrations/tenovi/devices";
    }
}
