package org.rpmsync.tenovi;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import org.rpmsync.PostgresTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on PostgreSQL, listening on a real port, with {@code rpmsync.tenovi.base-url} pointing at
 * its own simulator: Tenovi lookups go over HTTP to the fake Tenovi in the same app. MockMvc works too. One shared
 * context for every test class that uses this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = {PostgresTestDatabase.class, SimulatedTenoviTest.OwnSimulator.class})
public @interface SimulatedTenoviTest {

    /** Chooses a free port once and points the Tenovi client at the simulator on it. */
    class OwnSimulator implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        static final int PORT = freePort();

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("server.port=" + PORT,
                    "rpmsync.tenovi.base-url=http://127.0.0.1:" + PORT + "/simulator/tenovi",
                    "rpmsync.tenovi.read-timeout=5s",
                    // The suite keeps several contexts alive on one PostgreSQL (max_connections 100): stay small.
                    "spring.datasource.hikari.maximum-pool-size=3",
                    "spring.datasource.hikari.minimum-idle=1").applyTo(context);
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
