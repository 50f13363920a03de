package org.rpmsync.adherence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.TwoInstances;
import org.rpmsync.clients.Client;
import org.rpmsync.organization.Organization;
import org.rpmsync.reports.ClinicData;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database: the background recalculation of 7-day scores (a scheduled job) runs on one of
 * them per interval, and the other takes over once the interval has passed. The calls go through the same proxy
 * the scheduler calls.
 */
class ScheduledRecalculationTests {

    @Test
    void theScheduledRecalculationRunsOnOneInstancePerInterval() {
        TwoInstances two = TwoInstances.get();
        JdbcClient jdbc = two.a.getBean(JdbcClient.class);
        WeekScoreStore scores = two.a.getBean(WeekScoreStore.class);
        jdbc.sql("delete from scheduler_locks where name = 'adherence.recalculate'").update();
        Organization organization = two.a.getBean(Fixtures.class).organization();
        ClinicData data = two.a.getBean(ClinicData.class);
        Client client = data.client(organization, "UTC");
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        data.record(organization, client, Instant.now(), ClinicData.opening("pill-" + UUID.randomUUID(),
                yesterday.atTime(8, 0).toInstant(ZoneOffset.UTC), 0, Opening.dayNumber(yesterday), 1, false));
        UUID org = organization.id().value();
        assertThat(scores.countOutOfDate(org, Instant.now())).isEqualTo(1);

        two.a.getBean(WeeklyAdherence.class).recalculateOnSchedule();
        assertThat(scores.countOutOfDate(org, Instant.now())).isZero();
        assertThat(jdbc.sql("select count(*) from scheduler_locks where name = 'adherence.recalculate' "
                + "and lock_until > locked_at").query(Integer.class).single()).isEqualTo(1);

        outOfDate(jdbc, client);
        two.b.getBean(WeeklyAdherence.class).recalculateOnSchedule();
        two.a.getBean(WeeklyAdherence.class).recalculateOnSchedule();
        assertThat(scores.countOutOfDate(org, Instant.now())).as("A ran this round: nobody runs it again")
                .isEqualTo(1);

        jdbc.sql("update scheduler_locks set lock_until = locked_at - interval '1' hour "
                + "where name = 'adherence.recalculate'").update();
        two.b.getBean(WeeklyAdherence.class).recalculateOnSchedule();
        assertThat(scores.countOutOfDate(org, Instant.now())).as("the next round, on B").isZero();
    }

    private static void outOfDate(JdbcClient jdbc, Client client) {
        jdbc.sql("update adherence_week_scores set valid_until = ? where client_id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), client.id().value()).update();
    }
}
