package org.rpmsync.web;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Bounds how long an HTTP request waits for the database, so that a database that accepts connections but stops
 * answering costs a request well under 2 s before it answers 503 with Retry-After
 * ({@link ErrorAnswers#databaseUnavailable}):
 * <ul>
 * <li>each read of a request waits at most {@code rpmsync.database.request-wait} (1 s; a network timeout on the
 * connection, reset when it goes back to the pool);</li>
 * <li>a request waits for pool connections at most {@code rpmsync.database.request-acquire} (800 ms) in all, and
 * once a wait failed every later one of the same request fails at once — a request that touches the database
 * several times does not wait several times.</li>
 * </ul>
 * Background work (inbox workers, jobs, migrations) keeps the pool's and the driver's own settings.
 */
@Component
class RequestDatabaseWait implements BeanPostProcessor {

    private final int readMillis;
    private final long acquireMillis;

    RequestDatabaseWait(DatabaseWaits waits) {
        this.readMillis = (int) Math.max(1, waits.requestWait().toMillis());
        this.acquireMillis = Math.max(1, waits.requestAcquire().toMillis());
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof Bounded)
                ? new Bounded(dataSource, readMillis, acquireMillis) : bean;
    }

    /** What one request has spent waiting for pool connections. */
    private static final class Budget {
        long waitedNanos;
        boolean failed;
    }

    static final class Bounded extends DelegatingDataSource {

        private static final String BUDGET = Bounded.class.getName() + ".budget";
        private static final Executor DIRECT = Runnable::run;
        private final int readMillis;
        private final long acquireMillis;

        Bounded(DataSource target, int readMillis, long acquireMillis) {
            super(target);
            this.readMillis = readMillis;
            this.acquireMillis = acquireMillis;
        }

        @Override
        public Connection getConnection() throws SQLException {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request == null) {
                return super.getConnection();
            }
            Budget budget = (Budget) request.getAttribute(BUDGET, RequestAttributes.SCOPE_REQUEST);
            if (budget == null) {
                budget = new Budget();
                request.setAttribute(BUDGET, budget, RequestAttributes.SCOPE_REQUEST);
            }
            long remaining = acquireMillis - budget.waitedNanos / 1_000_000;
            if (budget.failed || remaining <= 0) {
                throw new SQLTransientConnectionException("The database did not answer this request in time.");
            }
            long started = System.nanoTime();
            Connection connection;
            try {
                connection = acquire(remaining);
            } catch (SQLException | RuntimeException e) {
                budget.failed = true;
                throw e;
            } finally {
                budget.waitedNanos += System.nanoTime() - started;
            }
            try {
                connection.setNetworkTimeout(DIRECT, readMillis);
            } catch (SQLException | UnsupportedOperationException e) {
                // a driver without network timeouts (H2 embedded): nothing to bound
            }
            return connection;
        }

        private Connection acquire(long timeoutMillis) throws SQLException {
            if (getTargetDataSource() instanceof HikariDataSource hikari
                    && hikari.getHikariPoolMXBean() instanceof HikariPool pool) {
                return pool.getConnection(Math.max(250, timeoutMillis));
            }
            return super.getConnection();
        }
    }
}
