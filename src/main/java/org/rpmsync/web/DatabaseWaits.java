package org.rpmsync.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a web request may wait for the database before it answers 503 ({@link RequestDatabaseWait}).
 *
 * @param requestWait    each read of a request from the database
 * @param requestAcquire the request's waits for pool connections, in all
 */
@ConfigurationProperties("rpmsync.database")
record DatabaseWaits(@DefaultValue("1000ms") Duration requestWait, @DefaultValue("800ms") Duration requestAcquire) {
}
