package org.rpmsync.measurements;

import java.util.UUID;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.clients.ClientId;
import org.rpmsync.clients.DeviceAssignments;
import org.rpmsync.clients.DeviceDetails;
import org.rpmsync.clients.DeviceNames;
import org.rpmsync.clients.MappingRejected;
import org.rpmsync.organization.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organization Settings > Unmatched data: readings waiting for a mapping, assigned to a client in one step. */
@Controller
class UnmatchedPage {

    private final UnmatchedReadings unmatched;
    private final ClientDirectory clients;
    private final DeviceAssignments assignments;
    private final DeviceNames names;

    UnmatchedPage(UnmatchedReadings unmatched, ClientDirectory clients, DeviceAssignments assignments,
                  DeviceNames names) {
        this.names = names;
        this.unmatched = unmatched;
        this.clients = clients;
        this.assignments = assignments;
    }

    @GetMapping("/settings/unmatched")
    String list(@AuthenticationPrincipal Actor actor, Model model) {
        var groups = unmatched.groups(actor.organizationId());
        model.addAttribute("groups", groups);
        model.addAttribute("labels", names.labels(actor.organizationId(),
                groups.stream().map(UnmatchedGroup::deviceId).distinct().toList()));
        model.addAttribute("rejections", unmatched.rejections(actor.organizationId(), 50));
        model.addAttribute("clients", clients.search(actor.organizationId(), null, null, 0, 500).items());
        return "measurements/unmatched";
    }

    @PostMapping("/settings/unmatched/assign")
    String assign(@AuthenticationPrincipal Actor actor, @RequestParam String source, @RequestParam String deviceId,
                  @RequestParam String clientId, RedirectAttributes flash) {
        ClientId client;
        try {
            client = ClientId.of(UUID.fromString(clientId));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("failure", "Choose a client first.");
            return "redirect:/settings/unmatched";
        }
        try {
            assignments.assign(actor.organizationId(), actor, client,
                    new DeviceDetails(source, deviceId, null, null, null, null), false);
            flash.addFlashAttribute("success", names.label(actor.organizationId(), deviceId)
                    + " is now mapped; its readings moved to the client.");
        } catch (MappingRejected e) {
            flash.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/settings/unmatched";
    }
}
