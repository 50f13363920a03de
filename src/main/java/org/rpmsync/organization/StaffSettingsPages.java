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

/** Organization Settings &gt; Staff: an org admin adds staff, changes roles, deactivates and issues reset links. */
@Controller
@RequestMapping("/settings/staff")
class StaffSettingsPages {

    private final StaffAccounts staff;
    private final StaffLifecycle lifecycle;
    private final StaffPasswords passwords;
    private final ClinicTime clock;

    StaffSettingsPages(StaffAccounts staff, StaffLifecycle lifecycle, StaffPasswords passwords, ClinicTime clock) {
        this.staff = staff;
        this.lifecycle = lifecycle;
        this.passwords = passwords;
        this.clock = clock;
    }

    record StaffForm(String email, String name, String role, String password) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("staff", staff.members(actor.organizationId()));
        model.addAttribute("me", actor.auditName());
        model.addAttribute("times", clock.times(actor.organizationId()));
        if (model.getAttribute("staffForm") == null) {
            model.addAttribute("staffForm", new StaffForm("", "", "PRACTITIONER", ""));
        }
        return "organization/settings-staff";
    }

    @PostMapping
    String add(@AuthenticationPrincipal Actor actor, StaffForm form, Model model, RedirectAttributes flash) {
        boolean generated = form.password() == null || form.password().isEmpty();
        String password = generated ? StaffAccounts.generatePassword() : form.password();
        try {
            Role role = Role.inOrganization(form.role());
            StaffMember member = staff.add(actor, actor.organizationId(),
                    new NewStaff(form.email(), form.name(), role, password));
            flash.addFlashAttribute("success", "Added " + member.name() + ".");
            if (generated) {
                flash.addFlashAttribute("shownOnce", new ShownOnce("Password for " + member.email(), password));
            }
            return "redirect:/settings/staff";
        } catch (OrganizationException e) {
            model.addAttribute("staffForm", new StaffForm(form.email(), form.name(), form.role(), ""));
            model.addAttribute("error", e);
            return list(actor, model);
        }
    }

    @PostMapping("/{id}/role")
    String role(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestParam String role,
                RedirectAttributes flash) {
        return act(flash, () -> {
            StaffMember m = lifecycle.changeRole(actor, actor.organizationId(), id, Role.inOrganization(role));
            return m.name() + " is now " + m.role().label() + ". Their open sessions have ended.";
        });
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes flash) {
        return act(flash, () -> lifecycle.deactivate(actor, actor.organizationId(), id).name()
                + " is deactivated and signed out. Their audit history stays.");
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes flash) {
        return act(flash, () -> lifecycle.reactivate(actor, actor.organizationId(), id).name() + " can sign in again.");
    }

    @PostMapping("/{id}/password-reset")
    String reset(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes flash) {
        return act(flash, () -> {
            PasswordReset reset = passwords.issueReset(actor, actor.organizationId(), id);
            if (reset.mailed()) {
                return "A reset link was e-mailed to " + reset.member().email() + ". It works once, for 24 hours.";
            }
            flash.addFlashAttribute("shownOnce", new ShownOnce("Reset link for " + reset.member().email()
                    + " (works once, for 24 hours)", reset.link()));
            return "Give " + reset.member().name() + " this link; it is not shown again.";
        });
    }

    private interface Change {
        String apply();
    }

    private static String act(RedirectAttributes flash, Change change) {
        try {
            flash.addFlashAttribute("success", change.apply());
        } catch (OrganizationException e) {
            if ("not_found".equals(e.code())) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            flash.addFlashAttribute("failure", e.getMessage().substring(e.getMessage().indexOf(':') + 1).strip());
        }
        return "redirect:/settings/staff";
    }
}
