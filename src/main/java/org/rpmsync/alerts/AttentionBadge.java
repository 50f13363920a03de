package org.rpmsync.alerts;

import jakarta.servlet.http.HttpServletRequest;
import org.rpmsync.organization.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The count of open alerts beside *Needs attention* in the navigation, on every page of organization staff. */
@ControllerAdvice(annotations = Controller.class)
class AttentionBadge {

    private final Alerts alerts;

    AttentionBadge(Alerts alerts) {
        this.alerts = alerts;
    }

    @ModelAttribute("attentionCount")
    Long attentionCount(@AuthenticationPrincipal Actor actor, HttpServletRequest request) {
        if (actor == null || actor.organization().isEmpty() || request.getRequestURI().startsWith("/api/")) {
            return null;
        }
        return alerts.openCount(actor.organization().get());
    }
}
