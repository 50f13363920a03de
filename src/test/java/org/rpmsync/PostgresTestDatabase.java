package org.rpmsync;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test application context at a fresh PostgreSQL database, created once per test run and dropped when the
 * JVM exits. The server is {@code RPMSYNC_TEST_PG} (default {@code 127.0.0.1:5432}, user postgres, trust auth); when
 * nothing answers there (a laptop without PostgreSQL), an embedded PostgreSQL shipped as a Maven artifact is started
 * for the run instead, so {@code ./mvnw verify} works on a fresh machine.
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(PostgresTestDatabase.class);
    private static final String CONFIGURED = System.getenv().getOrDefault("RPMSYNC_TEST_PG", "127.0.0.1:5432");
    private static final String USER = System.getenv().getOrDefault("RPMSYNC_TEST_PG_USER", "postgres");
    private static String server;
    private static String databaseName;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + url(database()),
                "spring.datasource.username=" + USER,
                "spring.datasource.password=").applyTo(context);
    }

    public static String url(String database) {
        return "jdbc:postgresql://" + server() + "/" + database;
    }

    /** host:port of the PostgreSQL server this run uses. */
    public static synchronized String server() {
        if (server == null) {
            server = answers(CONFIGURED) ? CONFIGURED : embedded();
        }
        return server;
    }

    private static boolean answers(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort.substring(0, colon),
                    Integer.parseInt(hostPort.substring(colon + 1))), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String embedded() {
        log.warn("No PostgreSQL answers at {}: starting an embedded PostgreSQL for this test run", CONFIGURED);
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is temporary
                }
            }));
            return "127.0.0.1:" + postgres.getPort();
        } catch (IOException e) {
            throw new IllegalStateException("No PostgreSQL at " + CONFIGURED + " and the embedded one did not start "
                    + "(PostgreSQL refuses to run as root): " + e.getMessage(), e);
        }
    }

    public static String user() {
        return USER;
    }

    /** A pool of its own (at most 3 connections) to this run's database: another instance's, say. Close it. */
    public static HikariDataSource pool() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url(database()));
        dataSource.setUsername(USER);
        dataSource.setMaximumPoolSize(3);
        return dataSource;
    }

    /** The name of this run's database, creating it on first use. */
    public static synchronized String database() {
        if (databaseName == null) {
            String name = "rpmsync_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("create database " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("drop database if exists " + name
                    + " with (force)")));
            databaseName = name;
        }
        return databaseName;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + server() + " is needed for the tests: " + e.getMessage(), e);
        }
    }
}
