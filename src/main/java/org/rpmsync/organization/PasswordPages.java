package org.rpmsync.organization;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in staff member changes their own password; someone with a reset link sets a new one. The reset
 * page reads the link's secret from the URL fragment into a hidden field (static/js/app.js), so it is posted in
 * the body and never appears in a request line or log.
 */
@Controller
class PasswordPages {

    private final StaffPasswords passwords;

    PasswordPages(StaffPasswords passwords) {
        this.passwords = passwords;
    }

    record ChangeForm(String current, String password, String confirm) {
    }

    record ResetForm(String token, String password, String confirm) {
    }

    @GetMapping("/account/password")
    String change() {
        return "organization/account-password";
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal Actor actor, ChangeForm form, Model model, RedirectAttributes flash) {
        try {
            confirmed(form.password(), form.confirm());
            passwords.changeOwn(actor, form.current(), form.password());
            flash.addFlashAttribute("success", "Your password is changed.");
            return "redirect:/account/password";
        } catch (OrganizationException e) {
            model.addAttribute("error", e);
            return "organization/account-password";
        }
    }

    @GetMapping("/password-reset")
    String reset() {
        return "organization/password-reset";
    }

    @PostMapping("/password-reset")
    String reset(ResetForm form, Model model) {
        try {
            confirmed(form.password(), form.confirm());
            passwords.redeem(form.token(), form.password());
            return "redirect:/login?reset";
        } catch (OrganizationException e) {
            model.addAttribute("error", e);
            return "organization/password-reset";
        }
    }

    private static void confirmed(String password, String confirm) {
        if (password == null || !password.equals(confirm)) {
            throw new OrganizationException("invalid_input", "confirm: the two new passwords differ");
        }
    }
}
