package org.rpmsync.platform;

import java.util.UUID;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.ApiTokens;
import org.rpmsync.organization.ClinicTime;
import org.rpmsync.organization.IssuedToken;
import org.rpmsync.organization.NewStaff;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.OrganizationDirectory;
import org.rpmsync.organization.OrganizationException;
import org.rpmsync.organization.Role;
import org.rpmsync.organization.ShownOnce;
import org.rpmsync.organization.StaffAccounts;
import org.rpmsync.organization.StaffMember;
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

/** Platform admin pages: organizations, their Tenovi switch, staff and tokens. */
@Controller
@RequestMapping("/admin/organizations")
class PlatformAdminPages {

    private final OrganizationDirectory organizations;
    private final StaffAccounts staff;
    private final ApiTokens tokens;
    private final ClinicTime clock;

    PlatformAdminPages(OrganizationDirectory organizations, StaffAccounts staff, ApiTokens tokens,
                       ClinicTime clock) {
        this.organizations = organizations;
        this.staff = staff;
        this.tokens = tokens;
        this.clock = clock;
    }

    record OrganizationForm(String name, String slug) {
    }

    record StaffForm(String email, String name, String role, String password) {
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("organizations", organizations.all());
        model.addAttribute("form", model.getAttribute("form") == null ? new OrganizationForm("", "") : model.getAttribute("form"));
        return "platform/admin-organizations";
    }

    @PostMapping
    String create(@AuthenticationPrincipal Actor actor, OrganizationForm form, Model model, RedirectAttributes flash) {
        try {
            Organization created = organizations.create(actor, form.name(), form.slug());
            flash.addFlashAttribute("success", "Created " + created.name() + ".");
            return "redirect:/admin/organizations/" + created.slug();
        } catch (OrganizationException e) {
            model.addAttribute("form", form);
            model.addAttribute("error", e);
            return list(model);
        }
    }

    @GetMapping("/{slug}")
    String show(@PathVariable String slug, Model model) {
        Organization organization = organizations.findBySlug(slug)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("organization", organization);
        model.addAttribute("staff", staff.members(organization.id()));
        model.addAttribute("tokens", tokens.list(organization.id()));
        model.addAttribute("revokeBase", "/admin/organizations/" + slug + "/tokens");
        model.addAttribute("times", clock.times(organization.id()));
        if (model.getAttribute("staffForm") == null) {
            model.addAttribute("staffForm", new StaffForm("", "", "ORG_ADMIN", ""));
        }
        return "platform/admin-organization";
    }

    @PostMapping("/{slug}/tenovi")
    String switchTenovi(@AuthenticationPrincipal Actor actor, @PathVariable String slug,
                        @RequestParam boolean enabled, RedirectAttributes flash) {
        organizations.switchTenovi(actor, slug, enabled).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        flash.addFlashAttribute("success", enabled ? "Tenovi is now enabled." : "Tenovi is now disabled.");
        return "redirect:/admin/organizations/" + slug;
    }

    @PostMapping("/{slug}/staff")
    String addStaff(@AuthenticationPrincipal Actor actor, @PathVariable String slug, StaffForm form, Model model,
                    RedirectAttributes flash) {
        Organization organization = organizations.findBySlug(slug)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean generated = form.password() == null || form.password().isEmpty();
        String password = generated ? StaffAccounts.generatePassword() : form.password();
        try {
            Role role = Role.inOrganization(form.role());
            StaffMember member = staff.add(actor, organization.id(), new NewStaff(form.email(), form.name(), role, password));
            flash.addFlashAttribute("success", "Added " + member.name() + ".");
            if (generated) {
                flash.addFlashAttribute("shownOnce", new ShownOnce("Password for " + member.email(), password));
            }
            return "redirect:/admin/organizations/" + slug;
        } catch (OrganizationException e) {
            model.addAttribute("staffForm", form);
            model.addAttribute("error", e);
            return show(slug, model);
        }
    }

    @PostMapping("/{slug}/tokens")
    String issueToken(@AuthenticationPrincipal Actor actor, @PathVariable String slug, @RequestParam String name,
                      RedirectAttributes flash) {
        Organization organization = organizations.findBySlug(slug)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            IssuedToken issued = tokens.issue(actor, organization.id(), name);
            flash.addFlashAttribute("shownOnce", new ShownOnce("API token " + issued.token().name(), issued.secret()));
        } catch (OrganizationException e) {
            flash.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/admin/organizations/" + slug;
    }

    @PostMapping("/{slug}/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal Actor actor, @PathVariable String slug, @PathVariable UUID id,
                       RedirectAttributes flash) {
        Organization organization = organizations.findBySlug(slug)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!tokens.revoke(actor, organization.id(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        flash.addFlashAttribute("success", "The token was revoked. Calls with it now get 401.");
        return "redirect:/admin/organizations/" + slug;
    }
}
