package org.rpmsync.adherence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SortedSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The cached seven-day scores (table {@code adherence_week_scores}). A score is out of date when its version moved
 * on (openings or schedule changed), the client's time zone changed, or its day ended ({@code valid_until}).
 * Writers lock rows in client order, so invalidation and recalculation never deadlock.
 */
@Repository
class WeekScoreStore {

    private static final String OUT_OF_DATE = """
            (s.computed_version is null or s.computed_version <> s.version or s.valid_until <= :now
             or s.time_zone <> c.time_zone)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    WeekScoreStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    record OutOfDate(UUID client, UUID organization, long version, ZoneId zone) {
    }

    record Calculated(UUID client, long version, ZoneId zone, Instant validUntil, Scorecard card) {
    }

    /** Marks the clients' scores out of date, creating them for clients new to the PillBox when {@code add}. */
    void invalidate(UUID organization, SortedSet<UUID> clients, boolean add) {
        if (add) {
            batch.batchUpdate("insert into adherence_week_scores (client_id, organization_id, version) "
                    + "values (?, ?, 0) on conflict do nothing",
                    clients.stream().map(c -> new Object[] {c, organization}).toList());
        }
        batch.batchUpdate("update adherence_week_scores set version = version + 1 where client_id = ?",
                clients.stream().map(c -> new Object[] {c}).toList());
    }

    /** Out-of-date scores, of one organization or (null) of all, in organization then client order. */
    List<OutOfDate> outOfDate(UUID organization, Instant now, int limit) {
        String where = organization == null ? "" : "s.organization_id = :org and ";
        JdbcClient.StatementSpec sql = jdbc.sql("""
                select s.client_id, s.organization_id, s.version, c.time_zone
                from adherence_week_scores s join client_names c on c.id = s.client_id
                where %s%s order by s.organization_id, s.client_id limit :limit""".formatted(where, OUT_OF_DATE))
                .param("now", Timestamp.from(now)).param("limit", limit);
        if (organization != null) {
            sql = sql.param("org", organization);
        }
        return sql.query((rs, row) -> new OutOfDate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getLong(3), ZoneId.of(rs.getString(4)))).list();
    }

    long countOutOfDate(UUID organization, Instant now) {
        return jdbc.sql("select count(*) from adherence_week_scores s join client_names c on c.id = s.client_id "
                        + "where s.organization_id = :org and " + OUT_OF_DATE)
                .param("org", organization).param("now", Timestamp.from(now)).query(Long.class).single();
    }

    /** Stores calculations (each as of the version it read: a later invalidation keeps it out of date). */
    void save(List<Calculated> scores) {
        batch.batchUpdate("""
                update adherence_week_scores set computed_version = ?, time_zone = ?, valid_until = ?, due = ?,
                    taken = ?, percent_taken = ?, percent_on_time = ?
                where client_id = ?""", scores.stream().map(s -> new Object[] {s.version(), s.zone().getId(),
                Timestamp.from(s.validUntil()), s.card().due(), taken(s.card()), s.card().percentTaken(),
                s.card().percentOnTime(), s.client()}).toList());
    }

    /**
     * The organization's scores, lowest first (never calculated and nothing due last), then by client name; and
     * how many it has in all ({@code clients} of the result, 0 when it has none).
     */
    WeekScores lowest(UUID organization, int limit) {
        long[] clients = {0};
        List<WeekScore> lowest = jdbc.sql("""
                select s.client_id, s.computed_version, s.due, s.taken, s.percent_taken, s.percent_on_time,
                       count(*) over () as clients
                from adherence_week_scores s join client_names c on c.id = s.client_id
                where s.organization_id = ?
                order by case when s.percent_taken is null then 1 else 0 end, s.percent_taken,
                         lower(c.last_name), lower(c.first_name), s.client_id
                limit ?""")
                .params(organization, limit)
                .query((rs, row) -> {
                    clients[0] = rs.getLong(7);
                    return new WeekScore(rs.getObject(1, UUID.class), rs.getObject(2) != null, rs.getInt(3),
                            rs.getInt(4), rs.getObject(5, Integer.class), rs.getObject(6, Integer.class));
                })
                .list();
        return new WeekScores(lowest, clients[0], 0);
    }

    private static long taken(Scorecard card) {
        return card.count(SlotStatus.TAKEN) + card.count(SlotStatus.LATE);
    }
}
