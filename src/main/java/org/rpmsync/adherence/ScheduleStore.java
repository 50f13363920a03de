package org.rpmsync.adherence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Schedules and missed-dose reasons, per client, always inside one organization. */
@Repository
class ScheduleStore {

    private final JdbcClient jdbc;

    ScheduleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Schedule> find(UUID organization, UUID client) {
        return jdbc.sql("""
                select am_minute, pm_minute, window_minutes from adherence_schedules
                where organization_id = ? and client_id = ?""")
                .params(organization, client)
                .query((rs, row) -> schedule(rs.getInt(1), rs.getInt(2), rs.getInt(3))).optional();
    }

    /** The schedules the clients have set (clients on the default schedule have none). */
    Map<UUID, Schedule> forClients(UUID organization, Collection<UUID> clients) {
        Map<UUID, Schedule> schedules = new HashMap<>();
        if (clients.isEmpty()) {
            return schedules;
        }
        jdbc.sql("select client_id, am_minute, pm_minute, window_minutes from adherence_schedules "
                        + "where organization_id = :org and client_id in (:clients)")
                .param("org", organization).param("clients", List.copyOf(clients))
                .query(rs -> {
                    schedules.put(rs.getObject(1, UUID.class), schedule(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
                });
        return schedules;
    }

    void save(UUID organization, UUID client, Schedule schedule, String by, Instant at) {
        jdbc.sql("""
                merge into adherence_schedules s
                using (values (cast(? as uuid), cast(? as uuid), cast(? as integer), cast(? as integer),
                               cast(? as integer), cast(? as timestamp with time zone), cast(? as varchar(320))))
                      as v (client_id, organization_id, am_minute, pm_minute, window_minutes, updated_at, updated_by)
                on s.client_id = v.client_id
                when matched then update set am_minute = v.am_minute, pm_minute = v.pm_minute,
                    window_minutes = v.window_minutes, updated_at = v.updated_at, updated_by = v.updated_by
                when not matched then insert (client_id, organization_id, am_minute, pm_minute, window_minutes,
                    updated_at, updated_by)
                    values (v.client_id, v.organization_id, v.am_minute, v.pm_minute, v.window_minutes,
                    v.updated_at, v.updated_by)""")
                .params(client, organization, minutes(schedule.am()), minutes(schedule.pm()),
                        schedule.windowMinutes(), Timestamp.from(at), by)
                .update();
    }

    Map<String, String> reasons(UUID organization, UUID client) {
        Map<String, String> reasons = new HashMap<>();
        jdbc.sql("select slot_date, period, reason from adherence_reasons where organization_id = ? and client_id = ?")
                .params(organization, client)
                .query(rs -> {
                    reasons.put(Scorecard.key(rs.getDate(1).toLocalDate(), Period.valueOf(rs.getString(2))),
                            rs.getString(3));
                });
        return reasons;
    }

    void saveReason(UUID organization, UUID client, java.time.LocalDate date, Period period, String reason,
                    String by, Instant at) {
        jdbc.sql("""
                merge into adherence_reasons r
                using (values (cast(? as uuid), cast(? as uuid), cast(? as date), cast(? as varchar(2)),
                               cast(? as varchar(500)), cast(? as varchar(320)),
                               cast(? as timestamp with time zone)))
                      as v (client_id, organization_id, slot_date, period, reason, noted_by, noted_at)
                on r.client_id = v.client_id and r.slot_date = v.slot_date and r.period = v.period
                when matched then update set reason = v.reason, noted_by = v.noted_by, noted_at = v.noted_at
                when not matched then insert (client_id, organization_id, slot_date, period, reason, noted_by,
                    noted_at) values (v.client_id, v.organization_id, v.slot_date, v.period, v.reason, v.noted_by,
                    v.noted_at)""")
                .params(client, organization, java.sql.Date.valueOf(date), period.name(), reason, by,
                        Timestamp.from(at))
                .update();
    }

    private static Schedule schedule(int am, int pm, int window) {
        return new Schedule(LocalTime.ofSecondOfDay(am * 60L), LocalTime.ofSecondOfDay(pm * 60L), window);
    }

    private static int minutes(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }
}
