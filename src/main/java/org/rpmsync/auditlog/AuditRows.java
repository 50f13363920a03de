package org.rpmsync.auditlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rpmsync.audit.AuditActions;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditNames;
import org.rpmsync.organization.ApiTokens;
import org.rpmsync.organization.OrganizationId;
import org.rpmsync.organization.StaffAccounts;
import org.springframework.stereotype.Component;

/** Turns audit entries into {@link AuditRow}s: staff, token and client names, and plain-language actions. */
@Component
class AuditRows {

    private static final int NAMES_PER_LOOKUP = 1000;

    private final StaffAccounts staff;
    private final ApiTokens tokens;
    private final List<AuditNames> names;

    AuditRows(StaffAccounts staff, ApiTokens tokens, List<AuditNames> names) {
        this.staff = staff;
        this.tokens = tokens;
        this.names = names;
    }

    List<AuditRow> rows(OrganizationId organization, List<AuditEntry> entries) {
        Map<String, String> people = new HashMap<>();
        Map<String, Map<String, String>> targets = new HashMap<>();
        Map<String, String> staffById = new HashMap<>();
        staff.members(organization).forEach(m -> {
            people.put(m.email(), m.name());
            staffById.put(m.id().toString(), m.name());
        });
        targets.put("staff", staffById);
        Map<String, String> tokenNames = new HashMap<>();
        tokens.list(organization).forEach(t -> tokenNames.put(t.id().toString(), "API token " + t.name()));
        targets.put("api_token", tokenNames);
        for (AuditNames named : names) {
            List<String> ids = entries.stream().filter(e -> named.targetType().equals(e.targetType()))
                    .map(AuditEntry::targetId).filter(Objects::nonNull).distinct().toList();
            Map<String, String> found = new HashMap<>();
            for (int i = 0; i < ids.size(); i += NAMES_PER_LOOKUP) {
                found.putAll(named.names(organization.value(), ids.subList(i, Math.min(ids.size(), i + NAMES_PER_LOOKUP))));
            }
            targets.put(named.targetType(), found);
        }
        List<AuditRow> rows = new ArrayList<>(entries.size());
        for (AuditEntry e : entries) {
            String target = targets.getOrDefault(e.targetType(), Map.of()).get(e.targetId());
            rows.add(new AuditRow(e.occurredAt(), who(e.actor(), people), e.actor(), AuditActions.describe(e.action()),
                    e.action(), target != null ? target : unnamed(e.targetType()), e.targetId(),
                    "client".equals(e.targetType()) && target != null ? e.targetId() : null,
                    outcome(e.outcome()), e.detail()));
        }
        return rows;
    }

    /** The name of one target, e.g. of the client whose access history is shown. */
    String targetName(OrganizationId organization, String targetType, String targetId) {
        return rows(organization, List.of(new AuditEntry(null, organization.value(), "", "", targetType, targetId,
                AuditEntry.Outcome.SUCCESS, null))).get(0).target();
    }

    /** A staff member's name, "API token X" for a token, "RPM Sync" for the application itself. */
    static String who(String actor, Map<String, String> people) {
        if (people.containsKey(actor)) {
            return people.get(actor);
        }
        if (actor.startsWith("token:")) {
            return "API token " + actor.substring("token:".length());
        }
        if (actor.startsWith("system:")) {
            return "RPM Sync (" + actor.substring("system:".length()) + ")";
        }
        return actor;
    }

    private static String unnamed(String targetType) {
        return switch (targetType) {
            case "client" -> "Unknown client";
            case "staff" -> "Staff member of another organization";
            case "api_token" -> "API token";
            case "organization" -> "The organization";
            default -> targetType;
        };
    }

    private static String outcome(AuditEntry.Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> "Done";
            case DENIED -> "Refused";
            case FAILED -> "Failed";
        };
    }
}
