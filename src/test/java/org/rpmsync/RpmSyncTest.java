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
 * The whole application against this run's PostgreSQL database, with MockMvc, calling the fake Tenovi on
 * {@link TestPorts#FAKE_TENOVI} (tenovi's {@code FakeTenovi}; nothing listens there until a test uses it). One
 * shared context for every class with this annotation: add nothing that changes the context (properties,
 * {@code @DynamicPropertySource}, mock beans) to a class, or it starts a context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = {PostgresTestDatabase.class, RpmSyncTest.FakeTenoviAsTenovi.class})
public @interface RpmSyncTest {

    /** Points the Tenovi client at the fake Tenovi. */
    class FakeTenoviAsTenovi implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("rpmsync.tenovi.base-url=http://127.0.0.1:" + TestPorts.FAKE_TENOVI)
                    .applyTo(context);
        }
    }
}
