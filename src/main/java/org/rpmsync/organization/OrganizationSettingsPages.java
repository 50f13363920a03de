package org.rpmsync.organization;

import java.util.UUID;
import org.rpmsync.audit.AuditLog;
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

/** Organization Settings for org admins: staff, API tokens and the audit log. */
@Controller
@RequestMapping("/settings")
class OrganizationSettingsPages {

    private static final int AUDIT_PAGE_SIZE = 50;

    private final StaffAccounts staff;
    private final ApiTokens tokens;
    private final AuditLog audit;

    OrganizationSettingsPages(StaffAccounts staff, ApiTokens tokens, AuditLog audit) {
        this.staff = staff;
        this.tokens = tokens;
        this.audit = audit;
    }

    @GetMapping
    String settings() {
        return "redirect:/settings/integrations";
    }

    @GetMapping("/staff")
    String staff(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("staff", staff.members(actor.organizationId()));
        return "organization/settings-staff";
    }

    @GetMapping("/tokens")
    String tokens(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("tokens", tokens.list(actor.organizationId()));
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

    @GetMapping("/audit")
    String audit(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(page, 0);
        long total = audit.count(actor.organizationId().value());
        model.addAttribute("entries", audit.recent(actor.organizationId().value(), current, AUDIT_PAGE_SIZE));
        model.addAttribute("page", current);
        model.addAttribute("hasNext", (long) (current + 1) * AUDIT_PAGE_SIZE < total);
        model.addAttribute("total", total);
        return "organization/settings-audit";
    }
}
