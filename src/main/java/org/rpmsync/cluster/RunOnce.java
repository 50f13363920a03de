package org.rpmsync.cluster;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Periodic work runs on Spring's scheduler, and each job once across instances: a {@code @Scheduled} method also
 * carries {@code @SchedulerLock(name = ..., lockAtLeastFor = <its interval>, lockAtMostFor = <its interval>)}, so the
 * instance that takes the job's row in {@code scheduler_locks} runs it and the others skip that round; if that
 * instance dies, the lock runs out after the interval and another one takes over. (A run longer than its interval
 * may meet a second one: jobs stay safe to run twice.) Times are the database's, so skewed
 * clocks between instances do not matter. {@code ScheduledWorkTests} fails for a job without the lock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "10m")
class RunOnce {

    @Bean
    LockProvider schedulerLocks(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("scheduler_locks")
                .usingDbTime()
                .build());
    }
}
