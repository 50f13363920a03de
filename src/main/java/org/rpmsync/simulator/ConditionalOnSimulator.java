package org.rpmsync.simulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Every simulator bean carries this: nothing of the fake Tenovi exists unless {@code rpmsync.simulator.enabled=true}. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@ConditionalOnProperty(prefix = "rpmsync.simulator", name = "enabled", havingValue = "true")
public @interface ConditionalOnSimulator {
}
