package org.rpmsync.clients;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.OrganizationId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates or updates many clients at once: each row is matched by externalId, else by email, within the
 * organization. Existing matches are loaded with two IN queries and written with batch statements, in one
 * transaction; a bad row becomes an error result and never stops the others.
 */
@Component
class BulkUpsert {

    static final int MAX_ROWS = 1000;

    private final ClientStore store;
    private final AuditLog audit;

    BulkUpsert(ClientStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @Transactional
    List<BulkUpsertResult> run(OrganizationId organization, Actor actor, List<ClientDetails> rows, String defaultZone) {
        Set<String> externalIds = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (ClientDetails row : rows) {
            if (row != null) {
                addIfPresent(externalIds, strip(row.externalId()));
                addIfPresent(emails, emailKey(row.email()));
            }
        }
        Map<String, Client> byExternalId = new HashMap<>();
        store.withExternalIds(organization, externalIds).forEach(c -> byExternalId.put(c.externalId(), c));
        Map<String, List<Client>> byEmail = new HashMap<>();
        store.withEmails(organization, emails)
                .forEach(c -> byEmail.computeIfAbsent(emailKey(c.email()), k -> new ArrayList<>()).add(c));

        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<BulkUpsertResult> results = new ArrayList<>(rows.size());
        List<Client> inserts = new ArrayList<>();
        List<Client> updates = new ArrayList<>();
        Set<String> seenExternalIds = new HashSet<>();
        Set<String> seenEmails = new HashSet<>();
        Set<ClientId> seenClients = new HashSet<>();
        for (int index = 0; index < rows.size(); index++) {
            ClientDetails row = rows.get(index);
            if (row == null) {
                results.add(BulkUpsertResult.error(index, "invalid_input", "the row is empty"));
                continue;
            }
            String externalId = strip(row.externalId());
            String email = emailKey(row.email());
            boolean duplicate = externalId != null ? !seenExternalIds.add(externalId)
                    : email != null && seenEmails.contains(email);
            addIfPresent(seenEmails, email);
            if (duplicate) {
                results.add(duplicate(index));
                continue;
            }
            List<Client> candidates = byEmail.getOrDefault(email, List.of()).stream()
                    .filter(c -> externalId == null || c.externalId() == null).toList();
            Client match = externalId == null ? null : byExternalId.get(externalId);
            if (match == null && candidates.size() > 1) {
                results.add(BulkUpsertResult.error(index, "ambiguous_email",
                        "email: several clients have this email; give an externalId"));
                continue;
            }
            if (match == null && candidates.size() == 1) {
                match = candidates.get(0);
            }
            if (match != null && !seenClients.add(match.id())) {
                results.add(duplicate(index));
                continue;
            }
            ClientDetails wanted = match == null ? row : merged(row, match);
            ClientRules.Checked checked = ClientRules.check(wanted, defaultZone);
            if (!checked.valid()) {
                var problem = checked.problems().get(0);
                results.add(BulkUpsertResult.error(index, "invalid_input", problem.field() + ": " + problem.message()));
                continue;
            }
            ClientDetails d = checked.details();
            if (match == null) {
                Client created = new Client(ClientId.of(UUID.randomUUID()), organization, d.firstName(), d.lastName(),
                        d.email(), d.externalId(), ZoneId.of(d.timeZone()), now);
                inserts.add(created);
                results.add(new BulkUpsertResult(index, BulkUpsertResult.Status.CREATED, created.id(), null, null));
            } else if (d.equals(match.details())) {
                results.add(new BulkUpsertResult(index, BulkUpsertResult.Status.UNCHANGED, match.id(), null, null));
            } else {
                updates.add(new Client(match.id(), organization, d.firstName(), d.lastName(), d.email(),
                        d.externalId(), ZoneId.of(d.timeZone()), match.createdAt()));
                results.add(new BulkUpsertResult(index, BulkUpsertResult.Status.UPDATED, match.id(), null, null));
            }
        }
        store.insertAll(inserts);
        store.updateAll(organization, updates, now);
        audit.recordAll(auditEntries(organization, actor, inserts, updates));
        return results;
    }

    /** On an update, an absent email, externalId or time zone keeps the client's current value. */
    private static ClientDetails merged(ClientDetails row, Client current) {
        return new ClientDetails(row.firstName(), row.lastName(),
                strip(row.email()) == null ? current.email() : row.email(),
                strip(row.externalId()) == null ? current.externalId() : row.externalId(),
                strip(row.timeZone()) == null ? current.timeZone().getId() : row.timeZone());
    }

    private static List<AuditEntry> auditEntries(OrganizationId organization, Actor actor, List<Client> inserts,
                                                 List<Client> updates) {
        List<AuditEntry> entries = new ArrayList<>(inserts.size() + updates.size());
        inserts.forEach(c -> entries.add(entry(organization, actor, "CLIENT_CREATED", c)));
        updates.forEach(c -> entries.add(entry(organization, actor, "CLIENT_UPDATED", c)));
        return entries;
    }

    private static AuditEntry entry(OrganizationId organization, Actor actor, String action, Client client) {
        return AuditEntry.success(organization.value(), actor.auditName(), action, "client", client.id().toString())
                .withDetail("bulk upsert");
    }

    private static BulkUpsertResult duplicate(int index) {
        return BulkUpsertResult.error(index, "duplicate_in_batch",
                "an earlier row of this batch already has this externalId or email");
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }

    private static String emailKey(String email) {
        String stripped = strip(email);
        return stripped == null ? null : stripped.toLowerCase(Locale.ROOT);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
