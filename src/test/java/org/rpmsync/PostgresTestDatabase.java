package org.rpmsync;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test application context at a fresh PostgreSQL database, created once per test run and dropped when the
 * JVM exits. The server is {@code RPMSYNC_TEST_PG} (default {@code 127.0.0.1:5432}, user postgres, trust auth).
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String SERVER = System.getenv().getOrDefault("RPMSYNC_TEST_PG", "127.0.0.1:5432");
    private static final String USER = System.getenv().getOrDefault("RPMSYNC_TEST_PG_USER", "postgres");
    private static String databaseName;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + url(database()),
                "spring.datasource.username=" + USER,
                "spring.datasource.password=").applyTo(context);
    }

    public static String url(String database) {
        return "jdbc:postgresql://" + SERVER + "/" + database;
    }

    public static String user() {
        return USER;
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
            throw new IllegalStateException("PostgreSQL at " + SERVER + " is needed for the tests: " + e.getMessage(), e);
        }
    }
}
