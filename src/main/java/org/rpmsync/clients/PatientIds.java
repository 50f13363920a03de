package org.rpmsync.clients;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.OrganizationId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tenovi Patient IDs. A client's Patient ID is the one saved on its Tenovi panel, or else its externalId; it is
 * unique among the organization's clients. Saving one publishes {@link PatientIdSaved}.
 */
@Service
public class PatientIds {

    static final int MAX_LENGTH = 128;
    private static final String EFFECTIVE = "coalesce(tenovi_patient_id, external_id)";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    PatientIds(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /** The Patient ID to match this client by, if it has one (explicit, else its externalId). */
    public Optional<String> patientId(OrganizationId organization, ClientId client) {
        return jdbc.sql("select " + EFFECTIVE + " from clients where organization_id = ? and id = ?")
                .params(organization.value(), client.value()).query(String.class).optional();
    }

    /** Whether the Patient ID was set on the Tenovi panel (false: it falls back to the externalId). */
    public boolean explicit(OrganizationId organization, ClientId client) {
        return jdbc.sql("select tenovi_patient_id is not null from clients where organization_id = ? and id = ?")
                .params(organization.value(), client.value()).query(Boolean.class).optional().orElse(false);
    }

    public Optional<ClientId> clientWith(OrganizationId organization, String patientId) {
        if (patientId == null || patientId.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select id from clients where organization_id = ? and " + EFFECTIVE + " = ? order by created_at")
                .params(organization.value(), patientId.strip()).query(UUID.class).list().stream().findFirst()
                .map(ClientId::of);
    }

    /** As {@link #clientWith}, for several Patient IDs in one query: the client of each that one has. */
    public Map<String, ClientId> clientsWith(OrganizationId organization, Collection<String> patientIds) {
        List<String> wanted = patientIds.stream().filter(p -> p != null && !p.isBlank()).map(String::strip)
                .distinct().toList();
        Map<String, ClientId> byStripped = new HashMap<>();
        if (!wanted.isEmpty()) {
            jdbc.sql("select id, " + EFFECTIVE + " as patient_id from clients where organization_id = :org and "
                            + EFFECTIVE + " in (:ids) order by created_at")
                    .param("org", organization.value()).param("ids", wanted)
                    .query(rs -> {
                        ClientId client = ClientId.of(rs.getObject("id", UUID.class));
                        byStripped.putIfAbsent(rs.getString("patient_id"), client);
                    });
        }
        Map<String, ClientId> clients = new HashMap<>();
        patientIds.stream().filter(p -> p != null && byStripped.containsKey(p.strip()))
                .forEach(p -> clients.put(p, byStripped.get(p.strip())));
        return clients;
    }

    @Transactional
    public String save(OrganizationId organization, Actor actor, ClientId client, String patientId) {
        String value = patientId == null ? "" : patientId.strip();
        if (value.isEmpty()) {
            throw new MappingRejected("invalid_input", "patientId: enter the client's Tenovi Patient ID", null);
        }
        if (value.length() > MAX_LENGTH) {
            throw new MappingRejected("invalid_input", "patientId: use at most " + MAX_LENGTH + " characters", null);
        }
        Optional<ClientId> holder = clientWith(organization, value).filter(other -> !other.equals(client));
        if (holder.isPresent()) {
            throw new MappingRejected("patient_id_taken", "Another client of this organization has Patient ID "
                    + value + ".", holder.get());
        }
        int changed = jdbc.sql("update clients set tenovi_patient_id = ?, updated_at = current_timestamp "
                        + "where organization_id = ? and id = ?")
                .params(value, organization.value(), client.value()).update();
        if (changed == 0) {
            throw new MappingRejected("not_found", "Client was not found.", null);
        }
        audit.record(AuditEntry.success(organization.value(), actor.auditName(), "PATIENT_ID_SAVED", "client",
                client.toString()));
        events.publishEvent(new PatientIdSaved(organization, client, value));
        return value;
    }
}
