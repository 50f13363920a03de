package org.rpmsync.tenovi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.rpmsync.RealServerTest;

/**
 * The whole application on a real port with its own simulator as Tenovi ({@link RealServerTest}: one context shared
 * with the browser tests). Accounts in it come from {@link SimulatedAccount}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RealServerTest
public @interface SimulatedTenoviTest {
}
