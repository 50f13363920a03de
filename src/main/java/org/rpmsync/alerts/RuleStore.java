package org.rpmsync.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The organization's rules (client null) and clients' own, as JSON in {@code care_alert_rules}. */
@Repository
class RuleStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RuleStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<AlertRules> find(UUID organization, UUID client) {
        return jdbc.sql("select rules from care_alert_rules where organization_id = ? and "
                        + (client == null ? "client_id is null" : "client_id = ?"))
                .params(client == null ? new Object[] {organization} : new Object[] {organization, client})
                .query(String.class).optional().map(this::read);
    }

    /** The rules that apply to the client: its own, else the organization's, else the defaults. */
    AlertRules effective(UUID organization, UUID client) {
        return find(organization, client).or(() -> find(organization, null)).orElse(AlertRules.DEFAULTS);
    }

    /** As {@link #effective(UUID, UUID)}, for several clients with one query. */
    Map<UUID, AlertRules> effective(UUID organization, Collection<UUID> clients) {
        Map<UUID, String> own = new HashMap<>();
        List<String> organizationWide = new ArrayList<>();
        if (!clients.isEmpty()) {
            jdbc.sql("select client_id, rules from care_alert_rules where organization_id = :org "
                            + "and (client_id is null or client_id in (:clients))")
                    .param("org", organization).param("clients", List.copyOf(clients))
                    .query(rs -> {
                        UUID client = rs.getObject(1, UUID.class);
                        if (client == null) {
                            organizationWide.add(rs.getString(2));
                        } else {
                            own.put(client, rs.getString(2));
                        }
                    });
        }
        AlertRules fallback = organizationWide.isEmpty() ? AlertRules.DEFAULTS : read(organizationWide.get(0));
        Map<UUID, AlertRules> rules = new HashMap<>();
        clients.forEach(c -> rules.put(c, own.containsKey(c) ? read(own.get(c)) : fallback));
        return rules;
    }

    void save(UUID organization, UUID client, AlertRules rules, String by) {
        String text = write(rules);
        int updated = jdbc.sql("update care_alert_rules set rules = ?, updated_at = ?, updated_by = ? "
                        + "where organization_id = ? and " + (client == null ? "client_id is null" : "client_id = ?"))
                .params(client == null ? new Object[] {text, Timestamp.from(Instant.now()), by, organization}
                        : new Object[] {text, Timestamp.from(Instant.now()), by, organization, client})
                .update();
        if (updated == 0) {
            jdbc.sql("insert into care_alert_rules (id, organization_id, client_id, rules, updated_at, updated_by) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), organization, client, text, Timestamp.from(Instant.now()), by).update();
        }
    }

    boolean delete(UUID organization, UUID client) {
        return jdbc.sql("delete from care_alert_rules where organization_id = ? and client_id = ?")
                .params(organization, client).update() > 0;
    }

    private AlertRules read(String text) {
        try {
            return json.readValue(text, AlertRules.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("stored alert rules are not readable", e);
        }
    }

    private String write(AlertRules rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
