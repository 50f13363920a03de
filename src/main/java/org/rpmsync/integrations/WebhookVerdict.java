package org.rpmsync.integrations;

import java.util.Optional;
import org.rpmsync.organization.OrganizationId;

/**
 * The webhook endpoint's answer for one delivery: whose webhook key it was sent to (empty for an unknown key) and
 * whether the secret in the configured header matched.
 */
public record WebhookVerdict(Optional<OrganizationId> owner, boolean accepted) {

    static WebhookVerdict unknown() {
        return new WebhookVerdict(Optional.empty(), false);
    }
}
