package org.rpmsync.integrations;

import java.time.Instant;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.ClinicTime;
import org.rpmsync.web.ApiProblem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organization Settings &gt; Integrations: the Tenovi tile (org admins only, via {@code /settings/**}). Pages that
 * reveal a new webhook secret are rendered directly, never redirected, so the secret is not kept in the session.
 */
@Controller
@RequestMapping("/settings/integrations")
class IntegrationsPage {

    private static final String VIEW = "integrations/integrations";

    private final TenoviConnections connections;
    private final ClinicTime clinicTime;

    IntegrationsPage(TenoviConnections connections, ClinicTime clinicTime) {
        this.connections = connections;
        this.clinicTime = clinicTime;
    }

    @GetMapping
    String show(@AuthenticationPrincipal Actor actor, Model model) {
        return page(actor, model, null);
    }

    @GetMapping("/tenovi/link")
    String linkForm(@AuthenticationPrincipal Actor actor, Model model) {
        TenoviConnection connection = connections.status(actor.organizationId());
        return page(actor, model, LinkForm.empty(connection.clientDomain()));
    }

    @PostMapping("/tenovi/link")
    String link(@AuthenticationPrincipal Actor actor, @ModelAttribute LinkForm form, Model model) {
        try {
            LinkOutcome outcome = connections.link(actor, form.clientDomain(), form.apiKey());
            model.addAttribute("secret", outcome.newWebhookSecret());
            message(model, "ok", "Connected to " + outcome.connection().clientDomain());
            return page(actor, model, null);
        } catch (ApiProblem problem) {
            model.addAttribute("error", problem.getMessage());
            return page(actor, model, LinkForm.empty(form.clientDomain()));
        }
    }

    @PostMapping("/tenovi/test")
    String test(@AuthenticationPrincipal Actor actor, Model model) {
        try {
            TenoviConnection connection = connections.test(actor);
            boolean ok = connection.status() == TenoviStatus.CONNECTED;
            message(model, ok ? "ok" : "bad",
                    ok ? "Connected to " + connection.clientDomain() : connection.lastError());
        } catch (ApiProblem problem) {
            message(model, "bad", problem.getMessage());
        }
        return page(actor, model, null);
    }

    @PostMapping("/tenovi/unlink")
    String unlink(@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
        connections.unlink(actor);
        redirect.addFlashAttribute("message", "Tenovi unlinked. The API key was erased; the webhook URL and secret "
                + "stay valid, so Tenovi's webhooks keep working, and your data is kept.");
        redirect.addFlashAttribute("messageKind", "ok");
        return "redirect:/settings/integrations";
    }

    @PostMapping("/tenovi/webhook-secret")
    String rotate(@AuthenticationPrincipal Actor actor, Model model) {
        try {
            model.addAttribute("secret", connections.rotateWebhookSecret(actor));
            message(model, "ok", "New webhook secret created. Update it in Tenovi now; the previous secret keeps "
                    + "working for 24 hours.");
        } catch (ApiProblem problem) {
            message(model, "bad", problem.getMessage());
        }
        return page(actor, model, null);
    }

    @PostMapping("/tenovi/register-webhooks")
    String register(@AuthenticationPrincipal Actor actor, Model model) {
        try {
            WebhookRegistration registration = connections.registerWebhooks(actor);
            model.addAttribute("secret", registration.secret());
            if (registration.registered()) {
                message(model, "ok", "Tenovi now sends measurements and fulfillment updates to RPM Sync with the new "
                        + "secret (webhooks updated: " + registration.updated() + ", stale duplicates removed: "
                        + registration.removed() + ", created: " + registration.created() + ").");
            } else {
                message(model, "warn", "Tenovi did not accept the webhook registration ("
                        + (registration.tenoviStatus() > 0 ? "HTTP " + registration.tenoviStatus() : "no answer")
                        + "). Add the webhooks by hand with the steps below, using the new secret.");
            }
        } catch (ApiProblem problem) {
            message(model, "bad", problem.getMessage());
        }
        return page(actor, model, null);
    }

    private static void message(Model model, String kind, String text) {
        model.addAttribute("message", text);
        model.addAttribute("messageKind", kind);
    }

    private String page(Actor actor, Model model, LinkForm form) {
        TenoviConnection connection = connections.status(actor.organizationId());
        model.addAttribute("tenovi", connection);
        model.addAttribute("form", form);
        model.addAttribute("checkedAt", format(connection.checkedAt()));
        model.addAttribute("lastWebhookAt", format(connection.lastWebhookAt()));
        return VIEW;
    }

    private String format(Instant instant) {
        return instant == null ? null : clinicTime.format(instant);
    }
}
