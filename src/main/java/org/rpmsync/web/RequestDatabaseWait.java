package org.rpmsync.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Bounds how long an HTTP request waits for the database on any one read: a connection handed out on a request
 * thread gets a network (socket) timeout of {@code rpmsync.database.request-wait} (default 1.5 s), reset when it
 * goes back to the pool. With the pool's connection timeout (1 s) and validation timeout (250 ms), a database that
 * accepts connections but stops answering costs a request at most about 1.5 s before it answers 503 with
 * Retry-After ({@link ErrorAnswers#databaseUnavailable}). Background work (inbox workers, jobs, migrations) keeps
 * the driver's own settings.
 */
@Component
class RequestDatabaseWait implements BeanPostProcessor {

    private static final Executor DIRECT = Runnable::run;
    private final int waitMillis;

    RequestDatabaseWait(@Value("${rpmsync.database.request-wait:1500ms}") Duration wait) {
        this.waitMillis = (int) Math.max(1, wait.toMillis());
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof Bounded) ? new Bounded(dataSource, waitMillis)
                : bean;
    }

    static final class Bounded extends DelegatingDataSource {

        private final int waitMillis;

        Bounded(DataSource target, int waitMillis) {
            super(target);
            this.waitMillis = waitMillis;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return bounded(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return bounded(super.getConnection(username, password));
        }

        private Connection bounded(Connection connection) throws SQLException {
            if (RequestContextHolder.getRequestAttributes() != null) {
                try {
                    connection.setNetworkTimeout(DIRECT, waitMillis);
                } catch (SQLException | UnsupportedOperationException e) {
                    // a driver without network timeouts (H2 embedded): nothing to bound
                }
            }
            return connection;
        }
    }
}
