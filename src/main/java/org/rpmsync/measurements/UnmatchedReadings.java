package org.rpmsync.measurements;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.rpmsync.organization.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What could not be given to a client: readings waiting for a mapping (they move to the client automatically once
 * a Patient ID or device mapping is saved) and items that could not become readings at all.
 */
@Service
public class UnmatchedReadings {

    private final JdbcClient jdbc;

    UnmatchedReadings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<UnmatchedGroup> groups(OrganizationId organization) {
        return jdbc.sql("""
                select source, device_id, patient_id, count(*) as readings, min(measured_at) as first_measured,
                       max(received_at) as last_received
                from measurements where organization_id = ? and client_id is null
                group by source, device_id, patient_id order by max(received_at) desc""")
                .param(organization.value())
                .query((rs, n) -> new UnmatchedGroup(rs.getString("source"), rs.getString("device_id"),
                        rs.getString("patient_id"), rs.getLong("readings"),
                        rs.getTimestamp("first_measured").toInstant(), rs.getTimestamp("last_received").toInstant()))
                .list();
    }

    /** How many readings match no client, and from how many devices: {@code [readings, devices]}. */
    public long[] summary(OrganizationId organization) {
        return jdbc.sql("select count(*), count(distinct device_id) from measurements "
                        + "where organization_id = ? and client_id is null")
                .param(organization.value()).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    public long count(OrganizationId organization) {
        return jdbc.sql("select count(*) from measurements where organization_id = ? and client_id is null")
                .param(organization.value()).query(Long.class).single();
    }

    public List<RejectedItem> rejections(OrganizationId organization, int limit) {
        return jdbc.sql("select id, received_at, origin, reason, raw_item from rejected_items where organization_id = ? "
                        + "order by received_at desc, id desc limit ?")
                .params(organization.value(), limit)
                .query((rs, n) -> new RejectedItem(rs.getLong("id"), rs.getTimestamp("received_at").toInstant(),
                        rs.getString("origin"), rs.getString("reason"), rs.getString("raw_item")))
                .list();
    }

    public long rejectedSince(OrganizationId organization, Instant since) {
        return jdbc.sql("select count(*) from rejected_items where organization_id = ? and received_at >= ?")
                .params(organization.value(), Timestamp.from(since)).query(Long.class).single();
    }
}
