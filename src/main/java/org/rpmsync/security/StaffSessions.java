package org.rpmsync.security;

import org.rpmsync.organization.StaffDeactivated;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Staff sessions live in the database (Spring Session JDBC, {@code spring_session}), so every instance serves every
 * request without sticky sessions, and ending a session (signing out, an account deactivated) ends it everywhere.
 * On PostgreSQL a session attribute is written with {@code INSERT ... ON CONFLICT}, so two requests of one session
 * on two instances never collide on its key.
 */
@Configuration(proxyBeanMethods = false)
class StaffSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    StaffSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @EventListener
    void deactivated(StaffDeactivated event) {
        sessions.findByPrincipalName(event.email()).keySet().forEach(sessions::deleteById);
    }

    @Bean
    static SessionRepositoryCustomizer<JdbcIndexedSessionRepository> postgresSessionWrites(
            DataSourceProperties dataSource) {
        return repository -> {
            if (dataSource.getUrl() != null && dataSource.getUrl().startsWith("jdbc:postgresql:")) {
                new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
            }
        };
    }
}
