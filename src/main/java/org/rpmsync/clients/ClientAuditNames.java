package org.rpmsync.clients;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rpmsync.audit.AuditNames;
import org.rpmsync.organization.OrganizationId;
import org.springframework.stereotype.Component;

/** Names clients in the audit log (target type {@code client}). Not audited itself: it reads names only. */
@Component
class ClientAuditNames implements AuditNames {

    private final ClientDirectory clients;

    ClientAuditNames(ClientDirectory clients) {
        this.clients = clients;
    }

    @Override
    public String targetType() {
        return "client";
    }

    @Override
    public Map<String, String> names(UUID organizationId, Collection<String> targetIds) {
        var ids = targetIds.stream().map(ClientId::parse).flatMap(Optional::stream).map(ClientId::value).toList();
        return clients.findAll(OrganizationId.of(organizationId), ids).values().stream()
                .collect(Collectors.toMap(c -> c.id().toString(), Client::displayName));
    }
}
