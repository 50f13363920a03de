package org.rpmsync.simulator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/** The app with the simulator on, a stopped simulated clock and no automatic generator: one shared context. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@org.springframework.test.context.ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rpmsync.simulator.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:simtest;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
        "rpmsync.simulator.tick-interval=0s",
        "rpmsync.simulator.clock-speed=0",
        "rpmsync.simulator.clock-start=2026-03-02T12:00:00Z"})
public @interface RunningSimulator {
}
