package org.rpmsync.measurements;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rpmsync.organization.OrganizationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Each client's data flow (table {@code client_activity}), kept by {@link Attribution} as readings reach their
 * client, so the organization overview never reads the readings of 10,000 clients to find the quiet ones; and
 * the devices that sent a client's readings, for the client's dashboard.
 */
@Service
public class ClientActivities {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ClientActivities(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The organization's clients whose newest reading was received before {@code since}, longest quiet first. */
    public List<ClientActivity> quietSince(OrganizationId organization, Instant since, int limit) {
        return jdbc.sql("""
                select client_id, last_received_at, last_measured_at, last_medication_at from client_activity
                where organization_id = ? and last_received_at < ? order by last_received_at, client_id limit ?""")
                .params(organization.value(), Timestamp.from(since), limit)
                .query((rs, row) -> new ClientActivity(rs.getObject(1, UUID.class), instant(rs.getTimestamp(2)),
                        instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4))))
                .list();
    }

    /** The clients with the most readings received late since {@code since}, most first. */
    public List<LateData> lateSince(OrganizationId organization, Instant since, int limit) {
        return jdbc.sql("""
                select client_id, count(*) from measurements
                where organization_id = ? and late = true and received_at >= ? and client_id is not null
                group by client_id order by count(*) desc, client_id limit ?""")
                .params(organization.value(), Timestamp.from(since), limit)
                .query((rs, row) -> new LateData(rs.getObject(1, UUID.class), rs.getLong(2)))
                .list();
    }

    /** The devices that sent the client's readings, most recently active first. */
    public List<DeviceActivity> devices(OrganizationId organization, UUID client) {
        return jdbc.sql("""
                select d.device_id, d.last_measured, d.last_received,
                       (select m.type from measurements m where m.organization_id = :org and m.client_id = :client
                          and m.device_id = d.device_id order by m.measured_at desc, m.id desc limit 1) as last_type,
                       (select m.value_1 from measurements m where m.organization_id = :org and m.client_id = :client
                          and m.device_id = d.device_id and m.type = 'BATTERY'
                          order by m.measured_at desc, m.id desc limit 1) as battery
                from (select device_id, max(measured_at) as last_measured, max(received_at) as last_received
                      from measurements where organization_id = :org and client_id = :client
                      group by device_id) d
                order by d.last_received desc""")
                .param("org", organization.value()).param("client", client)
                .query((rs, row) -> new DeviceActivity(rs.getString("device_id"), rs.getString("last_type"),
                        rs.getTimestamp("last_measured").toInstant(), rs.getTimestamp("last_received").toInstant(),
                        rs.getBigDecimal("battery")))
                .list();
    }

    /** Moves each client's times forward to its newest attributed reading; clients in ascending order (locks). */
    void record(OrganizationId organization, Map<UUID, ClientActivity> newest) {
        List<Object[]> rows = new ArrayList<>();
        newest.forEach((client, a) -> rows.add(new Object[] {client, organization.value(),
                Timestamp.from(a.lastReceivedAt()), Timestamp.from(a.lastMeasuredAt()),
                a.lastMedicationAt() == null ? null : Timestamp.from(a.lastMedicationAt())}));
        batch.batchUpdate("""
                insert into client_activity (client_id, organization_id, last_received_at, last_measured_at,
                    last_medication_at) values (?, ?, ?, ?, ?) on conflict do nothing""", rows);
        batch.batchUpdate("""
                update client_activity set last_received_at = greatest(last_received_at, ?),
                    last_measured_at = greatest(last_measured_at, ?),
                    last_medication_at = greatest(last_medication_at, ?)
                where client_id = ?""", rows.stream().map(r -> new Object[] {r[2], r[3], r[4], r[0]}).toList());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
