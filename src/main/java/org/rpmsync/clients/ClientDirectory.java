package org.rpmsync.clients;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The clinic's clients: find, search, create, update and bulk upsert, always inside one organization. Views and
 * changes are audited ({@code CLIENT_VIEWED}, {@code CLIENT_CREATED}, {@code CLIENT_UPDATED}, target type
 * {@code client}); an id of another organization is treated exactly like an unknown one and audited as DENIED.
 */
@Service
public class ClientDirectory {

    private final ClientStore store;
    private final BulkUpsert bulk;
    private final AuditLog audit;
    private final ClientSettings settings;

    ClientDirectory(ClientStore store, BulkUpsert bulk, AuditLog audit, ClientSettings settings) {
        this.store = store;
        this.bulk = bulk;
        this.audit = audit;
        this.settings = settings;
    }

    /** The client, if it belongs to the organization. Not audited: for internal lookups, not for showing PHI. */
    public Optional<Client> find(OrganizationId organization, ClientId id) {
        return store.find(organization, id);
    }

    /** Those of the clients that belong to the organization, by id. Not audited, like {@link #find}. */
    public Map<UUID, Client> findAll(OrganizationId organization, Collection<UUID> ids) {
        Map<UUID, Client> found = new HashMap<>();
        store.withIds(organization, ids).forEach(c -> found.put(c.id().value(), c));
        return found;
    }

    /** The organization's client with exactly this externalId (e.g. a Tenovi Patient ID). Not audited. */
    public Optional<Client> findByExternalId(OrganizationId organization, String externalId) {
        String key = blankToNull(externalId);
        return key == null ? Optional.empty() : store.withExternalIds(organization, List.of(key)).stream().findFirst();
    }

    /** The client for showing to {@code actor}; audits CLIENT_VIEWED with {@code section} (e.g. "reports"). */
    public Optional<Client> view(OrganizationId organization, Actor actor, ClientId id, String section) {
        Optional<Client> client = store.find(organization, id);
        record(organization, actor, "CLIENT_VIEWED", id.toString(), client.isPresent(), section);
        return client;
    }

    /** As {@link #view(OrganizationId, Actor, ClientId, String)} for an id from a URL; not a UUID = unknown. */
    public Optional<Client> view(OrganizationId organization, Actor actor, String id, String section) {
        Optional<ClientId> parsed = ClientId.parse(id);
        if (parsed.isEmpty()) {
            record(organization, actor, "CLIENT_VIEWED", id, false, section);
            return Optional.empty();
        }
        return view(organization, actor, parsed.get(), section);
    }

    /** Clients matching {@code query} (name, email or externalId, any case) and exactly {@code externalId}. */
    public ClientPage search(OrganizationId organization, String query, String externalId, int page, int size) {
        return store.search(organization, blankToNull(query), blankToNull(externalId), Math.max(page, 0),
                Math.max(size, 1));
    }

    /** Creates a client; throws {@link ClientRejected} ({@code invalid_input}, {@code external_id_taken}). */
    public Client create(OrganizationId organization, Actor actor, ClientDetails details) {
        ClientDetails d = ClientRules.check(details, settings.defaultTimeZone()).orThrow();
        Client client = new Client(ClientId.of(UUID.randomUUID()), organization, d.firstName(), d.lastName(),
                d.email(), d.externalId(), ZoneId.of(d.timeZone()), Instant.now().truncatedTo(ChronoUnit.MICROS));
        try {
            store.insert(client);
        } catch (DuplicateKeyException e) {
            throw ClientRejected.externalIdTaken();
        }
        record(organization, actor, "CLIENT_CREATED", client.id().toString(), true, null);
        return client;
    }

    /**
     * Replaces the client's details; empty when the id is unknown in the organization (audited as DENIED).
     * Throws {@link ClientRejected} like {@link #create}.
     */
    public Optional<Client> update(OrganizationId organization, Actor actor, ClientId id, ClientDetails details) {
        Optional<Client> current = store.find(organization, id);
        if (current.isEmpty()) {
            record(organization, actor, "CLIENT_UPDATED", id.toString(), false, null);
            return Optional.empty();
        }
        ClientDetails d = ClientRules.check(details, settings.defaultTimeZone()).orThrow();
        try {
            store.update(organization, id, d, Instant.now());
        } catch (DuplicateKeyException e) {
            throw ClientRejected.externalIdTaken();
        }
        record(organization, actor, "CLIENT_UPDATED", id.toString(), true, null);
        Client before = current.get();
        return Optional.of(new Client(id, organization, d.firstName(), d.lastName(), d.email(), d.externalId(),
                ZoneId.of(d.timeZone()), before.createdAt()));
    }

    /** As {@link #update(OrganizationId, Actor, ClientId, ClientDetails)} for an id from a URL. */
    public Optional<Client> update(OrganizationId organization, Actor actor, String id, ClientDetails details) {
        Optional<ClientId> parsed = ClientId.parse(id);
        if (parsed.isEmpty()) {
            record(organization, actor, "CLIENT_UPDATED", id, false, null);
            return Optional.empty();
        }
        return update(organization, actor, parsed.get(), details);
    }

    /**
     * Creates, updates or leaves unchanged each row (matched by externalId, else email), in one transaction; one
     * result per row, in order. More than 1,000 rows is rejected as a whole ({@code too_many_rows}).
     */
    public List<BulkUpsertResult> bulkUpsert(OrganizationId organization, Actor actor, List<ClientDetails> rows) {
        if (rows.size() > BulkUpsert.MAX_ROWS) {
            throw new ClientRejected("too_many_rows", List.of(new ClientRejected.FieldProblem("users",
                    "send at most " + BulkUpsert.MAX_ROWS + " rows per request")));
        }
        try {
            return bulk.run(organization, actor, rows, settings.defaultTimeZone());
        } catch (DuplicateKeyException e) {
            // Only when another request took one of these externalIds meanwhile; the whole batch rolled back.
            throw ClientRejected.externalIdTaken();
        }
    }

    /** The IANA zone a client gets when none is given ({@code rpmsync.clients.default-time-zone}). */
    public String defaultTimeZone() {
        return settings.defaultTimeZone();
    }

    private void record(OrganizationId organization, Actor actor, String action, String target, boolean found,
                        String section) {
        String targetId = target == null || target.length() <= 64 ? target : target.substring(0, 64);
        AuditEntry entry = found
                ? AuditEntry.success(organization.value(), actor.auditName(), action, "client", targetId)
                : AuditEntry.denied(organization.value(), actor.auditName(), action, "client", targetId)
                        .withDetail("not found in this organization");
        audit.record(section == null || !found ? entry : entry.withDetail(section));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
