package org.rpmsync.alerts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rpmsync.care.*} (the prefix of the module alerts and billing were split from): {@code check-readings}
 * (default {@code true}) checks every attributed reading against its client's alert rules ({@link AlertChecks}) and
 * counts its RPM day (billing's {@code RpmDayCount}). Off only to measure what that costs (bench/ingest).
 */
@ConfigurationProperties("rpmsync.care")
public record CareSettings(@DefaultValue("true") boolean checkReadings) {
}
