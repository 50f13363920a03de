package org.rpmsync.alerts;

import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.organization.Actor;
import org.rpmsync.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Spec §7 rules (organization and client). Invalid rules are refused whole: nothing half-saved. */
@RestController
class AlertRulesApi {

    private final Alerts alerts;
    private final ClientDirectory clients;

    AlertRulesApi(Alerts alerts, ClientDirectory clients) {
        this.alerts = alerts;
        this.clients = clients;
    }

    @GetMapping("/api/v1/alert-rules")
    AlertRules organizationRules(@AuthenticationPrincipal Actor actor) {
        return alerts.effectiveRules(actor.organizationId(), null);
    }

    @PutMapping("/api/v1/alert-rules")
    AlertRules saveOrganizationRules(@AuthenticationPrincipal Actor actor, @RequestBody AlertRules rules) {
        validate(rules);
        alerts.saveRules(actor.organizationId(), actor, null, rules);
        return alerts.effectiveRules(actor.organizationId(), null);
    }

    @GetMapping("/api/v1/users/{id}/alert-rules")
    AlertRules clientRules(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return alerts.effectiveRules(actor.organizationId(), client(actor, id).id().value());
    }

    @PutMapping("/api/v1/users/{id}/alert-rules")
    AlertRules saveClientRules(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                               @RequestBody AlertRules rules) {
        Client client = client(actor, id);
        validate(rules);
        alerts.saveRules(actor.organizationId(), actor, client.id().value(), rules);
        return alerts.effectiveRules(actor.organizationId(), client.id().value());
    }

    @DeleteMapping("/api/v1/users/{id}/alert-rules")
    ResponseEntity<Void> resetClientRules(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        alerts.resetRules(actor.organizationId(), actor, client(actor, id).id().value());
        return ResponseEntity.noContent().build();
    }

    private Client client(Actor actor, String id) {
        return clients.view(actor.organizationId(), actor, id, "care api")
                .orElseThrow(() -> ApiProblem.notFound("User"));
    }

    private static void validate(AlertRules rules) {
        if (rules == null) {
            throw ApiProblem.invalid("rules", "a rules object is required");
        }
        var problems = rules.problems();
        if (!problems.isEmpty()) {
            String first = problems.get(0);
            throw ApiProblem.invalid(first.substring(0, first.indexOf(':')), first.substring(first.indexOf(':') + 2));
        }
    }
}
