package org.rpmsync.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rpmsync.organization.OrganizationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code clients} table, in plain SQL. Every statement is scoped by the organization. */
@Repository
class ClientStore {

    private static final String COLUMNS =
            "id, organization_id, first_name, last_name, email, external_id, time_zone, created_at";
    private static final String INSERT = """
            insert into clients (id, organization_id, first_name, last_name, email, external_id, time_zone,
                                 created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE = """
            update clients set first_name = ?, last_name = ?, email = ?, external_id = ?, time_zone = ?,
                               updated_at = ?
            where id = ? and organization_id = ?""";

    private static final int CHUNK = 250;
    private static final String MERGE_START = "merge into clients c using (values ";
    private static final String MERGE_ROW = "(cast(? as uuid), cast(? as varchar(100)), cast(? as varchar(100)), "
            + "cast(? as varchar(320)), cast(? as varchar(128)), cast(? as varchar(64)))";
    private static final String MERGE_END = """
            ) as v (id, first_name, last_name, email, external_id, time_zone)
            on c.id = v.id and c.organization_id = ?
            when matched then update set first_name = v.first_name, last_name = v.last_name, email = v.email,
                external_id = v.external_id, time_zone = v.time_zone, updated_at = ?""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ClientStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Optional<Client> find(OrganizationId organization, ClientId id) {
        return jdbc.sql("select " + COLUMNS + " from clients where organization_id = ? and id = ?")
                .params(organization.value(), id.value()).query(ClientStore::client).optional();
    }

    ClientPage search(OrganizationId organization, String query, String externalId, int page, int size) {
        StringBuilder where = new StringBuilder(" from clients where organization_id = :org");
        if (externalId != null) {
            where.append(" and external_id = :externalId");
        }
        if (query != null) {
            where.append(" and (lower(first_name) like :q escape '\\' or lower(last_name) like :q escape '\\'"
                    + " or lower(first_name || ' ' || last_name) like :q escape '\\'"
                    + " or lower(email) like :q escape '\\' or lower(external_id) like :q escape '\\'"
                    + " or lower(tenovi_patient_id) like :q escape '\\'"
                    + " or exists (select 1 from device_assignments d where d.organization_id = :org"
                    + " and d.client_id = clients.id and lower(d.device_id) like :q escape '\\'))");
        }
        String pattern = query == null ? null : "%" + query.toLowerCase()
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        long total = bind(jdbc.sql("select count(*)" + where), organization, externalId, pattern)
                .query(Long.class).single();
        List<Client> items = bind(jdbc.sql("select " + COLUMNS + where
                        + " order by lower(last_name), lower(first_name), id limit :limit offset :offset"),
                organization, externalId, pattern)
                .param("limit", size).param("offset", (long) page * size)
                .query(ClientStore::client).list();
        return new ClientPage(items, page, size, total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, OrganizationId organization,
                                                 String externalId, String pattern) {
        spec = spec.param("org", organization.value());
        if (externalId != null) {
            spec = spec.param("externalId", externalId);
        }
        return pattern == null ? spec : spec.param("q", pattern);
    }

    List<Client> withIds(OrganizationId organization, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from clients where organization_id = :org and id in (:ids)")
                .param("org", organization.value()).param("ids", List.copyOf(ids))
                .query(ClientStore::client).list();
    }

    List<Client> withExternalIds(OrganizationId organization, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from clients where organization_id = :org and external_id in (:ids)")
                .param("org", organization.value()).param("ids", List.copyOf(externalIds))
                .query(ClientStore::client).list();
    }

    /** Clients whose email matches one of {@code lowerCaseEmails}, ignoring case. */
    List<Client> withEmails(OrganizationId organization, Collection<String> lowerCaseEmails) {
        if (lowerCaseEmails.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from clients where organization_id = :org and lower(email) in (:emails)")
                .param("org", organization.value()).param("emails", List.copyOf(lowerCaseEmails))
                .query(ClientStore::client).list();
    }

    void insert(Client client) {
        batch.update(INSERT, insertRow(client));
    }

    boolean update(OrganizationId organization, ClientId id, ClientDetails details, Instant now) {
        return batch.update(UPDATE, updateRow(organization, id, details, now)) == 1;
    }

    /** Multi-row inserts, {@value #CHUNK} rows a statement. */
    void insertAll(List<Client> clients) {
        for (int from = 0; from < clients.size(); from += CHUNK) {
            List<Client> chunk = clients.subList(from, Math.min(clients.size(), from + CHUNK));
            List<Object> params = new ArrayList<>(chunk.size() * 9);
            chunk.forEach(c -> params.addAll(Arrays.asList(insertRow(c))));
            jdbc.sql(INSERT + ", (?, ?, ?, ?, ?, ?, ?, ?, ?)".repeat(chunk.size() - 1)).params(params).update();
        }
    }

    /** Multi-row updates: one MERGE of {@value #CHUNK} rows a statement (PostgreSQL 15+ and H2 accept it). */
    void updateAll(OrganizationId organization, List<Client> clients, Instant now) {
        for (int from = 0; from < clients.size(); from += CHUNK) {
            List<Client> chunk = clients.subList(from, Math.min(clients.size(), from + CHUNK));
            List<Object> params = new ArrayList<>(chunk.size() * 6 + 2);
            for (Client c : chunk) {
                params.addAll(Arrays.asList(c.id().value(), c.firstName(), c.lastName(), c.email(), c.externalId(),
                        c.timeZone().getId()));
            }
            params.add(organization.value());
            params.add(Timestamp.from(now));
            jdbc.sql(MERGE_START + String.join(", ", Collections.nCopies(chunk.size(), MERGE_ROW)) + MERGE_END)
                    .params(params).update();
        }
    }

    private static Object[] insertRow(Client c) {
        Timestamp created = Timestamp.from(c.createdAt());
        return new Object[] {c.id().value(), c.organizationId().value(), c.firstName(), c.lastName(), c.email(),
                c.externalId(), c.timeZone().getId(), created, created};
    }

    private static Object[] updateRow(OrganizationId organization, ClientId id, ClientDetails d, Instant now) {
        return new Object[] {d.firstName(), d.lastName(), d.email(), d.externalId(), d.timeZone(),
                Timestamp.from(now), id.value(), organization.value()};
    }

    private static Client client(ResultSet rs, int row) throws SQLException {
        return new Client(ClientId.of(rs.getObject("id", UUID.class)),
                OrganizationId.of(rs.getObject("organization_id", UUID.class)), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("email"), rs.getString("external_id"),
                ZoneId.of(rs.getString("time_zone")), rs.getTimestamp("created_at").toInstant());
    }
}
