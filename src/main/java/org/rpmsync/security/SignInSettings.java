package org.rpmsync.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailures failed sign-ins per account within {@code lockout} before it is locked (five times that per address)
 * @param lockout     the window the failures are counted in
 */
@ConfigurationProperties("rpmsync.login")
record SignInSettings(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockout) {
}
