package org.rpmsync;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two whole instances of the application (A and B, each with its own web server on a random port) on this run's one
 * PostgreSQL database, as two instances behind a load balancer would be. Started once per test JVM on first use and
 * shared by the tests that need them; closed when the JVM exits.
 */
public final class TwoInstances {

    private static TwoInstances started;

    public final ConfigurableApplicationContext a;
    public final ConfigurableApplicationContext b;

    private TwoInstances(ConfigurableApplicationContext a, ConfigurableApplicationContext b) {
        this.a = a;
        this.b = b;
    }

    public static synchronized TwoInstances get() {
        if (started == null) {
            started = new TwoInstances(start("a"), start("b"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.a.close();
                started.b.close();
            }));
        }
        return started;
    }

    public List<ConfigurableApplicationContext> both() {
        return List.of(a, b);
    }

    /** The instance's base URL, such as {@code http://127.0.0.1:41234}. */
    public static String url(ConfigurableApplicationContext instance) {
        return "http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port");
    }

    private static ConfigurableApplicationContext start(String name) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + PostgresTestDatabase.url(PostgresTestDatabase.database()),
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--server.port=0",
                // Small limits, so that a test sees whether the instances share them in a dozen requests.
                "--rpmsync.api.requests-per-second=0.1", "--rpmsync.api.burst=10",
                "--rpmsync.ingest.deliveries-per-second=3",
                "--spring.application.name=rpm-sync-" + name));
        return new SpringApplicationBuilder(RpmSyncApplication.class).profiles("test").run(args.toArray(String[]::new));
    }
}
