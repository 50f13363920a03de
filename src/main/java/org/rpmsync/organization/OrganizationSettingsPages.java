package org.rpmsync.organization;

import java.util.UUID;
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

/** Organization Settings for org admins: API tokens (staff and the audit log have their own pages). */
@Controller
@RequestMapping("/settings")
class OrganizationSettingsPages {

    private final ApiTokens tokens;
    private final ClinicTime clock;

    OrganizationSettingsPages(ApiTokens tokens, ClinicTime clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping
    String settings() {
        return "redirect:/settings/integrations";
    }

    @GetMapping("/tokens")
    String tokens(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("tokens", tokens.list(actor.organizationId()));
        model.addAttribute("revokeBase", "/settings/tokens");
        model.addAttribute("times", clock.times(actor.organizationId()));
        return "organization/settings-tokens";
    }

    @PostMapping("/tokens")
    String issue(@AuthenticationPrincipal Actor actor, @RequestParam String name, RedirectAttributes flash) {
        try {
            IssuedToken issued = tokens.issue(actor, actor.organizationId(), name);
            flash.addFlashAttribute("shownOnce", new ShownOnce("API token " + issued.token().name(), issued.secret()));
        } catch (OrganizationException e) {
            flash.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/settings/tokens";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes flash) {
        if (!tokens.revoke(actor, actor.organizationId(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        flash.addFlashAttribute("success", "The token was revoked. Calls with it now get 401.");
        return "redirect:/settings/tokens";
    }
}
