package org.rpmsync;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on PostgreSQL listening on a real port ({@link TestPorts#APP}), with its own simulator as
 * Tenovi: Tenovi calls go over HTTP to the fake Tenovi in the same app. For browser tests and tests that talk
 * HTTP; MockMvc works too. One shared context for every class with this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = {PostgresTestDatabase.class, RealServerTest.OwnSimulator.class})
public @interface RealServerTest {

    /** Listens on {@link TestPorts#APP} and points the Tenovi client at the simulator there. */
    class OwnSimulator implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("server.port=" + TestPorts.APP,
                    "rpmsync.tenovi.base-url=http://127.0.0.1:" + TestPorts.APP + "/simulator/tenovi",
                    "rpmsync.public-base-url=http://localhost:" + TestPorts.APP,
                    "rpmsync.tenovi.read-timeout=5s",
                    // The suite keeps several contexts alive on one PostgreSQL (max_connections 100): stay small.
                    "spring.datasource.hikari.maximum-pool-size=3",
                    "spring.datasource.hikari.minimum-idle=1").applyTo(context);
        }
    }
}
